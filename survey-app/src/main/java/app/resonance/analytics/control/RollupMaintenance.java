package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the rollup updater in the application: at start-up it builds the rollups when there are none yet
 * (a new database, an upgrade, the demo just loaded) or when the reporting zone changed; every two
 * seconds it consumes the response outbox in transactions of up to 1,000 events and fires the score changes
 * as {@link RollupsChanged} in the same transaction (the follow-ups' alert rules observe it), so alerts and
 * tasks happen exactly once with the rollup change; what they register for after the commit runs after it.
 * Once a day it checks the topics for a significant rise of their share of the comments (the segments' trends are
 * the follow-ups' SEGMENT_TREND alert rules, which read the rollups themselves).
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "DemoDataLoader"})
@TransactionManagement(TransactionManagementType.BEAN)
public class RollupMaintenance {

    private static final Logger LOG = Logger.getLogger(RollupMaintenance.class.getName());
    static final int BATCH = 1000;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<RollupsChanged> changed;

    @PostConstruct
    void buildIfNeeded() {
        try {
            inTransaction(connection -> {
                ZoneId zone = settings.zone();
                RollupUpdater updater = new RollupUpdater(connection, zone);
                boolean demo = demoLoaded(connection);
                var state = updater.state();
                if (state.isPresent()
                        && state.get().zone().equals(zone)
                        && (state.get().includesDemo() || !demo)) {
                    return null;
                }
                long started = System.nanoTime();
                long responses = updater.rebuild(demo, clock.instant());
                LOG.info(() -> "Rollups built in " + zone + " from " + responses + " responses in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Building the rollups failed", e);
        }
    }

    /** Rebuilds the rollups from all responses (an admin operation); answers the number of responses. */
    public long rebuild() throws SQLException {
        return inTransaction(connection ->
                new RollupUpdater(connection, settings.zone()).rebuild(demoLoaded(connection), clock.instant()));
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void consumeOutbox() {
        try {
            catchUp();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Applying response events to the rollups failed; retrying in two seconds", e);
        }
    }

    /** Applies every pending event; answers how many. */
    public int catchUp() throws SQLException {
        int total = 0;
        int applied;
        do {
            List<RollupsChanged> fired = new ArrayList<>();
            applied = inTransaction(connection -> {
                var result = new RollupUpdater(connection, settings.zone()).applyPendingEvents(BATCH);
                fired.add(fire(connection, new RollupsChanged.ScoreChanges(result.changes())));
                return result.events();
            });
            afterCommit(fired);
            total += applied;
        } while (applied == BATCH);
        return total;
    }

    private RollupsChanged fire(Connection connection, RollupsChanged.Evidence evidence) {
        var event = new RollupsChanged(
                connection, clock.instant(), LocalDate.now(clock.withZone(settings.zone())), evidence);
        changed.fire(event);
        return event;
    }

    /** Runs what the observers registered, after the transaction that fired the events committed. */
    private static void afterCommit(List<RollupsChanged> fired) {
        fired.forEach(event -> event.afterCommit().forEach(Runnable::run));
    }

    static final int TOPIC_WINDOW_DAYS = 30;

    @Schedule(hour = "6", minute = "20", persistent = false)
    void dailyTopicCheck() {
        try {
            checkTopics(LocalDate.now(clock.withZone(settings.zone())), TOPIC_WINDOW_DAYS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Checking topics for a significant rise failed", e);
        }
    }

    /**
     * Compares every enabled topic's share of each survey's comments in the {@code days} days up to {@code asOf}
     * (reporting zone) with the {@code days} before ({@link TopicRise}), and raises an alert with a task for each
     * significant rise (once per survey, topic and ISO week). Answers the number of new alerts.
     */
    public int checkTopics(LocalDate asOf, int days) throws SQLException {
        List<long[]> surveys = Jdbc.inTransaction(
                dataSource,
                c -> Jdbc.list(
                        c,
                        "SELECT s.id, CASE WHEN s.anonymous THEN 1 ELSE 0 END FROM survey s WHERE EXISTS (SELECT 1"
                                + " FROM question q JOIN survey_version v ON v.id = q.survey_version_id"
                                + " WHERE v.survey_id = s.id AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT'))"
                                + " ORDER BY s.id",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)}));
        Comments comments = new Comments(dataSource);
        ZoneId zone = settings.zone();
        String period = Granularity.WEEK.label(Granularity.WEEK.start(asOf));
        List<RollupsChanged> fired = new ArrayList<>();
        for (long[] survey : surveys) {
            LocalDate from = asOf.minusDays(days - 1L);
            var now = comments.themes(
                    new CommentFilter(survey[0], from, asOf, null, null, null, null, null), zone, Granularity.WEEK);
            var before = comments.themes(
                    new CommentFilter(survey[0], from.minusDays(days), from.minusDays(1), null, null, null, null, null),
                    zone,
                    Granularity.WEEK);
            for (TopicRise.Comparison rise : TopicRise.rises(before, now, settings.rules(survey[1] == 1))) {
                inTransaction(connection -> fired.add(fire(
                        connection,
                        new RollupsChanged.TopicRise(
                                survey[0],
                                rise.topicKey(),
                                rise.share(),
                                rise.previousShare(),
                                rise.adjustedP(),
                                period))));
            }
        }
        afterCommit(fired);
        return fired.stream().mapToInt(RollupsChanged::raised).sum();
    }

    private static boolean demoLoaded(Connection connection) throws SQLException {
        return Jdbc.number(connection, "SELECT COUNT(*) FROM app_setting WHERE setting_key = 'demo.loaded'") > 0;
    }

    private <T> T inTransaction(Jdbc.Work<T> work) throws SQLException {
        return Jdbc.inTransaction(dataSource, work);
    }
}
