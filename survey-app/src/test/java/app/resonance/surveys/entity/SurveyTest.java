package app.resonance.surveys.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.entity.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyTest {

    static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant EDITED = Instant.parse("2026-11-10T12:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-20T16:00:00Z");

    static LocalizedText text(String de, String en) {
        return new LocalizedText(de, en);
    }

    /** A survey whose first version has a rating, a choice and a matrix question. */
    static Survey drafted() {
        Survey survey = new Survey("customer-nps", SurveyKind.NPS, false, CREATED);
        SurveyVersion v1 = survey.latestVersion();
        v1.describe(text("Umfrage", "Survey"), text("Hallo", "Hello"), List.of("de", "en"), "en");
        v1.addQuestion("nps", QuestionType.NPS, true, text("Empfehlung?", "Recommend?"));
        v1.addQuestion("stars", QuestionType.RATING, false, text("Sterne?", "Stars?"))
                .scale(0, 7, text("schlecht", "bad"), text("super", "great"));
        v1.addQuestion("plan", QuestionType.SINGLE_CHOICE, true, text("Tarif?", "Plan?"))
                .addOption(OptionRole.OPTION, "basic", text("Basis", "Basic"))
                .addOption(OptionRole.OPTION, "pro", text("Profi", "Pro"));
        v1.addQuestion("grid", QuestionType.MATRIX, false, text("Bewerten", "Rate"))
                .addOption(OptionRole.ROW, "price", text("Preis", "Price"))
                .addOption(OptionRole.COLUMN, "bad", text("schlecht", "bad"))
                .addOption(OptionRole.COLUMN, "good", text("gut", "good"));
        return survey;
    }

    static List<String> describe(SurveyVersion version) {
        return version.questions().stream()
                .map(q -> q.position() + ":" + q.key() + ":" + q.type() + ":" + q.required()
                        + ":" + q.scaleMin() + ".." + q.scaleMax() + ":"
                        + q.text().en()
                        + ":" + codes(q, OptionRole.OPTION) + codes(q, OptionRole.ROW) + codes(q, OptionRole.COLUMN))
                .toList();
    }

    static List<String> codes(Question question, OptionRole role) {
        return question.options(role).stream()
                .map(o -> o.position() + "=" + o.code() + "/" + o.label().de())
                .toList();
    }

    @Test
    void newSurveyIsADraftWithOneDraftVersion() {
        Survey survey = new Survey("customer-nps", SurveyKind.CSAT, true, CREATED);
        assertEquals(SurveyStatus.DRAFT, survey.status());
        assertFalse(survey.isOpen());
        assertEquals(1, survey.versions().size());
        SurveyVersion v1 = survey.latestVersion();
        assertEquals(1, v1.number());
        assertEquals(VersionState.DRAFT, v1.state());
        assertEquals(List.of("de", "en"), v1.languages());
        assertEquals("de", v1.defaultLocale());
        assertEquals(Optional.of(v1), survey.draft());
        assertEquals(Optional.empty(), survey.publishedVersion());
    }

    @Test
    void questionsGetPositionsAndScaleDefaults() {
        Survey survey = drafted();
        assertEquals(
                List.of(
                        "0:nps:NPS:true:0..10:Recommend?:[][][]",
                        "1:stars:RATING:false:0..7:Stars?:[][][]",
                        "2:plan:SINGLE_CHOICE:true:null..null:Plan?:[0=basic/Basis, 1=pro/Profi][][]",
                        "3:grid:MATRIX:false:null..null:Rate:[][0=price/Preis][0=bad/schlecht, 1=good/gut]"),
                describe(survey.latestVersion()));
    }

    @Test
    void fixedScalesCannotBeChanged() {
        Survey survey = new Survey("abc", SurveyKind.CES, false, CREATED);
        Question ces = survey.latestVersion()
                .addQuestion("ces", QuestionType.CES, true, text("a", "b"))
                .scale(0, 3, null, null);
        assertEquals(1, ces.scaleMin());
        assertEquals(7, ces.scaleMax());
        assertTrue(ces.inScale(7));
        assertFalse(ces.inScale(0));
    }

    @Test
    void publishingMakesTheDraftTheOpenPublishedVersion() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.publish(PUBLISHED);
        assertSame(survey.latestVersion(), v1);
        assertTrue(v1.isPublished());
        assertEquals(PUBLISHED, v1.publishedAt());
        assertEquals(SurveyStatus.OPEN, survey.status());
        assertTrue(survey.isOpen());
        assertEquals(Optional.of(v1), survey.publishedVersion());
        assertEquals(Optional.empty(), survey.draft());
        assertEquals(PUBLISHED, survey.updatedAt());
    }

    @Test
    void publishedVersionIsImmutable() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.publish(PUBLISHED);
        assertThrows(IllegalStateException.class, () -> v1.describe(text("Neu", "New"), null, List.of("de"), "de"));
        assertThrows(
                IllegalStateException.class,
                () -> v1.addQuestion("extra", QuestionType.LONG_TEXT, false, text("a", "b")));
        assertThrows(IllegalStateException.class, v1::clearQuestions);
        assertEquals("Survey", v1.title().en());
        assertEquals(List.of("de", "en"), v1.languages());
        assertEquals(4, v1.questions().size());
    }

    @Test
    void publishingTwiceWithoutANewDraftFails() {
        Survey survey = drafted();
        survey.publish(PUBLISHED);
        assertThrows(IllegalStateException.class, () -> survey.publish(LATER));
        assertEquals(PUBLISHED, survey.latestVersion().publishedAt());
    }

    @Test
    void publishingWithoutQuestionsFails() {
        Survey survey = new Survey("empty", SurveyKind.NPS, false, CREATED);
        var e = assertThrows(IllegalStateException.class, () -> survey.publish(PUBLISHED));
        assertEquals("A survey without questions cannot be published", e.getMessage());
        assertEquals(SurveyStatus.DRAFT, survey.status());
        assertFalse(survey.latestVersion().isPublished());
        assertNull(survey.latestVersion().publishedAt());
        assertEquals(Optional.empty(), survey.publishedVersion());
    }

    @Test
    void editableDraftOfADraftSurveyIsTheSameVersion() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.latestVersion();
        assertSame(v1, survey.editableDraft(EDITED));
        assertEquals(1, survey.versions().size());
    }

    @Test
    void editingAPublishedSurveyStartsVersionTwoAsACopy() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.publish(PUBLISHED);
        List<String> v1Questions = describe(v1);

        SurveyVersion v2 = survey.editableDraft(EDITED);

        assertEquals(2, v2.number());
        assertEquals(VersionState.DRAFT, v2.state());
        assertEquals(EDITED, v2.createdAt());
        assertNull(v2.publishedAt());
        assertEquals(List.of(v1, v2), survey.versions());
        assertSame(v2, survey.latestVersion());
        assertEquals(Optional.of(v2), survey.draft());
        assertEquals(Optional.of(v1), survey.publishedVersion());
        assertEquals(EDITED, survey.updatedAt());

        assertEquals(text("Umfrage", "Survey"), v2.title());
        assertEquals(text("Hallo", "Hello"), v2.intro());
        assertEquals(List.of("de", "en"), v2.languages());
        assertEquals("en", v2.defaultLocale());
        assertEquals(v1Questions, describe(v2));
        Question stars = v2.question("stars").orElseThrow();
        assertEquals(text("schlecht", "bad"), stars.minLabel());
        assertEquals(text("super", "great"), stars.maxLabel());
        assertNotSame(v1.question("plan").orElseThrow(), v2.question("plan").orElseThrow());
    }

    @Test
    void changingVersionTwoLeavesVersionOneUnchanged() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.publish(PUBLISHED);
        List<String> v1Questions = describe(v1);

        SurveyVersion v2 = survey.editableDraft(EDITED);
        v2.question("plan").orElseThrow().addOption(OptionRole.OPTION, "enterprise", text("Konzern", "Enterprise"));
        v2.addQuestion("why", QuestionType.LONG_TEXT, false, text("Warum?", "Why?"));
        v2.describe(text("Umfrage 2", "Survey 2"), null, List.of("en"), "en");

        assertEquals(v1Questions, describe(v1));
        assertEquals(text("Umfrage", "Survey"), v1.title());
        assertEquals(List.of("de", "en"), v1.languages());
        assertEquals(
                List.of("0=basic/Basis", "1=pro/Profi", "2=enterprise/Konzern"),
                codes(v2.question("plan").orElseThrow(), OptionRole.OPTION));
        assertEquals(5, v2.questions().size());
        assertEquals(Optional.empty(), v1.question("why"));
    }

    @Test
    void editingTwiceBeforePublishingKeepsOneDraft() {
        Survey survey = drafted();
        survey.publish(PUBLISHED);
        SurveyVersion v2 = survey.editableDraft(EDITED);
        assertSame(v2, survey.editableDraft(LATER));
        assertEquals(2, survey.versions().size());
    }

    @Test
    void publishingVersionTwoReplacesThePublishedVersion() {
        Survey survey = drafted();
        SurveyVersion v1 = survey.publish(PUBLISHED);
        SurveyVersion v2 = survey.editableDraft(EDITED);
        assertSame(v2, survey.publish(LATER));
        assertEquals(Optional.of(v2), survey.publishedVersion());
        assertEquals(Optional.of(v1), survey.version(1));
        assertEquals(Optional.of(v2), survey.version(2));
        assertEquals(Optional.empty(), survey.version(3));
        assertEquals(PUBLISHED, v1.publishedAt());
        assertEquals(LATER, v2.publishedAt());
        assertEquals(SurveyStatus.OPEN, survey.status());
    }

    @Test
    void closeAndReopenNeedAPublishedVersion() {
        Survey survey = drafted();
        assertThrows(IllegalStateException.class, () -> survey.close(LATER));
        assertThrows(IllegalStateException.class, () -> survey.reopen(LATER));
        assertEquals(SurveyStatus.DRAFT, survey.status());
        assertEquals(CREATED, survey.updatedAt());
    }

    @Test
    void closingAndReopeningSwitchTheStatus() {
        Survey survey = drafted();
        survey.publish(PUBLISHED);
        survey.close(EDITED);
        assertEquals(SurveyStatus.CLOSED, survey.status());
        assertFalse(survey.isOpen());
        assertEquals(EDITED, survey.updatedAt());
        survey.reopen(LATER);
        assertEquals(SurveyStatus.OPEN, survey.status());
        assertTrue(survey.isOpen());
        assertEquals(LATER, survey.updatedAt());
    }

    @Test
    void publishingANewVersionOfAClosedSurveyKeepsItClosed() {
        Survey survey = drafted();
        survey.publish(PUBLISHED);
        survey.close(EDITED);
        SurveyVersion v2 = survey.editableDraft(EDITED);
        survey.publish(LATER);
        assertEquals(SurveyStatus.CLOSED, survey.status());
        assertEquals(Optional.of(v2), survey.publishedVersion());
    }

    @Test
    void versionsListCannotBeChangedFromOutside() {
        Survey survey = drafted();
        assertThrows(
                UnsupportedOperationException.class, () -> survey.versions().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> survey.latestVersion().questions().clear());
        assertEquals(1, survey.versions().size());
    }
}
