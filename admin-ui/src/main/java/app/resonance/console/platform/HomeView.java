package app.resonance.console.platform;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.Alert;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The overview: NPS, CSAT and CES of the last 30 days against the 30 before with the significance of the
 * change (survey-app's TrendAnalysis, as the segments endpoint of the API answers), open alerts, open and
 * overdue tasks, the newest comments, and every survey's responses and newest response.
 */
@Named
@RequestScoped
public class HomeView {

    static final int DAYS = 30;
    static final int LISTED = 5;

    @Inject
    SurveyCatalog surveyCatalog;

    @Inject
    TrendAnalysis analysis;

    @Inject
    AnalyticsSettings settings;

    @Inject
    FollowUps followUps;

    @Inject
    Comments comments;

    @Inject
    app.resonance.followups.control.Escalations escalations;

    @Inject
    Clock clock;

    /** One headline figure, its change against the previous period and the dashboard behind it. */
    public record Headline(Metric metric, TrendAnalysis.SegmentFigure figure, String dashboardSurvey) {}

    /** A survey with its activity. */
    public record SurveyRow(Survey survey, SurveyCatalog.Activity activity) {}

    /** A comment with the survey it answers. */
    public record CommentRow(Survey survey, Comments.Comment comment) {}

    private LocalDate from;
    private LocalDate to;
    private final List<Headline> headlines = new ArrayList<>();
    private final List<SurveyRow> surveys = new ArrayList<>();
    private final List<CommentRow> newestComments = new ArrayList<>();
    private List<Alert> alerts;
    private long openAlerts;
    private long openTasks;
    private long overdueTasks;
    private long heldAlerts;
    private app.resonance.followups.control.Escalations.Overdue overdue;

    @PostConstruct
    void load() {
        to = LocalDate.now(clock.withZone(settings.zone()));
        from = to.minusDays(DAYS - 1L);
        List<Survey> all = surveyCatalog.all();
        for (Metric metric : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            var filter = new RollupFilter(metric, null, null, null, null, null, from, to);
            String slug = all.stream()
                    .filter(s -> s.kind() == SurveyKind.valueOf(metric.name()))
                    .map(Survey::slug)
                    .findFirst()
                    .orElse(null);
            headlines.add(new Headline(metric, analysis.overall(filter, settings.rules(false)), slug));
        }
        var activity = surveyCatalog.activity();
        all.forEach(s -> surveys.add(new SurveyRow(s, activity.getOrDefault(s.id(), SurveyCatalog.Activity.NONE))));
        for (Survey survey : all) {
            var filter = new CommentFilter(survey.id(), to.minusDays(364), to, null, null, null, null, null);
            comments.page(filter, settings.zone(), 0, LISTED).comments().stream()
                    .map(c -> new CommentRow(survey, c))
                    .forEach(newestComments::add);
        }
        newestComments.sort(Comparator.comparing((CommentRow r) -> r.comment().submittedAt())
                .reversed());
        newestComments
                .subList(Math.min(LISTED, newestComments.size()), newestComments.size())
                .clear();
        alerts = followUps.openAlerts(LISTED);
        openAlerts = followUps.openAlertCount();
        openTasks = followUps.count(new FollowUps.Query(FollowUpStatus.OPEN, null, null, false, to));
        overdueTasks = followUps.count(new FollowUps.Query(null, null, null, true, to));
        overdue = escalations.overdue();
        heldAlerts = followUps.held().count();
    }

    /** Detractors the hourly caps held back (no task, no mail): the follow-ups page says since when. */
    public long getHeldAlerts() {
        return heldAlerts;
    }

    public List<Headline> getHeadlines() {
        return headlines;
    }

    /** "42.0", or why there is no figure. */
    public String value(Headline h) {
        var e = h.figure().current();
        return switch (e.visibility()) {
            case SHOWN -> Figures.value(e, locale());
            case NOT_ENOUGH_RESPONSES -> Faces.text("dashboard.notEnough");
            case HIDDEN_FOR_ANONYMITY -> Faces.text("dashboard.hidden");
        };
    }

    public String margin(Headline h) {
        var e = h.figure().current();
        return e.shown() ? Figures.margin(e, locale()) + " · n = " + e.responses() : "";
    }

    /** "+3.1 against the 30 days before", or that there is nothing to compare with. */
    public String change(Headline h) {
        var change = h.figure().change();
        return change.testable()
                ? Faces.text("home.change", Figures.signed(change.difference(), locale()), DAYS)
                : Faces.text("home.noComparison");
    }

    /** Whether the change is more than chance, in words with its p-value. */
    public String significance(Headline h) {
        var change = h.figure().change();
        if (!change.testable() || change.pValue() == null) {
            return "";
        }
        return Faces.text(
                change.significant() ? "home.significant" : "home.notSignificant",
                Figures.p(change.pValue(), locale()));
    }

    public String title(Survey survey) {
        var title = survey.latestVersion().title();
        return title == null ? survey.slug() : title.in(locale());
    }

    public String excerpt(String text) {
        return text == null || text.length() <= 160 ? text : text.substring(0, 159) + "…";
    }

    private static Locale locale() {
        return Faces.locale();
    }

    public List<SurveyRow> getSurveys() {
        return surveys;
    }

    public List<CommentRow> getComments() {
        return newestComments;
    }

    public List<Alert> getAlerts() {
        return alerts;
    }

    public long getOpenAlerts() {
        return openAlerts;
    }

    public long getOpenTasks() {
        return openTasks;
    }

    public long getOverdueTasks() {
        return overdueTasks;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    /** Open tasks past their due time (to the hour) and how many of them went to a team lead. */
    public app.resonance.followups.control.Escalations.Overdue getOverdue() {
        return overdue;
    }
}
