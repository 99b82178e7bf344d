package app.resonance.console.surveys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.control.Texts;
import app.resonance.surveys.control.ConditionDraft;
import app.resonance.surveys.control.OptionDraft;
import app.resonance.surveys.control.QuestionDraft;
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
                Texts.of("Thema?", "Topic?"),
                null,
                null,
                null,
                null,
                List.of(new OptionDraft("price", Texts.of("Preis", "Price"))),
                List.of(),
                2,
                new ConditionDraft("nps", "BETWEEN", List.of("0", "6")));
        assertEquals(original, QuestionModel.of(original).draft());
    }

    @Test
    void changingTheTypeDropsWhatTheNewTypeCannotHave() {
        QuestionModel model = QuestionModel.of(new QuestionDraft(
                "r", "RATING", true, Texts.of("Wie?", "How?"), 0, 10, null, null, List.of(), List.of(), null, null));
        model.getOptions().add(new OptionModel());
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
                Texts.of("Warum?", "Why?"),
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

    static QuestionModel question(String type, Integer min, Integer max) {
        return QuestionModel.of(new QuestionDraft(
                "q",
                type,
                true,
                Texts.of("Frage?", "Question?"),
                min,
                max,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null));
    }

    @Test
    void thePreviewShowsEveryScaleAsItsPoints() {
        assertEquals(
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                question("NPS", null, null).getPoints());
        assertEquals(List.of(1, 2, 3, 4, 5), question("CSAT", null, null).getPoints());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), question("CES", null, null).getPoints());
        assertEquals(List.of(0, 1, 2, 3), question("RATING", 0, 3).getPoints());
        assertEquals(List.of(), question("LONG_TEXT", null, null).getPoints(), "no scale, no points");
    }

    @Test
    void aRangeIsWrittenInTheReadersLanguageNotAsTheStoredList() {
        QuestionModel model = question("LONG_TEXT", null, null);
        model.setShowIfQuestion("nps");
        model.setShowIfOperator("BETWEEN");
        model.setShowIfValues("0,6");
        assertEquals("0 and 6", model.conditionValues(java.util.Locale.ENGLISH, "{0} and {1}"));
        assertEquals("0 und 6", model.conditionValues(java.util.Locale.GERMAN, "{0} und {1}"));
        model.setShowIfOperator("ANY_OF");
        model.setShowIfValues("9, 10,1000");
        assertEquals("9, 10, 1,000", model.conditionValues(java.util.Locale.ENGLISH, "{0} and {1}"));
        assertEquals("9, 10, 1.000", model.conditionValues(java.util.Locale.GERMAN, "{0} und {1}"));
    }
}
