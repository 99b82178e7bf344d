package app.resonance.console.surveys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.surveys.control.ConditionDraft;
import app.resonance.surveys.control.OptionDraft;
import app.resonance.surveys.control.QuestionDraft;
import app.resonance.surveys.control.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The designer edits questions as models; what it saves is exactly what it loaded, logic included. */
class QuestionModelTest {

    @Test
    void aQuestionWithOptionsPageAndSkipLogicSurvivesTheDesigner() {
        QuestionDraft original = new QuestionDraft(
                "topic",
                "SINGLE_CHOICE",
                false,
                new Texts("Thema?", "Topic?"),
                null,
                null,
                null,
                null,
                List.of(new OptionDraft("price", new Texts("Preis", "Price"))),
                List.of(),
                2,
                new ConditionDraft("nps", "BETWEEN", List.of("0", "6")));
        assertEquals(original, QuestionModel.of(original).draft());
    }

    @Test
    void changingTheTypeDropsWhatTheNewTypeCannotHave() {
        QuestionModel model = QuestionModel.of(new QuestionDraft(
                "r", "RATING", true, new Texts("Wie?", "How?"), 0, 10, null, null, List.of(), List.of(), null, null));
        model.getOptions().add(new QuestionModel.OptionModel());
        model.setType("LONG_TEXT");
        QuestionDraft saved = model.draft();
        assertNull(saved.min());
        assertNull(saved.max());
        assertEquals(List.of(), saved.options());
        assertNull(saved.showIf());
    }

    @Test
    void conditionValuesAreSplitAndTrimmed() {
        QuestionModel model = QuestionModel.of(new QuestionDraft(
                "why",
                "LONG_TEXT",
                false,
                new Texts("Warum?", "Why?"),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null));
        model.setShowIfQuestion("nps");
        model.setShowIfOperator("ANY_OF");
        model.setShowIfValues(" 0, 1 ,,2 ");
        assertEquals(
                new ConditionDraft("nps", "ANY_OF", List.of("0", "1", "2")),
                model.draft().showIf());
    }
}
