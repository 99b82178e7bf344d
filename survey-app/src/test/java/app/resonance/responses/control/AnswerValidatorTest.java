package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Messages DE = Messages.of(Locale.GERMAN);

    /** Every question type, none of them required. */
    static final SurveyVersion ALL_TYPES = published(v -> {
        v.addQuestion("nps", QuestionType.NPS, false, text("Empfehlung?", "Recommend?"));
        v.addQuestion("csat", QuestionType.CSAT, false, text("Zufrieden?", "Satisfied?"));
        v.addQuestion("ces", QuestionType.CES, false, text("Aufwand?", "Effort?"));
        v.addQuestion("stars", QuestionType.RATING, false, text("Sterne?", "Stars?"))
                .scale(0, 6, text("schlecht", "bad"), text("super", "great"));
        v.addQuestion("plan", QuestionType.SINGLE_CHOICE, false, text("Tarif?", "Plan?"))
                .addOption(OptionRole.OPTION, "basic", text("Basis", "Basic"))
                .addOption(OptionRole.OPTION, "pro", text("Profi", "Pro"));
        v.addQuestion("features", QuestionType.MULTIPLE_CHOICE, false, text("Funktionen?", "Features?"))
                .addOption(OptionRole.OPTION, "reports", text("Berichte", "Reports"))
                .addOption(OptionRole.OPTION, "alerts", text("Alarme", "Alerts"))
                .addOption(OptionRole.OPTION, "export", text("Export", "Export"));
        v.addQuestion("m", QuestionType.MATRIX, false, text("Bewerten Sie", "Rate"))
                .addOption(OptionRole.ROW, "r1", text("Preis", "Price"))
                .addOption(OptionRole.ROW, "r2", text("Support", "Support"))
                .addOption(OptionRole.COLUMN, "c1", text("schlecht", "bad"))
                .addOption(OptionRole.COLUMN, "c2", text("ok", "ok"))
                .addOption(OptionRole.COLUMN, "c3", text("gut", "good"));
        v.addQuestion("short", QuestionType.SHORT_TEXT, false, text("Kurz?", "Short?"));
        v.addQuestion("long", QuestionType.LONG_TEXT, false, text("Lang?", "Long?"));
    });

    /** Required NPS, multiple choice and matrix, optional comment. */
    static final SurveyVersion REQUIRED = published(v -> {
        v.addQuestion("nps", QuestionType.NPS, true, text("Empfehlung?", "Recommend?"));
        v.addQuestion("features", QuestionType.MULTIPLE_CHOICE, true, text("Funktionen?", "Features?"))
                .addOption(OptionRole.OPTION, "reports", text("Berichte", "Reports"))
                .addOption(OptionRole.OPTION, "alerts", text("Alarme", "Alerts"));
        v.addQuestion("m", QuestionType.MATRIX, true, text("Bewerten Sie", "Rate"))
                .addOption(OptionRole.ROW, "r1", text("Preis", "Price"))
                .addOption(OptionRole.ROW, "r2", text("Support", "Support"))
                .addOption(OptionRole.COLUMN, "c1", text("schlecht", "bad"))
                .addOption(OptionRole.COLUMN, "c2", text("gut", "good"));
        v.addQuestion("comment", QuestionType.SHORT_TEXT, false, text("Kommentar?", "Comment?"));
    });

    static LocalizedText text(String de, String en) {
        return new LocalizedText(de, en);
    }

    static SurveyVersion published(Consumer<SurveyVersion> questions) {
        Survey survey = new Survey("test-survey", SurveyKind.NPS, false, NOW);
        SurveyVersion version = survey.latestVersion();
        version.describe(text("Umfrage", "Survey"), null, List.of("de", "en"), "de");
        questions.accept(version);
        return survey.publish(NOW);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static Question q(SurveyVersion version, String key) {
        return version.question(key).orElseThrow();
    }

    static AnswerValidator.Result validate(String answers) {
        return AnswerValidator.validate(ALL_TYPES, json(answers), false, EN);
    }

    static List<String> fieldsAndCodes(AnswerValidator.Result result) {
        return result.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    static void assertSingleError(String field, String code, AnswerValidator.Result result) {
        assertEquals(List.of(field + " " + code), fieldsAndCodes(result));
        assertFalse(result.isValid());
    }

    // ---- NPS, CSAT, CES, RATING ----

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 10})
    void npsAcceptsWholeNumbersFromZeroToTen(int score) {
        var result = validate("{\"nps\": " + score + "}");
        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(List.of(new AnswerValue(q(ALL_TYPES, "nps"), null, null, score, null)), result.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "100000000000000000000", "-2147483649", "2147483648"})
    void npsRejectsWholeNumbersOutsideTheScale(String score) {
        var result = validate("{\"nps\": " + score + "}");
        assertSingleError("answers.nps", "outOfRange", result);
        assertEquals("Choose a value from 0 to 10.", result.errors().get(0).message());
        assertEquals(List.of(), result.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.5", "\"9\"", "true", "false", "1e30", "[9]", "{\"score\": 9}"})
    void npsRejectsAnythingButAWholeNumber(String score) {
        var result = validate("{\"nps\": " + score + "}");
        assertSingleError("answers.nps", "expectedInteger", result);
        assertEquals("Give a whole number from 0 to 10.", result.errors().get(0).message());
        assertEquals(List.of(), result.values());
    }

    @ParameterizedTest
    @CsvSource({
        "csat,1,true",
        "csat,5,true",
        "csat,0,false",
        "csat,6,false",
        "ces,1,true",
        "ces,7,true",
        "ces,0,false",
        "ces,8,false",
        "stars,0,true",
        "stars,6,true",
        "stars,-1,false",
        "stars,7,false"
    })
    void standardAndCustomScalesHaveTheirOwnBounds(String key, int score, boolean valid) {
        var result = validate("{\"" + key + "\": " + score + "}");
        if (valid) {
            assertEquals(List.of(), result.errors());
            assertEquals(List.of(AnswerValue.score(q(ALL_TYPES, key), score)), result.values());
        } else {
            assertSingleError("answers." + key, "outOfRange", result);
        }
    }

    @Test
    void outOfRangeMessagesNameTheQuestionsScale() {
        assertEquals(
                "Choose a value from 1 to 5.",
                validate("{\"csat\": 6}").errors().get(0).message());
        assertEquals(
                "Choose a value from 1 to 7.",
                validate("{\"ces\": 8}").errors().get(0).message());
        assertEquals(
                "Choose a value from 0 to 6.",
                validate("{\"stars\": 7}").errors().get(0).message());
    }

    // ---- single choice ----

    @Test
    void singleChoiceStoresTheChosenOptionCode() {
        var result = validate("{\"plan\": \"pro\"}");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(new AnswerValue(q(ALL_TYPES, "plan"), null, "pro", null, null)), result.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gold", "PRO", "Pro", "r1"})
    void singleChoiceRejectsCodesThatAreNotOffered(String code) {
        assertSingleError("answers.plan", "unknownOption", validate("{\"plan\": \"" + code + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "[\"pro\"]", "true", "{\"code\": \"pro\"}"})
    void singleChoiceNeedsAString(String value) {
        assertSingleError("answers.plan", "expectedOption", validate("{\"plan\": " + value + "}"));
    }

    // ---- multiple choice ----

    @Test
    void multipleChoiceStoresEveryChosenOptionInTheGivenOrder() {
        var result = validate("{\"features\": [\"export\", \"reports\"]}");
        assertEquals(List.of(), result.errors());
        Question features = q(ALL_TYPES, "features");
        assertEquals(
                List.of(AnswerValue.option(features, "export"), AnswerValue.option(features, "reports")),
                result.values());
    }

    @Test
    void multipleChoiceNeedsAList() {
        assertSingleError("answers.features", "expectedOptions", validate("{\"features\": \"reports\"}"));
    }

    @Test
    void multipleChoiceRejectsAnOptionChosenTwice() {
        var result = validate("{\"features\": [\"reports\", \"reports\"]}");
        assertSingleError("answers.features[1]", "duplicate", result);
        assertEquals("This appears twice.", result.errors().get(0).message());
    }

    @Test
    void multipleChoiceNamesEachBadItemByItsIndex() {
        var result = validate("{\"features\": [\"reports\", \"gold\", 3, \"alerts\", \"alerts\"]}");
        assertEquals(
                List.of(
                        "answers.features[1] unknownOption",
                        "answers.features[2] expectedOption",
                        "answers.features[4] duplicate"),
                fieldsAndCodes(result));
    }

    @Test
    void requiredMultipleChoiceRejectsAnEmptyList() {
        var result = AnswerValidator.validate(
                REQUIRED, json("{\"nps\": 9, \"features\": [], \"m\": {\"r1\": \"c1\", \"r2\": \"c2\"}}"), false, EN);
        assertSingleError("answers.features", "required", result);
        assertEquals("Please answer this.", result.errors().get(0).message());
    }

    @Test
    void anEmptyListForAnOptionalQuestionIsNoAnswer() {
        var result = validate("{\"features\": []}");
        assertSingleError("answers", "noAnswers", result);
    }

    // ---- matrix ----

    @Test
    void matrixStoresOneValuePerAnsweredRowInRowOrder() {
        var result = validate("{\"m\": {\"r2\": \"c3\", \"r1\": \"c1\"}}");
        assertEquals(List.of(), result.errors());
        Question m = q(ALL_TYPES, "m");
        assertEquals(
                List.of(new AnswerValue(m, "r1", "c1", null, null), new AnswerValue(m, "r2", "c3", null, null)),
                result.values());
    }

    @Test
    void optionalMatrixMayLeaveRowsOut() {
        var result = validate("{\"m\": {\"r2\": \"c2\"}}");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(AnswerValue.matrix(q(ALL_TYPES, "m"), "r2", "c2")), result.values());
    }

    @Test
    void matrixRejectsAnUnknownRow() {
        var result = validate("{\"m\": {\"r1\": \"c1\", \"r9\": \"c1\"}}");
        assertSingleError("answers.m.r9", "unknownRow", result);
        assertEquals("This question has no such row.", result.errors().get(0).message());
    }

    @Test
    void matrixRejectsAColumnCodeUsedAsARow() {
        assertSingleError("answers.m.c1", "unknownRow", validate("{\"m\": {\"c1\": \"c1\"}}"));
    }

    @Test
    void matrixRejectsAnUnknownColumn() {
        assertSingleError("answers.m.r1", "unknownOption", validate("{\"m\": {\"r1\": \"c9\", \"r2\": \"c1\"}}"));
    }

    @Test
    void matrixRejectsARowCodeUsedAsAColumn() {
        assertSingleError("answers.m.r1", "unknownOption", validate("{\"m\": {\"r1\": \"r2\"}}"));
    }

    @Test
    void matrixCellMustBeAString() {
        assertSingleError("answers.m.r2", "expectedOption", validate("{\"m\": {\"r2\": 3}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"c1\"", "[\"c1\"]", "3"})
    void matrixNeedsAnObject(String value) {
        var result = validate("{\"m\": " + value + "}");
        assertSingleError("answers.m", "expectedMatrix", result);
        assertEquals("Give one choice per row.", result.errors().get(0).message());
    }

    @Test
    void requiredMatrixNeedsEveryRow() {
        var result = AnswerValidator.validate(
                REQUIRED, json("{\"nps\": 9, \"features\": [\"alerts\"], \"m\": {\"r1\": \"c2\"}}"), false, EN);
        assertSingleError("answers.m.r2", "required", result);
    }

    @Test
    void requiredMatrixTreatsANullCellAsMissing() {
        var result = AnswerValidator.validate(
                REQUIRED,
                json("{\"nps\": 9, \"features\": [\"alerts\"], \"m\": {\"r1\": null, \"r2\": \"c1\"}}"),
                false,
                EN);
        assertSingleError("answers.m.r1", "required", result);
    }

    @Test
    void partialResponseMayLeaveRowsOfARequiredMatrixOpen() {
        var result = AnswerValidator.validate(REQUIRED, json("{\"m\": {\"r1\": \"c2\"}}"), true, EN);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(AnswerValue.matrix(q(REQUIRED, "m"), "r1", "c2")), result.values());
    }

    // ---- texts ----

    @Test
    void textIsStoredWithoutSurroundingWhitespace() {
        var result = validate("{\"short\": \"  Very good\\nthanks \\t\"}");
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(new AnswerValue(q(ALL_TYPES, "short"), null, null, null, "Very good\nthanks")),
                result.values());
    }

    @Test
    void shortTextAcceptsFiveHundredCharacters() {
        String text = "a".repeat(500);
        var result = validate("{\"short\": \"" + text + "\"}");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(AnswerValue.text(q(ALL_TYPES, "short"), text)), result.values());
    }

    @Test
    void shortTextRejectsFiveHundredAndOneCharacters() {
        var result = validate("{\"short\": \"" + "a".repeat(501) + "\"}");
        assertSingleError("answers.short", "tooLong", result);
        assertEquals("At most 500 characters.", result.errors().get(0).message());
        assertEquals(List.of(), result.values());
    }

    @Test
    void textLengthCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(500);
        var ok = validate("{\"short\": \"" + emoji + "\"}");
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of(AnswerValue.text(q(ALL_TYPES, "short"), emoji)), ok.values());

        assertSingleError("answers.short", "tooLong", validate("{\"short\": \"" + emoji + "x\"}"));
    }

    @Test
    void whitespaceAroundTheTextDoesNotCountTowardsTheLimit() {
        String text = "b".repeat(500);
        var result = validate("{\"short\": \"   " + text + "   \"}");
        assertEquals(List.of(AnswerValue.text(q(ALL_TYPES, "short"), text)), result.values());
    }

    @Test
    void longTextAcceptsFiveThousandCodePoints() {
        String text = "\u00e4".repeat(4999) + "\uD83D\uDE00";
        var result = validate("{\"long\": \"" + text + "\"}");
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(AnswerValue.text(q(ALL_TYPES, "long"), text)), result.values());
    }

    @Test
    void longTextRejectsFiveThousandAndOneCodePoints() {
        var result = validate("{\"long\": \"" + "x".repeat(5001) + "\"}");
        assertSingleError("answers.long", "tooLong", result);
        assertEquals("At most 5,000 characters.", result.errors().get(0).message());
    }

    @Test
    void shortTextLimitDoesNotApplyToLongText() {
        String text = "y".repeat(501);
        assertEquals(
                List.of(AnswerValue.text(q(ALL_TYPES, "long"), text)),
                validate("{\"long\": \"" + text + "\"}").values());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\\u0000b",
                "bell\\u0007",
                "esc\\u001b[31m",
                "lone \\ud800 high",
                "lone \\udc00 low",
                "del\\u007f"
            })
    void textWithControlCharactersOrBrokenUnicodeIsRejected(String jsonText) {
        var result = validate("{\"long\": \"" + jsonText + "\"}");
        assertSingleError("answers.long", "badCharacters", result);
        assertEquals(
                "Contains characters that are not allowed (control characters or broken Unicode).",
                result.errors().get(0).message());
        assertEquals(List.of(), result.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "[\"text\"]", "{\"de\": \"Text\"}"})
    void textMustBeAString(String value) {
        assertSingleError("answers.short", "expectedText", validate("{\"short\": " + value + "}"));
    }

    // ---- required, partial, unknown, empty ----

    @Test
    void missingRequiredAnswerIsNamed() {
        var result = AnswerValidator.validate(
                REQUIRED, json("{\"features\": [\"reports\"], \"m\": {\"r1\": \"c1\", \"r2\": \"c2\"}}"), false, EN);
        assertSingleError("answers.nps", "required", result);
        assertEquals("Please answer this.", result.errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"   \""})
    void nullOrBlankCountsAsMissing(String value) {
        var result = AnswerValidator.validate(
                REQUIRED,
                json("{\"nps\": " + value + ", \"features\": [\"reports\"], \"m\": {\"r1\": \"c1\", \"r2\": \"c2\"}}"),
                false,
                EN);
        assertSingleError("answers.nps", "required", result);
    }

    @Test
    void everyMissingRequiredAnswerIsReportedInQuestionOrder() {
        var result = AnswerValidator.validate(REQUIRED, json("{\"comment\": \"hi\"}"), false, EN);
        assertEquals(
                List.of("answers.nps required", "answers.features required", "answers.m required"),
                fieldsAndCodes(result));
    }

    @Test
    void completeValidSubmissionStoresAllValues() {
        var result = AnswerValidator.validate(
                REQUIRED,
                json("{\"nps\": 10, \"features\": [\"alerts\"], \"m\": {\"r1\": \"c1\", \"r2\": \"c2\"}}"),
                false,
                EN);
        assertTrue(result.isValid());
        Question m = q(REQUIRED, "m");
        assertEquals(
                List.of(
                        AnswerValue.score(q(REQUIRED, "nps"), 10),
                        AnswerValue.option(q(REQUIRED, "features"), "alerts"),
                        AnswerValue.matrix(m, "r1", "c1"),
                        AnswerValue.matrix(m, "r2", "c2")),
                result.values());
    }

    @Test
    void partialResponseMayLeaveRequiredQuestionsOut() {
        var result = AnswerValidator.validate(REQUIRED, json("{\"features\": [\"reports\"]}"), true, EN);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(AnswerValue.option(q(REQUIRED, "features"), "reports")), result.values());
    }

    @Test
    void partialResponseStillValidatesTheAnswersItGives() {
        var result = AnswerValidator.validate(REQUIRED, json("{\"nps\": 11, \"comment\": \"a\\u0000\"}"), true, EN);
        assertEquals(List.of("answers.nps outOfRange", "answers.comment badCharacters"), fieldsAndCodes(result));
    }

    @Test
    void partialResponseWithoutAnyAnswerIsRejected() {
        var result = AnswerValidator.validate(REQUIRED, json("{}"), true, EN);
        assertSingleError("answers", "noAnswers", result);
    }

    @Test
    void unknownQuestionIsNamed() {
        var result = validate("{\"nps\": 8, \"recomend\": 9}");
        assertSingleError("answers.recomend", "unknownQuestion", result);
        assertEquals("This survey has no such question.", result.errors().get(0).message());
    }

    @Test
    void unknownQuestionKeyIsEchoedWithAtMostFortyCharacters() {
        String key = "k".repeat(40) + "TAIL";
        assertSingleError("answers." + "k".repeat(40), "unknownQuestion", validate("{\"" + key + "\": 1}"));
    }

    @Test
    void unknownQuestionKeyWithControlCharactersIsNotEchoed() {
        assertSingleError("answers.?", "unknownQuestion", validate("{\"bad\\u0000key\": 1}"));
    }

    @Test
    void onlyUnknownQuestionsReportsThemButNotNoAnswers() {
        assertEquals(
                List.of("answers.foo unknownQuestion", "answers.bar unknownQuestion"),
                fieldsAndCodes(validate("{\"foo\": 1, \"bar\": 2}")));
    }

    @Test
    void emptyAnswersAreRejected() {
        var result = validate("{}");
        assertSingleError("answers", "noAnswers", result);
        assertEquals(
                "The submission answers no question.", result.errors().get(0).message());
        assertEquals(List.of(), result.values());
    }

    @Test
    void onlyBlankAnswersAreNoAnswers() {
        assertSingleError("answers", "noAnswers", validate("{\"short\": \"  \", \"nps\": null}"));
    }

    @Test
    void errorsOfSeveralQuestionsAreAllReported() {
        var result = validate("{\"nps\": 11, \"plan\": \"gold\", \"m\": {\"r1\": \"c9\"}, \"short\": 5}");
        assertEquals(
                List.of(
                        "answers.nps outOfRange",
                        "answers.plan unknownOption",
                        "answers.m.r1 unknownOption",
                        "answers.short expectedText"),
                fieldsAndCodes(result));
    }

    // ---- languages ----

    @Test
    void messagesAreGermanForGermanAndEnglishForEnglish() {
        String answers = "{\"nps\": 11, \"features\": [\"reports\", \"reports\"]}";
        var english = AnswerValidator.validate(REQUIRED, json(answers), false, EN);
        var german = AnswerValidator.validate(REQUIRED, json(answers), false, DE);
        assertEquals(
                List.of(
                        new FieldError("answers.nps", "outOfRange", "Choose a value from 0 to 10."),
                        new FieldError("answers.features[1]", "duplicate", "This appears twice."),
                        new FieldError("answers.m", "required", "Please answer this.")),
                english.errors());
        assertEquals(
                List.of(
                        new FieldError("answers.nps", "outOfRange", "Wählen Sie einen Wert von 0 bis 10."),
                        new FieldError("answers.features[1]", "duplicate", "Dies kommt doppelt vor."),
                        new FieldError("answers.m", "required", "Bitte beantworten Sie dies.")),
                german.errors());
    }

    @Test
    void germanNumbersUseGermanGrouping() {
        var result = AnswerValidator.validate(ALL_TYPES, json("{\"long\": \"" + "x".repeat(5001) + "\"}"), false, DE);
        assertEquals(List.of(new FieldError("answers.long", "tooLong", "Höchstens 5.000 Zeichen.")), result.errors());
    }
}
