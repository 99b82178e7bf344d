package app.resonance.analytics.control;

import app.resonance.followups.control.AlertRules;
import app.resonance.followups.control.FollowUpAssigned;
import app.resonance.platform.control.DataSourceConfiguration;
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
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the rollup updater in the application: at start-up it builds the rollups when there are none yet
 * (a new database, an upgrade, the demo just loaded) or when the reporting zone changed; every two
 * seconds it consumes the response outbox in transactions of up to 1,000 events and runs the alert rules
 * on the score changes in the same transaction, so alerts and tasks happen exactly once with the rollup
 * change; new tasks are announced as {@link FollowUpAssigned} after the commit. Once a day it checks the
 * segments for significant NPS declines.
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
    Event<FollowUpAssigned> assigned;

    @Inject
    @ConfigProperty(name = "resonance.followups.due-days", defaultValue = "2")
    int dueDays;

    @Inject
    @ConfigProperty(name = "resonance.followups.renewal-days", defaultValue = "90")
    int renewalDays;

    @Inject
    app.resonance.followups.control.FollowUps followUps;

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
            List<AlertRules.Created> created = new ArrayList<>();
            applied = inTransaction(connection -> {
                var result = new RollupUpdater(connection, settings.zone()).applyPendingEvents(BATCH);
                created.addAll(rules(connection).apply(result.changes()));
                return result.events();
            });
            notify(created);
            total += applied;
        } while (applied == BATCH);
        return total;
    }

    private AlertRules rules(Connection connection) {
        return new AlertRules(
                connection,
                clock.instant(),
                LocalDate.now(clock.withZone(settings.zone())),
                renewalDays,
                dueDays,
                followUps.caps());
    }

    /** Tells the assignees of new tasks, after the transaction that created them committed. */
    private void notify(List<AlertRules.Created> created) {
        for (AlertRules.Created task : created) {
            assigned.fire(new FollowUpAssigned(task.followUpId(), task.assigneeId()));
        }
    }

    @Schedule(hour = "6", minute = "15", persistent = false)
    void dailySegmentCheck() {
        try {
            checkSegments(LocalDate.now(clock.withZone(settings.zone())), SEGMENT_WINDOW_DAYS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Checking segments for significant NPS declines failed", e);
        }
    }

    static final int SEGMENT_WINDOW_DAYS = 30;

    /**
     * Compares every segment's NPS in the {@code days} days up to {@code asOf} with the {@code days} before,
     * per NPS survey, and raises an alert with a task for each significant decline (once per ISO week).
     * Answers the number of new alerts.
     */
    public int checkSegments(LocalDate asOf, int days) throws SQLException {
        List<long[]> surveys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT id, CASE WHEN anonymous THEN 1 ELSE 0 END FROM survey WHERE kind IN ('NPS', 'ENPS')");
                var rs = statement.executeQuery()) {
            while (rs.next()) {
                surveys.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        ScoreRollups rollups = new ScoreRollups(dataSource);
        String period = Granularity.WEEK.label(Granularity.WEEK.start(asOf));
        List<AlertRules.Created> created = new ArrayList<>();
        for (long[] survey : surveys) {
            ReportingRules reporting = settings.rules(survey[1] == 1);
            RollupFilter now =
                    new RollupFilter(Metric.NPS, survey[0], null, null, null, null, asOf.minusDays(days - 1L), asOf);
            RollupFilter before = now.between(asOf.minusDays(2L * days - 1), asOf.minusDays(days));
            Map<Long, ScoreCounts> current = rollups.bySegment(now);
            Map<Long, ScoreCounts> previous = rollups.bySegment(before);
            for (var entry : current.entrySet()) {
                Estimate a = Estimator.estimate(
                        Metric.NPS, previous.getOrDefault(entry.getKey(), ScoreCounts.empty()), reporting);
                Estimate b = Estimator.estimate(Metric.NPS, entry.getValue(), reporting);
                Significance change = ChangeTest.compare(a, b);
                if (change.significant() && change.difference() < 0) {
                    long segment = entry.getKey();
                    inTransaction(connection -> {
                        rules(connection)
                                .segmentDecline(survey[0], segment, b.value(), a.value(), change.pValue(), period)
                                .ifPresent(created::add);
                        return null;
                    });
                }
            }
        }
        notify(created);
        return created.size();
    }

    private static boolean demoLoaded(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM app_setting WHERE setting_key = 'demo.loaded'");
                var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private <T> T inTransaction(RollupWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    interface RollupWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
