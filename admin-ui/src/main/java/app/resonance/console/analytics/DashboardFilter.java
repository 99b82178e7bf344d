package app.resonance.console.analytics;

import app.resonance.analytics.control.Granularity;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dashboard's filters as they stand in the URL (f:viewParam): survey and segment by key, channel,
 * language, from and to (days in the reporting zone), granularity, the chosen marker and the window of
 * days around it. Bad values are named on the page and nothing is computed.
 */
public class DashboardFilter implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String DEFAULT_SURVEY = "relationship-nps";
    static final int MAX_DAYS = 3660;

    private String survey;
    private String segment;
    private String channel;
    private String locale;
    private String from;
    private String to;
    private String granularity;
    private String marker;
    private int days = 60;

    private transient Survey selectedSurvey;
    private transient Segment selectedSegment;
    private LocalDate fromDate;
    private LocalDate toDate;

    /** Looks the keys up and checks the dates; false (with messages on the page) when a filter is bad. */
    boolean resolve(SurveyCatalog surveys, SegmentCatalog segments, LocalDate today) {
        boolean ok = true;
        if (survey == null || survey.isBlank()) {
            survey = surveys.bySlug(DEFAULT_SURVEY).isPresent()
                    ? DEFAULT_SURVEY
                    : surveys.all().stream().map(Survey::slug).findFirst().orElse(null);
        }
        selectedSurvey = survey == null ? null : surveys.bySlug(survey).orElse(null);
        if (selectedSurvey == null) {
            Faces.error("dashboard.error.survey");
            ok = false;
        }
        selectedSegment = null;
        if (segment != null && !segment.isBlank()) {
            selectedSegment = segments.byKey(segment).orElse(null);
            if (selectedSegment == null) {
                Faces.error("dashboard.error.segment");
                ok = false;
            }
        }
        if (channel != null && !channel.isBlank()) {
            try {
                app.resonance.responses.entity.Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                Faces.error("dashboard.error.channel");
                ok = false;
            }
        }
        if (locale != null && !locale.isBlank() && !locale.equals("de") && !locale.equals("en")) {
            Faces.error("dashboard.error.locale");
            ok = false;
        }
        if (granularity != null && !granularity.isBlank()) {
            try {
                Granularity.valueOf(granularity);
            } catch (IllegalArgumentException e) {
                Faces.error("dashboard.error.granularity");
                ok = false;
            }
        }
        if (days < 7 || days > 365) {
            Faces.error("dashboard.error.days");
            ok = false;
        }
        toDate = date(to, today);
        fromDate = date(from, toDate == null ? null : toDate.minusDays(364));
        if (toDate == null || fromDate == null) {
            Faces.error("dashboard.error.date");
            return false;
        }
        if (fromDate.isAfter(toDate) || ChronoUnit.DAYS.between(fromDate, toDate) >= MAX_DAYS) {
            Faces.error("dashboard.error.range");
            return false;
        }
        // The URL of the next request (Apply, a shared link) names the dates, not "the last year from today".
        from = fromDate.toString();
        to = toDate.toString();
        return ok;
    }

    private static LocalDate date(String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Survey selectedSurvey() {
        return selectedSurvey;
    }

    public Segment selectedSegment() {
        return selectedSegment;
    }

    public LocalDate fromDate() {
        return fromDate;
    }

    public LocalDate toDate() {
        return toDate;
    }

    public LocalDate getToDate() {
        return toDate;
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
