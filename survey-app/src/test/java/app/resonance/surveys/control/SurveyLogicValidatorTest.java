package app.resonance.surveys.control;

import static app.resonance.surveys.control.SurveyDraftValidatorTest.EN;
import static app.resonance.surveys.control.SurveyDraftValidatorTest.choice;
import static app.resonance.surveys.control.SurveyDraftValidatorTest.fieldsAndCodes;
import static app.resonance.surveys.control.SurveyDraftValidatorTest.option;
import static app.resonance.surveys.control.SurveyDraftValidatorTest.questions;
import static app.resonance.surveys.control.SurveyDraftValidatorTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.control.Texts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages, skip logic, piping and survey settings as the designer and the admin API define them. */
class SurveyLogicValidatorTest {

    static QuestionDraft on(int page, String id, String type, ConditionDraft showIf) {
        return new QuestionDraft(id, type, true, texts(id), null, null, null, null, null, null, page, showIf);
    }

    static QuestionDraft piped(String id, String textEn) {
        return new QuestionDraft(
                id, "LONG_TEXT", false, Texts.of("Warum?", textEn), null, null, null, null, null, null, 2, null);
    }

    @Test
    void askingWhatToImproveOnlyOfDetractorsIsAValidSurvey() {
        assertEquals(
                List.of(),
                questions(
                        on(1, "nps", "NPS", null),
                        on(2, "improve", "LONG_TEXT", new ConditionDraft("nps", "BETWEEN", List.of("0", "6"))),
                        on(2, "praise", "LONG_TEXT", new ConditionDraft("nps", "ANY_OF", List.of("9", "10"))),
                        piped("why", "You gave us {answer:nps}, {customer.name}. Why?")));
    }

    @Test
    void aConditionMustLookBackAtAnEarlierQuestion() {
        assertEquals(
                List.of("questions[0].showIf.question conditionQuestion"),
                questions(
                        on(1, "improve", "LONG_TEXT", new ConditionDraft("nps", "BETWEEN", List.of("0", "6"))),
                        on(2, "nps", "NPS", null)));
    }

    @Test
    void conditionValuesMustBeScoresOrOptionsOfTheEarlierQuestion() {
        assertEquals(
                List.of("questions[1].showIf.values[1] conditionValue", "questions[3].showIf.values[0] conditionValue"),
                questions(
                        on(1, "nps", "NPS", null),
                        on(1, "a", "SHORT_TEXT", new ConditionDraft("nps", "ANY_OF", List.of("9", "11"))),
                        choice("plan", "SINGLE_CHOICE", List.of(option("basic"), option("pro")), null),
                        on(2, "b", "SHORT_TEXT", new ConditionDraft("plan", "NONE_OF", List.of("gold")))));
    }

    @Test
    void rangesNeedTwoOrderedNumbersAndTextsCanOnlyBeAnswered() {
        assertEquals(
                List.of("questions[1].showIf.values conditionRange", "questions[2].showIf.operator conditionType"),
                questions(
                        on(1, "nps", "NPS", null),
                        on(1, "a", "SHORT_TEXT", new ConditionDraft("nps", "BETWEEN", List.of("6", "0"))),
                        on(1, "b", "SHORT_TEXT", new ConditionDraft("a", "ANY_OF", List.of("x"))),
                        on(2, "c", "SHORT_TEXT", new ConditionDraft("a", "ANSWERED", null))));
    }

    @Test
    void pagesGoForwardOnlyAndPipesNameEarlierQuestions() {
        assertEquals(
                List.of("questions[1].page pageOrder", "questions[2].page page", "questions[3].text.en pipe"),
                questions(
                        on(2, "nps", "NPS", null),
                        on(1, "a", "SHORT_TEXT", null),
                        on(21, "b", "SHORT_TEXT", null),
                        piped("why", "Why {answer:later}?")));
    }

    @Test
    void settingsNameEveryBadField() {
        var settings = new SurveySettings(
                Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                0,
                "SOMETIMES",
                List.of("https://shop.example.com", "javascript:alert(1)", "https://SHOP.example.com/"),
                null,
                "WEEKLY");
        assertEquals(
                List.of(
                        "closesAt closesBeforeOpens",
                        "responseLimit positive",
                        "answerPolicy oneOf",
                        "contactKind oneOf",
                        "allowedOrigins[1] origin",
                        "allowedOrigins[2] duplicate"),
                fieldsAndCodes(SurveySettingsValidator.validate(settings, EN)));
    }

    @Test
    void hiddenFieldNamesAreCheckedAndLimitedToTen() {
        var bad = new SurveySettings(
                null,
                null,
                null,
                null,
                null,
                List.of("source", "Ticket-ID", "a".repeat(41), "source", "ticket_id"),
                null);
        assertEquals(
                List.of(
                        "hiddenFields[1] hiddenFieldName",
                        "hiddenFields[2] hiddenFieldName",
                        "hiddenFields[3] duplicate"),
                fieldsAndCodes(SurveySettingsValidator.validate(bad, EN)));
        var eleven = new SurveySettings(
                null,
                null,
                null,
                null,
                null,
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> "f" + i).toList(),
                null);
        assertEquals(List.of("hiddenFields tooMany"), fieldsAndCodes(SurveySettingsValidator.validate(eleven, EN)));
        var fine = new SurveySettings(
                null, null, null, null, null, List.of("source", "a".repeat(40), "x_1"), "TRANSACTIONAL");
        assertEquals(List.of(), fieldsAndCodes(SurveySettingsValidator.validate(fine, EN)));
    }

    @Test
    void originsAreNormalisedAndPathsRejected() {
        assertEquals(
                "https://shop.example.com:8443", SurveySettingsValidator.origin(" HTTPS://Shop.Example.com:8443 "));
        assertNull(SurveySettingsValidator.origin("https://shop.example.com/path"));
        assertNull(SurveySettingsValidator.origin("https://user@shop.example.com"));
        assertNull(SurveySettingsValidator.origin("ftp://shop.example.com"));
    }
}
