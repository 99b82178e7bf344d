package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Granularity;
import app.resonance.console.platform.Faces;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.entity.Survey;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The dashboard's filters as they stand in the URL (f:viewParam): survey and segment by key, channel,
 * language, from and to (days in the reporting zone), granularity, the chosen marker and the window of
 * days around it. They are read into the admin API's {@link AnalyticsQuery}, with its defaults; bad values
 * are named on the page and nothing is computed.
 */
public class DashboardFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private String survey;
    private String segment;
    private String channel;
    private String locale;
    private String from;
    private String to;
    private String granularity;
    private String marker;
    private int days = AnalyticsQuery.WINDOW_DAYS;

    private transient AnalyticsQuery query;

    /** The filters as the one analytics query reads them (the API's parameters give the same input). */
    AnalyticsQuery.Input input() {
        return new AnalyticsQuery.Input(
                survey, null, null, segment, channel, locale, from, to, granularity, null, days);
    }

    /** Reads the query (the default survey if none is chosen); false (with messages on the page) when a filter is bad. */
    boolean resolve(AnalyticsQueries queries) {
        if (survey == null || survey.isBlank()) {
            survey = queries.defaultSurvey().orElse(null);
        }
        if (survey == null) {
            Faces.error("dashboard.error.survey");
            query = null;
            return false;
        }
        var result = queries.read(input(), AnalyticsQuery.TREND_DAYS);
        query = result.query();
        if (!result.valid()) {
            Set<String> keys = new LinkedHashSet<>();
            result.complaints().forEach(c -> keys.add(messageKey(c)));
            keys.forEach(Faces::error);
            return false;
        }
        // The URL of the next request (Apply, a shared link) names the dates, not "the last year from today".
        from = query.filter().from().toString();
        to = query.filter().to().toString();
        return true;
    }

    /** The console's message for a complaint of the query. */
    static String messageKey(AnalyticsQuery.Complaint complaint) {
        return switch (complaint.field()) {
            case "segment", "channel", "locale", "granularity", "days" -> "dashboard.error." + complaint.field();
            case "from", "to" ->
                complaint.code().equals("expectedDate") ? "dashboard.error.date" : "dashboard.error.range";
            default -> "dashboard.error.survey";
        };
    }

    /** The checked query, or null before {@link #resolve} or when a filter is bad. */
    public AnalyticsQuery query() {
        return query;
    }

    public Survey selectedSurvey() {
        return query == null ? null : query.survey();
    }

    public Segment selectedSegment() {
        return query == null ? null : query.segment();
    }

    public LocalDate getToDate() {
        return query == null ? null : query.filter().to();
    }

    public Granularity granularity() {
        return granularity == null || granularity.isBlank() ? Granularity.DEFAULT : Granularity.valueOf(granularity);
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

    public String getChannel() {
        return channel == null || channel.isBlank() ? null : channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getLocale() {
        return locale == null || locale.isBlank() ? null : locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
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

    /** The periods as the "Per" selector shows them: the shared default until someone chooses. */
    public String getGranularity() {
        return granularity == null || granularity.isBlank() ? Granularity.DEFAULT.name() : granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }

    public String getMarker() {
        return marker;
    }

    public void setMarker(String marker) {
        this.marker = marker;
    }

    /** The marker chosen for the before/after comparison, if the URL names one. */
    public Long markerId() {
        try {
            return marker == null || marker.isBlank() ? null : Long.valueOf(marker);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }
}
