package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionReaderTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final SurveyVersion BILINGUAL = version(List.of("de", "en"), "de");
    static final SurveyVersion ENGLISH_ONLY = version(List.of("en"), "en");

    static SurveyVersion version(List<String> languages, String defaultLocale) {
        Survey survey = new Survey("nps-" + defaultLocale, SurveyKind.NPS, false, NOW);
        SurveyVersion version = survey.latestVersion();
        version.describe(new LocalizedText("Umfrage", "Survey"), null, languages, defaultLocale);
        version.addQuestion("nps", QuestionType.NPS, true, new LocalizedText("Empfehlung?", "Recommend?"));
        version.addQuestion("comment", QuestionType.SHORT_TEXT, false, new LocalizedText("Warum?", "Why?"));
        return survey.publish(NOW);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static SubmissionReader.Result publicRead(String body, String requestLanguage) {
        return SubmissionReader.read(json(body), BILINGUAL, false, requestLanguage, NOW, EN);
    }

    static SubmissionReader.Result importRead(String body) {
        return SubmissionReader.read(json(body), BILINGUAL, true, "en", NOW, EN);
    }

    static List<String> fieldsAndCodes(SubmissionReader.Result result) {
        return result.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    static void assertRejected(List<String> expected, SubmissionReader.Result result) {
        assertEquals(expected, fieldsAndCodes(result));
        assertFalse(result.isValid());
        assertNull(result.submission());
    }

    @Test
    void plainPublicSubmissionGetsDefaults() {
        var result = publicRead("{\"answers\": {\"nps\": 9, \"comment\": \"Gut\"}}", "de");
        assertTrue(result.isValid());
        var nps = BILINGUAL.question("nps").orElseThrow();
        var comment = BILINGUAL.question("comment").orElseThrow();
        assertEquals(
                new ValidSubmission(
                        List.of(AnswerValue.score(nps, 9), AnswerValue.text(comment, "Gut")),
                        "de",
                        false,
                        Channel.API,
                        null,
                        NOW),
                result.submission());
    }

    // ---- fields ----

    @Test
    void unknownTopLevelFieldIsRejected() {
        var result = publicRead("{\"answers\": {\"nps\": 9}, \"answer\": {\"nps\": 9}}", "de");
        assertRejected(List.of("answer unknownField"), result);
        assertEquals("This field is not known.", result.errors().get(0).message());
    }

    @Test
    void unknownFieldNameIsEchoedWithAtMostFortyCharacters() {
        assertRejected(
                List.of("f".repeat(40) + " unknownField"),
                publicRead("{\"answers\": {\"nps\": 9}, \"" + "f".repeat(45) + "\": 1}", "de"));
    }

    @Test
    void unknownFieldNameWithControlCharactersIsNotEchoed() {
        assertRejected(List.of("? unknownField"), publicRead("{\"answers\": {\"nps\": 9}, \"x\\u0000y\": 1}", "de"));
    }

    @Test
    void declaredHiddenFieldsAreKeptAndTheRestIgnored() {
        SurveyVersion version = version(List.of("de", "en"), "en");
        version.survey().declareHiddenFields(List.of("source", "ticket_id"));
        var result = SubmissionReader.read(
                json("{\"answers\": {\"nps\": 9}, \"hidden\": {\"source\": \" =cmd \", \"ticket_id\": 7,"
                        + " \"utm\": \"x\"}, \"identity\": {\"customer\": \"C-1\", \"ts\": 1764979200,"
                        + " \"sig\": \"ab\"}}"),
                version,
                false,
                "en",
                NOW,
                EN);
        assertTrue(result.isValid(), result.errors().toString());
        assertEquals(Map.of("source", "=cmd"), result.submission().hiddenFields(), "a number is no text: ignored");
        assertEquals(
                new ValidSubmission.SignedCustomer("C-1", "1764979200", "ab"),
                result.submission().signedCustomer());
        var notAnObject = SubmissionReader.read(
                json("{\"answers\": {\"nps\": 9}, \"hidden\": [1], \"identity\": \"C-1\"}"),
                version,
                false,
                "en",
                NOW,
                EN);
        assertTrue(notAnObject.isValid(), "never an error for the respondent");
        assertEquals(Map.of(), notAnObject.submission().hiddenFields());
        assertNull(notAnObject.submission().signedCustomer());
    }

    @Test
    void theImportTakesNoSignedIdentity() {
        assertRejected(
                List.of("identity unknownField"),
                importRead("{\"answers\": {\"nps\": 9}, \"customer\": \"C-1\", \"identity\": {}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer", "submittedAt"})
    void publicSubmissionMayNotUseImportFields(String field) {
        assertRejected(
                List.of(field + " unknownField"),
                publicRead("{\"answers\": {\"nps\": 9}, \"" + field + "\": \"C-1\"}", "de"));
    }

    @Test
    void fieldErrorsAndAnswerErrorsAreReportedTogether() {
        assertRejected(
                List.of("foo unknownField", "answers.nps outOfRange"),
                publicRead("{\"answers\": {\"nps\": 11}, \"foo\": 1}", "de"));
    }

    @Test
    void missingAnswersAreRequired() {
        var result = publicRead("{\"locale\": \"de\"}", "de");
        assertRejected(List.of("answers required"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[9]", "\"nps=9\"", "9"})
    void answersMustBeAnObject(String answers) {
        var result = publicRead("{\"answers\": " + answers + "}", "de");
        assertRejected(List.of("answers expectedObject"), result);
        assertEquals("Give an object.", result.errors().get(0).message());
    }

    // ---- partial ----

    @Test
    void partialTrueAllowsMissingRequiredAnswers() {
        var result = publicRead("{\"answers\": {\"comment\": \"later\"}, \"partial\": true}", "de");
        assertTrue(result.isValid(), () -> result.errors().toString());
        assertTrue(result.submission().partial());
        assertEquals(
                List.of(AnswerValue.text(BILINGUAL.question("comment").orElseThrow(), "later")),
                result.submission().answers());
    }

    @Test
    void partialFalseRequiresAllRequiredAnswers() {
        assertRejected(
                List.of("answers.nps required"),
                publicRead("{\"answers\": {\"comment\": \"later\"}, \"partial\": false}", "de"));
    }

    @Test
    void partialNullMeansComplete() {
        var result = publicRead("{\"answers\": {\"nps\": 3}, \"partial\": null}", "de");
        assertFalse(result.submission().partial());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "\"yes\"", "[true]"})
    void partialMustBeABoolean(String partial) {
        var result = publicRead("{\"answers\": {\"nps\": 3}, \"partial\": " + partial + "}", "de");
        assertRejected(List.of("partial expectedBoolean"), result);
        assertEquals("Give true or false.", result.errors().get(0).message());
    }

    // ---- locale ----

    @Test
    void explicitOfferedLocaleIsUsed() {
        assertEquals(
                "en",
                publicRead("{\"answers\": {\"nps\": 3}, \"locale\": \"en\"}", "de")
                        .submission()
                        .locale());
    }

    @Test
    void explicitLocaleThatIsNotOfferedIsRejected() {
        var result = publicRead("{\"answers\": {\"nps\": 3}, \"locale\": \"fr\"}", "de");
        assertRejected(List.of("locale oneOf"), result);
        assertEquals("Use one of: de, en.", result.errors().get(0).message());
    }

    @Test
    void explicitLocaleMustBeOfferedByThisVersion() {
        var result = SubmissionReader.read(
                json("{\"answers\": {\"nps\": 3}, \"locale\": \"de\"}"), ENGLISH_ONLY, false, "de", NOW, EN);
        assertRejected(List.of("locale oneOf"), result);
        assertEquals("Use one of: en.", result.errors().get(0).message());
    }

    @Test
    void localeMustBeAString() {
        assertRejected(List.of("locale expectedText"), publicRead("{\"answers\": {\"nps\": 3}, \"locale\": 1}", "de"));
    }

    @Test
    void withoutLocaleTheOfferedRequestLanguageIsUsed() {
        assertEquals(
                "en",
                publicRead("{\"answers\": {\"nps\": 3}}", "en").submission().locale());
        assertEquals(
                "de",
                publicRead("{\"answers\": {\"nps\": 3}}", "de").submission().locale());
    }

    @Test
    void withoutLocaleAnUnofferedRequestLanguageFallsBackToTheSurveyDefault() {
        assertEquals(
                "de",
                publicRead("{\"answers\": {\"nps\": 3}}", "fr").submission().locale());
        assertEquals(
                "de",
                publicRead("{\"answers\": {\"nps\": 3}}", null).submission().locale());
        var englishOnly =
                SubmissionReader.read(json("{\"answers\": {\"nps\": 3}}"), ENGLISH_ONLY, false, "de", NOW, EN);
        assertEquals("en", englishOnly.submission().locale());
    }

    // ---- channel ----

    @ParameterizedTest
    @ValueSource(strings = {"API", "LINK", "WIDGET"})
    void publicSubmissionMayUseApiLinkOrWidget(String channel) {
        var result = publicRead("{\"answers\": {\"nps\": 3}, \"channel\": \"" + channel + "\"}", "de");
        assertEquals(Channel.valueOf(channel), result.submission().channel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMPORT", "EMAIL", "INVITATION", "link", "SMS", ""})
    void publicSubmissionMayNotUseOtherChannels(String channel) {
        var result = publicRead("{\"answers\": {\"nps\": 3}, \"channel\": \"" + channel + "\"}", "de");
        assertRejected(List.of("channel oneOf"), result);
        assertEquals("Use one of: API, LINK, WIDGET.", result.errors().get(0).message());
    }

    @Test
    void importDefaultsToImportChannelAndNow() {
        var result = importRead("{\"answers\": {\"nps\": 6}}");
        assertTrue(result.isValid());
        assertEquals(Channel.IMPORT, result.submission().channel());
        assertEquals(NOW, result.submission().submittedAt());
        assertNull(result.submission().customerExternalId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMPORT", "EMAIL", "INVITATION", "LINK", "WIDGET", "API"})
    void importMayUseEveryChannel(String channel) {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"channel\": \"" + channel + "\"}");
        assertEquals(Channel.valueOf(channel), result.submission().channel());
    }

    @Test
    void importRejectsUnknownChannelNamingAllChannels() {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"channel\": \"FAX\"}");
        assertRejected(List.of("channel oneOf"), result);
        assertEquals(
                "Use one of: LINK, INVITATION, EMAIL, WIDGET, API, IMPORT.",
                result.errors().get(0).message());
    }

    @Test
    void importTakesCustomerAndSubmissionTime() {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"customer\": \"C-1001\", "
                + "\"submittedAt\": \"2026-03-01T09:30:00Z\", \"channel\": \"EMAIL\", \"locale\": \"en\"}");
        assertTrue(result.isValid(), () -> result.errors().toString());
        assertEquals(
                new ValidSubmission(
                        List.of(AnswerValue.score(BILINGUAL.question("nps").orElseThrow(), 6)),
                        "en",
                        false,
                        Channel.EMAIL,
                        "C-1001",
                        Instant.parse("2026-03-01T09:30:00Z")),
                result.submission());
    }

    @Test
    void importAcceptsSubmissionTimeUpToFiveMinutesAhead() {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"submittedAt\": \"2026-11-23T10:20:30Z\"}");
        assertEquals(Instant.parse("2026-11-23T10:20:30Z"), result.submission().submittedAt());
    }

    @Test
    void importRejectsSubmissionTimeMoreThanFiveMinutesAhead() {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"submittedAt\": \"2026-11-23T10:20:31Z\"}");
        assertRejected(List.of("submittedAt inFuture"), result);
        assertEquals("This time lies in the future.", result.errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01", "2026-03-01 09:30:00", "yesterday", "2026-13-01T09:30:00Z", ""})
    void importRejectsMalformedSubmissionTime(String at) {
        var result = importRead("{\"answers\": {\"nps\": 6}, \"submittedAt\": \"" + at + "\"}");
        assertRejected(List.of("submittedAt expectedInstant"), result);
        assertEquals(
                "Give a time in ISO 8601 format, for example 2026-03-01T09:30:00Z.",
                result.errors().get(0).message());
    }

    @Test
    void importRejectsCustomerThatIsNoShortText() {
        assertRejected(List.of("customer expectedText"), importRead("{\"answers\": {\"nps\": 6}, \"customer\": 1001}"));
        assertRejected(
                List.of("customer expectedText"),
                importRead("{\"answers\": {\"nps\": 6}, \"customer\": \"" + "c".repeat(101) + "\"}"));
    }

    @Test
    void importStillRejectsUnknownFields() {
        assertRejected(List.of("source unknownField"), importRead("{\"answers\": {\"nps\": 6}, \"source\": \"x\"}"));
    }

    @Test
    void errorsAreInTheRequestedLanguage() {
        var result = SubmissionReader.read(
                json("{\"answers\": {\"nps\": 6}, \"partial\": \"ja\"}"),
                BILINGUAL,
                false,
                "de",
                NOW,
                Messages.of(Locale.GERMAN));
        assertEquals(
                List.of(new FieldError("partial", "expectedBoolean", "Geben Sie true oder false an.")),
                result.errors());
    }
}
