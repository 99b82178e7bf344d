package app.resonance.analytics.control;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads an {@link AnalyticsQuery} against the surveys and segments that exist, in the reporting zone's
 * today: the admin API's analytics resources and the console's dashboard both ask here.
 */
@ApplicationScoped
public class AnalyticsQueries {

    /** The survey the dashboard opens with when the URL names none (the demo's relationship survey). */
    public static final String DEFAULT_SURVEY = "relationship-nps";

    @Inject
    SurveyCatalog surveys;

    @Inject
    SegmentCatalog segments;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    public AnalyticsQuery.Result read(AnalyticsQuery.Input input, int defaultDays) {
        return read(input, defaultDays, today());
    }

    /** As {@link #read(AnalyticsQuery.Input, int)} with another "today" (a marker's day). */
    public AnalyticsQuery.Result read(AnalyticsQuery.Input input, int defaultDays, LocalDate today) {
        return AnalyticsQuery.read(
                input,
                defaultDays,
                new AnalyticsQuery.Context(surveys::bySlug, segments::byKey, settings.zone(), today, settings::rules));
    }

    /** As {@link AnalyticsQuery#readFilters}: the filters of a view that asks its own question (the crosstab). */
    public AnalyticsQuery.Result readFilters(AnalyticsQuery.Input input, int defaultDays) {
        return AnalyticsQuery.readFilters(
                input,
                defaultDays,
                new AnalyticsQuery.Context(
                        surveys::bySlug, segments::byKey, settings.zone(), today(), settings::rules));
    }

    /** Today in the reporting zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /** The survey a dashboard shows when nobody chose one: the relationship survey, else the first. */
    public Optional<String> defaultSurvey() {
        if (surveys.bySlug(DEFAULT_SURVEY).isPresent()) {
            return Optional.of(DEFAULT_SURVEY);
        }
        return surveys.all().stream().map(Survey::slug).findFirst();
    }
}
