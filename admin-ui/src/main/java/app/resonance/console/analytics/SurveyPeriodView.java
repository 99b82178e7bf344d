package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis pages (drivers, crosstab) share: a survey, a segment and a period in the URL (f:viewParam), read
 * into the admin API's {@link AnalyticsQuery} with the page's default number of days; the default survey when none
 * is named; bad values named on the page, and then nothing is computed.
 */
public abstract class SurveyPeriodView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AnalyticsQueries queries;

    @Inject
    transient SurveyCatalog surveys;

    @Inject
    transient SegmentCatalog segments;

    private String survey;
    private String segment;
    private String from;
    private String to;

    /** The named survey, else the default one (the relationship survey); empty when there is none. */
    protected Optional<Survey> chooseSurvey() {
        Optional<Survey> chosen = (survey == null ? Optional.<Survey>empty() : surveys.bySlug(survey))
                .or(() -> queries.defaultSurvey().flatMap(surveys::bySlug));
        chosen.ifPresent(s -> survey = s.slug());
        return chosen;
    }

    /**
     * The chosen survey's query over the segment and period (the last {@code defaultDays} days unless from and to
     * say otherwise); empty, with the complaints on the page, when a filter is bad. From and to then name the days
     * counted, so that the page and the next Show say them, not "the last 90 days from today".
     */
    protected Optional<AnalyticsQuery> readPeriod(int defaultDays) {
        var read = queries.readFilters(
                new AnalyticsQuery.Input(survey, null, null, segment, null, null, from, to, null, null, null),
                defaultDays);
        if (!read.valid()) {
            new LinkedHashSet<>(read.complaints().stream()
                            .map(DashboardFilter::messageKey)
                            .toList())
                    .forEach(Faces::error);
            return Optional.empty();
        }
        from = read.query().filter().from().toString();
        to = read.query().filter().to().toString();
        return Optional.of(read.query());
    }

    public List<String> getSurveys() {
        return surveys.all().stream().map(Survey::slug).toList();
    }

    public List<Segment> getSegments() {
        return segments.visible();
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
