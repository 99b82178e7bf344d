package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.Condition;
import app.resonance.surveys.entity.ConditionOperator;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Skip logic over pages, and the API's validation that honours it. */
class VisibilityTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static LocalizedText text(String s) {
        return new LocalizedText(s, s);
    }

    /** Page 1: nps, plan; page 2: improve (nps 0-6), praise (nps 9-10, optional); page 3: pro_only (plan pro). */
    static SurveyVersion version() {
        Survey survey = new Survey("logic", SurveyKind.NPS, false, NOW);
        SurveyVersion v = survey.latestVersion();
        v.addQuestion("nps", QuestionType.NPS, true, text("NPS"));
        v.addQuestion("plan", QuestionType.SINGLE_CHOICE, false, text("Plan"))
                .addOption(OptionRole.OPTION, "basic", text("Basic"))
                .addOption(OptionRole.OPTION, "pro", text("Pro"));
        v.addQuestion("improve", QuestionType.LONG_TEXT, true, text("Improve"))
                .placed(2, new Condition("nps", ConditionOperator.BETWEEN, List.of("0", "6")));
        v.addQuestion("praise", QuestionType.LONG_TEXT, false, text("Praise"))
                .placed(2, new Condition("nps", ConditionOperator.ANY_OF, List.of("9", "10")));
        v.addQuestion("pro_only", QuestionType.SHORT_TEXT, true, text("Pro"))
                .placed(3, new Condition("plan", ConditionOperator.ANY_OF, List.of("pro")));
        return v;
    }

    static FormValues values(String... fieldsAndValues) {
        var map = new java.util.LinkedHashMap<String, List<String>>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put(fieldsAndValues[i], List.of(fieldsAndValues[i + 1]));
        }
        return FormValues.of(map);
    }

    @Test
    void pagesWithoutAShownQuestionAreSkipped() {
        SurveyVersion v = version();
        Visibility passive = new Visibility(v, values("q.nps", "8", "q.plan", "basic"));
        assertEquals(List.of(1), passive.pages(), "a passive basic customer sees page 1 only");
        assertEquals(Optional.empty(), passive.after(1));
        Visibility detractor = new Visibility(v, values("q.nps", "3", "q.plan", "pro"));
        assertEquals(List.of(1, 2, 3), detractor.pages());
        assertEquals(
                List.of("improve"),
                detractor.shownOn(2).stream().map(q -> q.key()).toList());
        assertEquals(Optional.of(1), detractor.before(2));
    }

    @Test
    void anUnansweredQuestionShowsNothingThatDependsOnIt() {
        Visibility nothing = new Visibility(version(), FormValues.empty());
        assertEquals(List.of(1), nothing.pages());
        assertEquals(
                List.of("improve", "praise", "pro_only"),
                nothing.hidden().stream().map(q -> q.key()).toList());
    }

    @Test
    void theApiNeitherRequiresNorStoresAnswersToHiddenQuestions() {
        SurveyVersion v = version();
        Messages en = Messages.of(Locale.ENGLISH);
        var promoter = AnswerValidator.validate(
                v,
                Json.createObjectBuilder()
                        .add("nps", 10)
                        .add("improve", "stale")
                        .build(),
                false,
                en);
        assertTrue(promoter.isValid(), promoter.errors().toString());
        assertEquals(
                List.of("nps"),
                promoter.values().stream().map(a -> a.question().key()).toList(),
                "the answer to the hidden question is dropped");
        var detractor = AnswerValidator.validate(
                v, Json.createObjectBuilder().add("nps", 2).build(), false, en);
        assertEquals(
                List.of("answers.improve"),
                detractor.errors().stream().map(e -> e.field()).toList(),
                "a shown required question must be answered");
    }

    @Test
    void formFieldsBecomeTheApisAnswersAndBack() {
        SurveyVersion v = version();
        FormValues form = FormValues.of(Map.of(
                "q.nps", List.of("7"),
                "q.plan", List.of("pro"),
                "q.improve", List.of("  "),
                "other", List.of("ignored")));
        assertEquals("{\"nps\":7,\"plan\":\"pro\"}", form.answers(v.questions()).toString());
        assertFalse(form.answered(v.question("improve").orElseThrow()), "blank counts as unanswered");
        assertEquals(
                "{\"nps\":\"seven\"}",
                values("q.nps", "seven").answers(v.questions()).toString(),
                "a non-number is passed on for the validator to name");
        FormValues merged = form.with(v.questions().subList(0, 1), values("q.nps", "2"));
        assertEquals(List.of("2"), merged.values("q.nps"));
        assertEquals(List.of("pro"), merged.values("q.plan"));
    }
}
