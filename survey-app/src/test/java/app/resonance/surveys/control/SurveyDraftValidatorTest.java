package app.resonance.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyDraftValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Texts TITLE = Texts.of("Kundenumfrage", "Customer survey");

    static Texts texts(String both) {
        return Texts.of(both + " (de)", both + " (en)");
    }

    static OptionDraft option(String id) {
        return new OptionDraft(id, texts(id));
    }

    static QuestionDraft question(String id, String type) {
        return new QuestionDraft(id, type, true, texts(id), null, null, null, null, null, null, null, null);
    }

    static QuestionDraft rating(String id, Integer min, Integer max) {
        return new QuestionDraft(id, "RATING", true, texts(id), min, max, null, null, null, null, null, null);
    }

    static QuestionDraft choice(String id, String type, List<OptionDraft> options, List<OptionDraft> rows) {
        return new QuestionDraft(id, type, true, texts(id), null, null, null, null, options, rows, null, null);
    }

    static SurveyDraft draft(String slug, String kind, List<QuestionDraft> questions) {
        return new SurveyDraft(slug, kind, false, TITLE, null, null, null, questions);
    }

    static List<String> create(SurveyDraft draft) {
        return fieldsAndCodes(SurveyDraftValidator.validate(draft, true, EN));
    }

    static List<String> questions(QuestionDraft... questions) {
        return fieldsAndCodes(
                SurveyDraftValidator.validate(draft("customer-nps", "NPS", List.of(questions)), false, EN));
    }

    static List<String> fieldsAndCodes(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.code()).toList();
    }

    static String message(List<FieldError> errors) {
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0).message();
    }

    @Test
    void aCompleteDraftOfEveryQuestionTypeIsValid() {
        var draft = new SurveyDraft(
                "customer-nps-2026",
                "NPS",
                true,
                TITLE,
                Texts.of("Intro", "Intro"),
                List.of("de", "en"),
                "en",
                List.of(
                        question("nps", "NPS"),
                        question("csat", "CSAT"),
                        question("ces", "CES"),
                        rating("stars", 0, 10),
                        rating("stars_default", null, null),
                        choice("plan", "SINGLE_CHOICE", List.of(option("basic"), option("pro")), null),
                        choice("features", "MULTIPLE_CHOICE", List.of(option("a-1"), option("b_2"), option("c")), null),
                        choice("grid", "MATRIX", List.of(option("bad"), option("good")), List.of(option("price"))),
                        question("short", "SHORT_TEXT"),
                        question("long", "LONG_TEXT")));
        assertEquals(List.of(), SurveyDraftValidator.validate(draft, true, EN));
    }

    // ---- slug and kind ----

    @ParameterizedTest
    @ValueSource(strings = {"abc", "nps-2026", "a1-b2-c3", "0-9"})
    void validSlugs(String slug) {
        assertEquals(List.of(), create(draft(slug, "NPS", List.of())));
    }

    @Test
    void slugOfEightyCharactersIsAcceptedButNotEightyOne() {
        assertEquals(List.of(), create(draft("a".repeat(80), "NPS", List.of())));
        assertEquals(List.of("slug slug"), create(draft("a".repeat(81), "NPS", List.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Customer-NPS", "nps_2026", "nps--2026", "-nps", "nps-", "nps 2026", "umfrage-ä"})
    void invalidSlugs(String slug) {
        var errors = SurveyDraftValidator.validate(draft(slug, "NPS", List.of()), true, EN);
        assertEquals(List.of("slug slug"), fieldsAndCodes(errors));
        assertEquals("Use 3 to 80 lower-case letters, digits and single hyphens.", message(errors));
    }

    @Test
    void missingSlugIsRequired() {
        assertEquals(List.of("slug required"), create(draft(null, "NPS", List.of())));
        assertEquals(List.of("slug required"), create(draft("  ", "NPS", List.of())));
    }

    @Test
    void missingKindIsRequired() {
        assertEquals(List.of("kind required"), create(draft("customer-nps", null, List.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NPS", "CSAT", "CES", "ENPS", "CUSTOM"})
    void everySurveyKindIsAccepted(String kind) {
        assertEquals(List.of(), create(draft("customer-nps", kind, List.of())));
    }

    @Test
    void unknownKindNamesTheKinds() {
        var errors = SurveyDraftValidator.validate(draft("customer-nps", "nps", List.of()), true, EN);
        assertEquals(List.of("kind oneOf"), fieldsAndCodes(errors));
        assertEquals("Use one of: NPS, CSAT, CES, ENPS, CUSTOM.", message(errors));
    }

    @Test
    void slugAndKindAreOnlyCheckedWhenCreating() {
        assertEquals(
                List.of(), fieldsAndCodes(SurveyDraftValidator.validate(draft(null, "bogus", List.of()), false, EN)));
    }

    // ---- languages ----

    @Test
    void unsupportedLanguageIsNamedByIndex() {
        var errors = SurveyDraftValidator.validate(
                new SurveyDraft("abc", "NPS", false, TITLE, null, List.of("de", "pt"), "de", List.of()), true, EN);
        assertEquals(List.of("languages[1] oneOf"), fieldsAndCodes(errors));
        assertEquals("Use one of: de, en, fr, it, es, nl, pl.", message(errors));
    }

    @Test
    void nullLanguageIsAFieldError() {
        var draft = new SurveyDraft("abc", "NPS", false, TITLE, null, Arrays.asList("de", null), "de", List.of());
        assertEquals(List.of("languages[1] oneOf"), create(draft));
    }

    @Test
    void languageGivenTwiceIsADuplicate() {
        assertEquals(
                List.of("languages duplicate"),
                create(new SurveyDraft("abc", "NPS", false, TITLE, null, List.of("en", "en"), null, List.of())));
    }

    @Test
    void defaultLanguageMustBeOffered() {
        var errors = SurveyDraftValidator.validate(
                new SurveyDraft("abc", "NPS", false, TITLE, null, List.of("en"), "de", List.of()), true, EN);
        assertEquals(List.of("defaultLanguage oneOf"), fieldsAndCodes(errors));
        assertEquals("Use one of: en.", message(errors));
    }

    // ---- questions ----

    @Test
    void duplicateQuestionIdIsNamedAtItsSecondOccurrence() {
        var errors = SurveyDraftValidator.validate(
                draft(
                        "abc",
                        "NPS",
                        List.of(question("nps", "NPS"), question("why", "LONG_TEXT"), question("nps", "CSAT"))),
                true,
                EN);
        assertEquals(List.of("questions[2].id duplicate"), fieldsAndCodes(errors));
        assertEquals("This appears twice.", message(errors));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1nps", "NPS", "nps-score", "_nps", "nps score"})
    void invalidQuestionIds(String id) {
        assertEquals(List.of("questions[0].id questionId"), questions(question(id, "NPS")));
    }

    @Test
    void questionIdOfFortyCharactersIsAcceptedButNotFortyOne() {
        assertEquals(List.of(), questions(question("q" + "x".repeat(39), "NPS")));
        assertEquals(List.of("questions[0].id questionId"), questions(question("q" + "x".repeat(40), "NPS")));
    }

    @Test
    void missingQuestionIdIsRequired() {
        assertEquals(List.of("questions[0].id required"), questions(question(null, "NPS")));
        assertEquals(List.of("questions[1].id required"), questions(question("a", "NPS"), question(" ", "CES")));
    }

    @Test
    void missingQuestionIsRequired() {
        var list = new ArrayList<QuestionDraft>();
        list.add(question("nps", "NPS"));
        list.add(null);
        assertEquals(
                List.of("questions[1] required"),
                fieldsAndCodes(SurveyDraftValidator.validate(draft("abc", "NPS", list), false, EN)));
    }

    @Test
    void questionTypeIsRequiredAndMustBeKnown() {
        assertEquals(List.of("questions[0].type required"), questions(question("a", null)));
        var errors = SurveyDraftValidator.validate(draft("abc", "NPS", List.of(question("a", "TEXT"))), false, EN);
        assertEquals(List.of("questions[0].type oneOf"), fieldsAndCodes(errors));
        assertEquals(
                "Use one of: NPS, CSAT, CES, RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, MATRIX, SHORT_TEXT, LONG_TEXT.",
                message(errors));
    }

    @Test
    void atMostOneHundredQuestions() {
        List<QuestionDraft> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(question("q" + i, "NPS"));
        }
        assertEquals(List.of(), fieldsAndCodes(SurveyDraftValidator.validate(draft("abc", "NPS", hundred), false, EN)));
        hundred.add(question("q100", "NPS"));
        var errors = SurveyDraftValidator.validate(draft("abc", "NPS", hundred), false, EN);
        assertEquals(List.of("questions tooMany"), fieldsAndCodes(errors));
        assertEquals("At most 100 are allowed.", message(errors));
    }

    // ---- options ----

    @ParameterizedTest
    @ValueSource(strings = {"SINGLE_CHOICE", "MULTIPLE_CHOICE"})
    void choiceNeedsAtLeastTwoOptions(String type) {
        var errors = SurveyDraftValidator.validate(
                draft("abc", "NPS", List.of(choice("plan", type, List.of(option("pro")), null))), false, EN);
        assertEquals(List.of("questions[0].options minOptions"), fieldsAndCodes(errors));
        assertEquals("Give at least 2.", message(errors));
        assertEquals(List.of("questions[0].options minOptions"), questions(choice("plan", type, null, null)));
    }

    @Test
    void matrixNeedsTwoColumnsAndAtLeastOneRow() {
        var errors = SurveyDraftValidator.validate(
                draft(
                        "abc",
                        "NPS",
                        List.of(choice("grid", "MATRIX", List.of(option("bad"), option("good")), List.of()))),
                false,
                EN);
        assertEquals(List.of("questions[0].rows minOptions"), fieldsAndCodes(errors));
        assertEquals("Give at least 1.", message(errors));
        assertEquals(
                List.of("questions[0].options minOptions", "questions[0].rows minOptions"),
                questions(choice("grid", "MATRIX", null, null)));
    }

    @Test
    void questionsWithoutOptionsRejectOptionsAndRows() {
        var errors = SurveyDraftValidator.validate(
                draft("abc", "NPS", List.of(choice("nps", "NPS", List.of(option("a"), option("b")), null))), false, EN);
        assertEquals(List.of("questions[0].options noOptions"), fieldsAndCodes(errors));
        assertEquals("This type of question has no options.", message(errors));
        assertEquals(
                List.of("questions[0].rows noOptions"),
                questions(choice("plan", "SINGLE_CHOICE", List.of(option("a"), option("b")), List.of(option("r")))));
        assertEquals(
                List.of("questions[0].options noOptions"),
                questions(choice("why", "SHORT_TEXT", List.of(option("a")), null)));
    }

    @Test
    void optionIdsMustBeWellFormedAndUnique() {
        assertEquals(
                List.of("questions[0].options[1].id optionId", "questions[0].options[3].id duplicate"),
                questions(choice(
                        "plan",
                        "SINGLE_CHOICE",
                        List.of(option("basic"), option("Pro Plan"), option("pro"), option("basic")),
                        null)));
        assertEquals(
                List.of("questions[0].rows[1].id duplicate"),
                questions(choice(
                        "grid", "MATRIX", List.of(option("a"), option("b")), List.of(option("r1"), option("r1")))));
    }

    @Test
    void optionWithoutIdIsRequired() {
        var options = new ArrayList<OptionDraft>();
        options.add(option("a"));
        options.add(null);
        options.add(new OptionDraft(" ", texts("x")));
        assertEquals(
                List.of("questions[0].options[1].id required", "questions[0].options[2].id required"),
                questions(choice("plan", "SINGLE_CHOICE", options, null)));
    }

    @Test
    void atMostFiftyOptions() {
        List<OptionDraft> options = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            options.add(option("o" + i));
        }
        assertEquals(
                List.of("questions[0].options tooMany"), questions(choice("plan", "SINGLE_CHOICE", options, null)));
        assertEquals(List.of(), questions(choice("plan", "SINGLE_CHOICE", options.subList(0, 50), null)));
    }

    // ---- scales ----

    @ParameterizedTest
    @CsvSource({"0,2", "0,10", "1,2", "1,10", "1,5"})
    void validRatingScales(int min, int max) {
        assertEquals(List.of(), questions(rating("stars", min, max)));
    }

    @ParameterizedTest
    @CsvSource({"2,5", "-1,5", "5,10"})
    void ratingStartsAtZeroOrOne(int min, int max) {
        var errors = SurveyDraftValidator.validate(draft("abc", "NPS", List.of(rating("stars", min, max))), false, EN);
        assertEquals(List.of("questions[0].min ratingMin"), fieldsAndCodes(errors));
        assertEquals("A rating scale starts at 0 or 1.", message(errors));
    }

    @ParameterizedTest
    @CsvSource({"1,11", "0,1", "1,1", "1,0", "0,100"})
    void ratingEndsAboveItsStartAndAtTenAtMost(int min, int max) {
        var errors = SurveyDraftValidator.validate(draft("abc", "NPS", List.of(rating("stars", min, max))), false, EN);
        assertEquals(List.of("questions[0].max ratingMax"), fieldsAndCodes(errors));
        assertEquals("A rating scale ends above its start and at 10 at most.", message(errors));
    }

    @Test
    void ratingMaxAloneIsCheckedAgainstTheDefaultStart() {
        assertEquals(List.of("questions[0].max ratingMax"), questions(rating("stars", null, 1)));
        assertEquals(List.of(), questions(rating("stars", 0, null)));
    }

    @ParameterizedTest
    @CsvSource({"NPS,0,10", "CSAT,1,5", "CES,1,7"})
    void fixedScalesRejectMinAndMax(String type, int min, int max) {
        var q = new QuestionDraft("score", type, true, texts("q"), min, max, null, null, null, null, null, null);
        var errors = SurveyDraftValidator.validate(draft("abc", "NPS", List.of(q)), false, EN);
        assertEquals(List.of("questions[0].min fixedScale"), fieldsAndCodes(errors));
        assertEquals("This question always runs from " + min + " to " + max + ".", message(errors));
    }

    // ---- texts ----

    @Test
    void titleOfTwoHundredCharactersIsAcceptedButNotTwoHundredOne() {
        var ok = new SurveyDraft("abc", "NPS", false, Texts.of("t".repeat(200), "t"), null, null, null, List.of());
        assertEquals(List.of(), create(ok));
        var tooLong = new SurveyDraft("abc", "NPS", false, Texts.of("t", "t".repeat(201)), null, null, null, List.of());
        var errors = SurveyDraftValidator.validate(tooLong, true, EN);
        assertEquals(List.of("title.en tooLong"), fieldsAndCodes(errors));
        assertEquals("At most 200 characters.", message(errors));
    }

    @Test
    void introMayHaveTwoThousandCharacters() {
        assertEquals(
                List.of(),
                create(new SurveyDraft(
                        "abc", "NPS", false, TITLE, Texts.of("i".repeat(2000), null), null, null, List.of())));
        var errors = SurveyDraftValidator.validate(
                new SurveyDraft("abc", "NPS", false, TITLE, Texts.of("i".repeat(2001), null), null, null, List.of()),
                true,
                EN);
        assertEquals(List.of("intro.de tooLong"), fieldsAndCodes(errors));
        assertEquals("At most 2,000 characters.", message(errors));
    }

    @Test
    void questionOptionAndScaleLabelTextsHaveTheirLimits() {
        var q = new QuestionDraft(
                "plan",
                "SINGLE_CHOICE",
                true,
                Texts.of("q".repeat(1001), "ok"),
                null,
                null,
                Texts.of("m".repeat(101), null),
                Texts.of(null, "m".repeat(100)),
                List.of(option("a"), new OptionDraft("b", Texts.of("l", "l".repeat(301)))),
                null,
                null,
                null);
        assertEquals(
                List.of(
                        "questions[0].text.de tooLong",
                        "questions[0].minLabel.de tooLong",
                        "questions[0].options[1].label.en tooLong"),
                questions(q));
    }

    @Test
    void textsWithControlCharactersAreRejected() {
        var draft = new SurveyDraft(
                "abc", "NPS", false, Texts.of("Titel\u0000", "Title\uD800"), null, null, null, List.of());
        var errors = SurveyDraftValidator.validate(draft, true, EN);
        assertEquals(List.of("title.de badCharacters", "title.en badCharacters"), fieldsAndCodes(errors));
    }

    @Test
    void germanMessages() {
        var errors = SurveyDraftValidator.validate(
                draft("abc", "NPS", List.of(rating("stars", 1, 11))), false, Messages.of(Locale.GERMAN));
        assertEquals(
                List.of(new FieldError(
                        "questions[0].max",
                        "ratingMax",
                        "Eine Bewertungsskala endet über ihrem Anfang und höchstens bei 10.")),
                errors);
    }

    // ---- publish ----

    static SurveyVersion bilingualVersion() {
        Survey survey = new Survey("customer-nps", SurveyKind.NPS, false, NOW);
        SurveyVersion version = survey.latestVersion();
        version.describe(new LocalizedText("Umfrage", "Survey"), null, List.of("de", "en"), "de");
        return version;
    }

    static LocalizedText text(String de, String en) {
        return new LocalizedText(de, en);
    }

    @Test
    void completeVersionCanBePublished() {
        SurveyVersion version = bilingualVersion();
        version.addQuestion("nps", QuestionType.NPS, true, text("Empfehlung?", "Recommend?"));
        version.addQuestion("grid", QuestionType.MATRIX, true, text("Bewerten", "Rate"))
                .addOption(OptionRole.ROW, "price", text("Preis", "Price"))
                .addOption(OptionRole.COLUMN, "bad", text("schlecht", "bad"))
                .addOption(OptionRole.COLUMN, "good", text("gut", "good"));
        assertEquals(List.of(), SurveyDraftValidator.validateForPublish(version, EN));
    }

    @Test
    void missingTranslationOfAQuestionIsNamed() {
        SurveyVersion version = bilingualVersion();
        version.addQuestion("nps", QuestionType.NPS, true, text("Empfehlung?", null));
        var errors = SurveyDraftValidator.validateForPublish(version, EN);
        assertEquals(
                List.of(new FieldError(
                        "questions[0].text.en", "missingTranslation", "The text is missing in this language.")),
                errors);
    }

    @Test
    void everyMissingTextIsNamedLanguageByLanguage() {
        SurveyVersion version = bilingualVersion();
        version.describe(text(" ", "Survey"), null, List.of("de", "en"), "de");
        version.addQuestion("nps", QuestionType.NPS, true, null);
        version.addQuestion("plan", QuestionType.SINGLE_CHOICE, true, text("Tarif?", "Plan?"))
                .addOption(OptionRole.OPTION, "basic", text("Basis", "Basic"))
                .addOption(OptionRole.OPTION, "pro", text(null, "Pro"));
        version.addQuestion("grid", QuestionType.MATRIX, true, text("Bewerten", "Rate"))
                .addOption(OptionRole.ROW, "price", text("Preis", ""))
                .addOption(OptionRole.COLUMN, "bad", null)
                .addOption(OptionRole.COLUMN, "good", text("gut", "good"));
        assertEquals(
                List.of(
                        "title.de missingTranslation",
                        "questions[0].text.de missingTranslation",
                        "questions[1].options[1].label.de missingTranslation",
                        "questions[2].options[0].label.de missingTranslation",
                        "questions[0].text.en missingTranslation",
                        "questions[2].rows[0].label.en missingTranslation",
                        "questions[2].options[0].label.en missingTranslation"),
                fieldsAndCodes(SurveyDraftValidator.validateForPublish(version, EN)));
    }

    @Test
    void onlyOfferedLanguagesMustBeComplete() {
        SurveyVersion version = bilingualVersion();
        version.describe(text("Umfrage", null), null, List.of("de"), "de");
        version.addQuestion("nps", QuestionType.NPS, true, text("Empfehlung?", null));
        assertEquals(List.of(), SurveyDraftValidator.validateForPublish(version, EN));
    }

    @Test
    void versionWithoutQuestionsCannotBePublished() {
        var errors = SurveyDraftValidator.validateForPublish(bilingualVersion(), EN);
        assertEquals(List.of(new FieldError("questions", "minOptions", "Give at least 1.")), errors);
    }

    @Test
    void draftSavedThroughTheEditorIsCheckedForPublishingWithTheSamePaths() {
        SurveyVersion version = bilingualVersion();
        SurveyEditor.describe(
                version,
                new SurveyDraft(
                        null,
                        null,
                        null,
                        Texts.of("Titel", "Title"),
                        null,
                        null,
                        null,
                        List.of(
                                question("nps", "NPS"),
                                new QuestionDraft(
                                        "grid",
                                        "MATRIX",
                                        true,
                                        texts("grid"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(option("bad"), new OptionDraft("good", Texts.of("gut", "  "))),
                                        List.of(new OptionDraft("price", Texts.of(null, "Price"))),
                                        null,
                                        null))));
        assertEquals(
                List.of(
                        "questions[1].rows[0].label.de missingTranslation",
                        "questions[1].options[1].label.en missingTranslation"),
                fieldsAndCodes(SurveyDraftValidator.validateForPublish(version, EN)));
        assertEquals("de", version.defaultLocale());
        assertEquals(List.of("de", "en"), version.languages());
    }
}
