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

    @Inject
    app.resonance.platform.control.DataScopes scopes;

    public AnalyticsQuery.Result read(AnalyticsQuery.Input input, int defaultDays) {
        return read(input, defaultDays, today());
    }

    /** As {@link #read(AnalyticsQuery.Input, int)} with another "today" (a marker's day). */
    public AnalyticsQuery.Result read(AnalyticsQuery.Input input, int defaultDays, LocalDate today) {
        return AnalyticsQuery.read(
                scoped(input),
                defaultDays,
                new AnalyticsQuery.Context(surveys::bySlug, segments::byKey, settings.zone(), today, settings::rules));
    }

    /** As {@link AnalyticsQuery#readFilters}: the filters of a view that asks its own question (the crosstab). */
    public AnalyticsQuery.Result readFilters(AnalyticsQuery.Input input, int defaultDays) {
        return AnalyticsQuery.readFilters(
                scoped(input),
                defaultDays,
                new AnalyticsQuery.Context(
                        surveys::bySlug, segments::byKey, settings.zone(), today(), settings::rules));
    }

    /**
     * The input as the caller may ask it: a user limited to some segments gets one of theirs (the first by key
     * where none was named); a segment outside them is refused ({@code OutsideDataScopeException}).
     */
    public AnalyticsQuery.Input scoped(AnalyticsQuery.Input input) {
        var scope = scopes.current();
        if (!scope.limited()) {
            return input;
        }
        String key = scope.segmentKey(input.segment());
        return key.equals(input.segment()) ? input : input.withSegment(key);
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
