package app.resonance.followups.control;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.ChangeTest;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Estimator;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.analytics.control.ScoreCounts;
import app.resonance.analytics.control.ScoreRollups;
import app.resonance.analytics.control.Significance;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the SEGMENT_TREND alert rules (daily, and on demand through the API): per rule, per survey and segment in
 * its scope, the segment's figure of the rule's metric over the rule's window up to the day checked against the
 * window before, compared by the dashboard's own test ({@link ChangeTest}: a two-sided z test on the difference);
 * it fires when the figure fell, p lies below the rule's level and both windows have at least its minimum of
 * responses (and, in an anonymous survey, never a group below five). Each firing is written in a transaction of its
 * own ({@link AlertRules#segmentDecline}), once per rule, survey, segment and period ({@link #period}).
 */
@ApplicationScoped
public class SegmentTrends {

    /** A Monday: the periods of every window length are counted in blocks from here (7 days: ISO weeks). */
    static final LocalDate EPOCH = LocalDate.of(1970, 1, 5);

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AnalyticsSettings settings;

    @Inject
    FollowUps followUps;

    @Inject
    Clock clock;

    @Inject
    Event<AlertsRaised> raised;

    @Inject
    Event<FollowUpAssigned> assigned;

    @Inject
    @ConfigProperty(name = "resonance.followups.due-days", defaultValue = "2")
    int dueDays;

    @Inject
    @ConfigProperty(name = "resonance.followups.renewal-days", defaultValue = "90")
    int renewalDays;

    /** A segment whose figure fell significantly: the figure in the window, in the window before, and p. */
    public record Decline(long segmentId, double figure, double previousFigure, double pValue) {}

    /**
     * The segments (those in {@code scope}; empty: all) whose figure fell from {@code previous} to {@code current}
     * with p below the rule's level, both windows shown with at least its minimum of responses; in segment order.
     */
    public static List<Decline> declines(
            Metric metric,
            Map<Long, ScoreCounts> previous,
            Map<Long, ScoreCounts> current,
            Set<Long> scope,
            AlertRule.Trend trend,
            boolean anonymousSurvey) {
        ReportingRules rules = new ReportingRules(trend.minResponses(), anonymousSurvey);
        List<Decline> declines = new ArrayList<>();
        current.keySet().stream().sorted().forEach(segment -> {
            if (!scope.isEmpty() && !scope.contains(segment)) {
                return;
            }
            Estimate before = Estimator.estimate(metric, previous.getOrDefault(segment, ScoreCounts.empty()), rules);
            Estimate now = Estimator.estimate(metric, current.get(segment), rules);
            Significance change = ChangeTest.compare(before, now);
            if (change.pValue() != null && change.difference() < 0 && change.pValue() < trend.significance()) {
                declines.add(new Decline(segment, now.value(), before.value(), change.pValue()));
            }
        });
        return declines;
    }

    /**
     * The period a check on {@code asOf} belongs to: the block of {@code windowDays} days, counted from Monday
     * 1970-01-05, that holds the day, named by its first day and length ("2026-11-30/7d": a 7-day block is an ISO
     * week). A rule fires at most once per segment and period however often it is checked.
     */
    public static String period(LocalDate asOf, int windowDays) {
        long blocks = Math.floorDiv(ChronoUnit.DAYS.between(EPOCH, asOf), windowDays);
        return EPOCH.plusDays(blocks * windowDays) + "/" + windowDays + "d";
    }

    /**
     * Runs the active SEGMENT_TREND rules as of {@code asOf} (a day in the reporting zone), only those with a window
     * of {@code windowDays} when given; answers the number of new alerts.
     */
    public int check(LocalDate asOf, Integer windowDays) throws SQLException {
        record Survey(long id, boolean anonymous) {}
        List<AlertRule> rules = Jdbc.inTransaction(dataSource, AlertRules::activeTrendRules);
        List<Survey> surveys = Jdbc.inTransaction(
                dataSource,
                c -> Jdbc.list(
                        c,
                        "SELECT id, anonymous FROM survey ORDER BY id",
                        rs -> new Survey(rs.getLong(1), rs.getBoolean(2))));
        ScoreRollups rollups = new ScoreRollups(dataSource);
        int alerts = 0;
        for (AlertRule rule : rules) {
            AlertRule.Trend trend = rule.trend();
            if (trend == null || (windowDays != null && trend.windowDays() != windowDays)) {
                continue;
            }
            Metric metric = Metric.valueOf(rule.questionType());
            int days = trend.windowDays();
            String period = period(asOf, days);
            for (Survey survey : surveys) {
                if (!rule.surveys().isEmpty() && !rule.surveys().contains(survey.id())) {
                    continue;
                }
                RollupFilter now =
                        new RollupFilter(metric, survey.id(), null, null, null, null, asOf.minusDays(days - 1L), asOf);
                RollupFilter before = now.between(asOf.minusDays(2L * days - 1), asOf.minusDays(days));
                Map<Long, ScoreCounts> current = rollups.bySegment(now);
                if (current.isEmpty()) {
                    continue;
                }
                for (Decline decline : declines(
                        metric, rollups.bySegment(before), current, rule.segments(), trend, survey.anonymous())) {
                    alerts += fire(rule, survey.id(), decline, period);
                }
            }
        }
        return alerts;
    }

    /** Records one finding in a transaction of its own; answers 1 when its alert is new. */
    private int fire(AlertRule rule, long surveyId, Decline decline, String period) throws SQLException {
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        List<AlertRules.Created> created = new ArrayList<>();
        int added = Jdbc.inTransaction(dataSource, c -> {
            AlertRules alertRules = new AlertRules(c, at, today, renewalDays, dueDays, followUps.caps());
            long before = Jdbc.number(c, "SELECT COUNT(*) FROM alert WHERE rule_id = ?", rule.id());
            Optional<AlertRules.Created> task = alertRules.segmentDecline(
                    rule,
                    surveyId,
                    decline.segmentId(),
                    decline.figure(),
                    decline.previousFigure(),
                    decline.pValue(),
                    period);
            task.ifPresent(created::add);
            if (task.isPresent() || !alertRules.untaskedWindowAlerts().isEmpty()) {
                raised.fire(new AlertsRaised(
                        c,
                        at,
                        task.map(t -> List.of(t.followUpId())).orElse(List.of()),
                        alertRules.notifyAt(),
                        Map.of(),
                        alertRules.untaskedWindowAlerts()));
            }
            return (int) (Jdbc.number(c, "SELECT COUNT(*) FROM alert WHERE rule_id = ?", rule.id()) - before);
        });
        created.forEach(task -> assigned.fire(new FollowUpAssigned(task.followUpId(), task.assigneeId())));
        return added;
    }
}
