package app.resonance.console.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.boundary.WindowParameters;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admin API (its query parameters, as the PDF report reads them) and the console's dashboard (its URL)
 * derive the same analytics query from the same inputs, defaults included.
 */
class SameQueryTest {

    static final Instant NOW = Instant.parse("2026-03-18T10:00:00Z");
    static final Survey SURVEY = survey();
    static final Segment BUSINESS = new Segment("business", new LocalizedText("Geschäft", "Business"), List.of(), NOW);

    static Survey survey() {
        Survey survey = new Survey("relationship-nps", SurveyKind.NPS, false, NOW);
        survey.latestVersion()
                .describe(new LocalizedText("Umfrage", "Survey"), new LocalizedText("", ""), List.of("de", "en"), "en");
        survey.latestVersion()
                .addQuestion("nps", QuestionType.NPS, true, new LocalizedText("Empfehlung?", "Recommend?"));
        survey.publish(NOW);
        return survey;
    }

    static final AnalyticsQuery.Context CONTEXT = new AnalyticsQuery.Context(
            slug -> slug.equals("relationship-nps") ? Optional.of(SURVEY) : Optional.empty(),
            key -> key.equals("business") ? Optional.of(BUSINESS) : Optional.empty(),
            ZoneId.of("Europe/Berlin"),
            LocalDate.of(2026, 3, 18),
            anonymous -> new ReportingRules(30, anonymous));

    static AnalyticsQuery read(AnalyticsQuery.Input input) {
        var result = AnalyticsQuery.read(input, AnalyticsQuery.TREND_DAYS, CONTEXT);
        assertTrue(result.valid(), result.complaints().toString());
        return result.query();
    }

    @Test
    void onlyASurveyGivesTheSameDefaults() {
        WindowParameters api = new WindowParameters();
        api.setSurvey("relationship-nps");
        DashboardFilter console = new DashboardFilter();
        console.setSurvey("relationship-nps");

        AnalyticsQuery fromApi = read(api.input());
        AnalyticsQuery fromConsole = read(console.input());
        assertEquals(fromApi, fromConsole);
        assertEquals(Granularity.MONTH, fromConsole.granularity(), "what the chart is drawn in");
        assertEquals(console.getGranularity(), fromApi.granularity().name(), "what the Per selector shows");
        assertEquals(LocalDate.of(2025, 3, 19), fromConsole.filter().from());
        assertEquals(60, fromApi.days());
        assertEquals("nps", fromApi.filter().questionKey());
    }

    @Test
    void everyFilterTheDashboardHasMeansTheSameInTheApi() {
        WindowParameters api = new WindowParameters();
        DashboardFilter console = new DashboardFilter();
        api.setSurvey("relationship-nps");
        console.setSurvey("relationship-nps");
        api.setSegment("business");
        console.setSegment("business");
        api.setChannel("EMAIL");
        console.setChannel("EMAIL");
        api.setLocale("de");
        console.setLocale("de");
        api.setFrom("2026-01-01");
        console.setFrom("2026-01-01");
        api.setTo("2026-02-28");
        console.setTo("2026-02-28");
        api.setGranularity("WEEK");
        console.setGranularity("WEEK");
        api.setDays("30");
        console.setDays(30);

        assertEquals(api.input(), console.input());
        AnalyticsQuery query = read(console.input());
        assertEquals(read(api.input()), query);
        assertEquals(Granularity.WEEK, query.granularity());
        assertEquals(BUSINESS, query.segment());
        assertEquals(LocalDate.of(2026, 1, 30), query.segmentsFrom());
    }

    @Test
    void theSameBadFiltersAreNamedBothWays() {
        WindowParameters api = new WindowParameters();
        DashboardFilter console = new DashboardFilter();
        api.setSurvey("relationship-nps");
        console.setSurvey("relationship-nps");
        api.setGranularity("YEAR");
        console.setGranularity("YEAR");
        api.setDays("400");
        console.setDays(400);
        var fromApi = AnalyticsQuery.read(api.input(), AnalyticsQuery.TREND_DAYS, CONTEXT);
        var fromConsole = AnalyticsQuery.read(console.input(), AnalyticsQuery.TREND_DAYS, CONTEXT);
        assertEquals(fromApi.complaints(), fromConsole.complaints());
        assertEquals(
                List.of("dashboard.error.granularity", "dashboard.error.days"),
                fromConsole.complaints().stream()
                        .map(DashboardFilter::messageKey)
                        .toList());
    }
}
