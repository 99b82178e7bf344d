package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.customers.entity.Segment;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one analytics query: its defaults and its checks, the same for the API and the console. */
public class AnalyticsQueryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final Instant NOW = Instant.parse("2026-03-18T10:00:00Z");

    /** A published survey of the kind with one question of each of the given types, keys as the type's name. */
    static Survey survey(String slug, SurveyKind kind, boolean anonymous, QuestionType... types) {
        Survey survey = new Survey(slug, kind, anonymous, NOW);
        var version = survey.latestVersion();
        version.describe(new LocalizedText("Umfrage", "Survey"), new LocalizedText("", ""), List.of("de", "en"), "en");
        for (QuestionType type : types) {
            version.addQuestion(type.name().toLowerCase(), type, true, new LocalizedText("Frage", "Question"));
        }
        survey.publish(NOW);
        return survey;
    }

    static final Map<String, Survey> SURVEYS = Map.of(
            "relationship-nps",
                    survey("relationship-nps", SurveyKind.NPS, false, QuestionType.NPS, QuestionType.LONG_TEXT),
            "pulse", survey("pulse", SurveyKind.ENPS, true, QuestionType.NPS),
            "custom", survey("custom", SurveyKind.CUSTOM, false, QuestionType.LONG_TEXT, QuestionType.RATING));

    static final Segment BUSINESS = new Segment("business", new LocalizedText("Geschäft", "Business"), List.of(), NOW);

    /** The surveys and segments above, Europe/Berlin, today 2026-03-18, at least 30 responses a figure. */
    public static AnalyticsQuery.Context context() {
        return new AnalyticsQuery.Context(
                slug -> Optional.ofNullable(SURVEYS.get(slug)),
                key -> key.equals("business") ? Optional.of(BUSINESS) : Optional.empty(),
                ZoneId.of("Europe/Berlin"),
                TODAY,
                anonymous -> new ReportingRules(30, anonymous));
    }

    static AnalyticsQuery.Input input(String survey) {
        return new AnalyticsQuery.Input(survey, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void withOnlyASurveyTheLastYearByMonthOfItsKindsFirstQuestion() {
        var result = AnalyticsQuery.read(input("relationship-nps"), AnalyticsQuery.TREND_DAYS, context());
        assertTrue(result.valid(), result.complaints().toString());
        AnalyticsQuery query = result.query();
        assertEquals(Granularity.MONTH, query.granularity(), "the dashboard's Per selector shows months (issue 12)");
        assertEquals(Metric.NPS, query.filter().metric());
        assertEquals("nps", query.filter().questionKey());
        assertEquals(LocalDate.of(2025, 3, 19), query.filter().from(), "365 days up to today");
        assertEquals(TODAY, query.filter().to());
        assertEquals(60, query.days());
        assertEquals(LocalDate.of(2026, 1, 18), query.segmentsFrom(), "the last 60 days of the range");
        assertEquals(new ReportingRules(30, false), query.rules());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), query.scale());
    }

    @Test
    void theMetricFollowsTheSurveysKindAndRulesItsAnonymity() {
        AnalyticsQuery pulse =
                AnalyticsQuery.read(input("pulse"), 90, context()).query();
        assertEquals(Metric.NPS, pulse.filter().metric(), "an employee NPS is an NPS");
        assertEquals(LocalDate.of(2025, 12, 19), pulse.filter().from(), "90 days for the segment comparison");
        assertTrue(pulse.rules().anonymous());
        AnalyticsQuery custom =
                AnalyticsQuery.read(input("custom"), 365, context()).query();
        assertEquals(Metric.RATING, custom.filter().metric(), "a custom survey is summarised by its rating");
        assertEquals("rating", custom.filter().questionKey());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), custom.scale());
    }

    @Test
    void withoutASurveyTheMetricIsRequired() {
        var result = AnalyticsQuery.read(input(null), 365, context());
        assertFalse(result.valid());
        assertEquals(List.of(new AnalyticsQuery.Complaint("metric", "required")), result.complaints());
        var all = AnalyticsQuery.read(input(null).withSegment("business"), 365, context());
        assertEquals(1, all.complaints().size());
    }

    @Test
    void everyBadInputIsNamedOnce() {
        var in = new AnalyticsQuery.Input(
                "relationship-nps", "XYZ", null, "nope", "FAX", "pt", "yesterday", null, "DECADE", "UTC", 3);
        var result = AnalyticsQuery.read(in, 365, context());
        assertEquals(
                List.of("metric", "segment", "channel", "locale", "granularity", "zone", "days", "from"),
                result.complaints().stream()
                        .map(AnalyticsQuery.Complaint::field)
                        .toList());
        assertEquals(
                new AnalyticsQuery.Complaint("metric", "oneOf", "NPS, CSAT, CES, RATING"),
                result.complaints().get(0));
        assertEquals(
                new AnalyticsQuery.Complaint("zone", "reportingZone", "Europe/Berlin"),
                result.complaints().get(5));
        assertEquals(
                new AnalyticsQuery.Complaint("days", "range", 7, 365),
                result.complaints().get(6));
        assertNull(result.query());
    }

    @Test
    void rangesAreCheckedAndKeysLookedUp() {
        var reversed = new AnalyticsQuery.Input(
                "relationship-nps", null, null, null, null, null, "2026-02-01", "2026-01-01", null, null, null);
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("from", "fromAfterTo")),
                AnalyticsQuery.read(reversed, 365, context()).complaints());
        var tooLong = new AnalyticsQuery.Input(
                "relationship-nps", null, null, null, null, null, "2010-01-01", "2026-01-01", null, null, null);
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("from", "rangeTooLong", 3660)),
                AnalyticsQuery.read(tooLong, 365, context()).complaints());
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("survey", "unknownSurvey")),
                AnalyticsQuery.read(input("no-such-survey"), 365, context()).complaints());
        var question = new AnalyticsQuery.Input(
                "relationship-nps", "NPS", "long_text", null, null, null, null, null, null, null, null);
        assertEquals(
                List.of(new AnalyticsQuery.Complaint("question", "unknownQuestion")),
                AnalyticsQuery.read(question, 365, context()).complaints(),
                "a question of another type is no question of the metric");
    }

    @Test
    void aChosenFilterIsKeptAndCaseDoesNotMatter() {
        var in = new AnalyticsQuery.Input(
                " relationship-nps ",
                "nps",
                null,
                "business",
                "email",
                "de",
                "2026-01-01",
                "2026-01-31",
                "day",
                "Europe/Berlin",
                30);
        AnalyticsQuery query = AnalyticsQuery.read(in, 365, context()).query();
        assertEquals(Granularity.DAY, query.granularity());
        assertEquals("EMAIL", query.filter().channel());
        assertEquals("de", query.filter().locale());
        assertEquals(BUSINESS, query.segment());
        assertEquals(LocalDate.of(2026, 1, 1), query.filter().from());
        assertEquals(30, query.days());
        assertEquals(LocalDate.of(2026, 1, 2), query.segmentsFrom());
    }

    @Test
    void aMarkersDayIsBothEndsOfTheRange() {
        AnalyticsQuery query = AnalyticsQuery.read(input("relationship-nps").on(LocalDate.of(2026, 2, 2)), 1, context())
                .query();
        assertEquals(LocalDate.of(2026, 2, 2), query.filter().from());
        assertEquals(LocalDate.of(2026, 2, 2), query.filter().to());
    }
}
