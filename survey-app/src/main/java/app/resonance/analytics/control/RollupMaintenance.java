package app.resonance.analytics.control;

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
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the rollup updater in the application: at start-up it builds the rollups when there are none yet
 * (a new database, an upgrade, the demo just loaded) or when the reporting zone changed; every two
 * seconds it consumes the response outbox in transactions of up to 1,000 events. Observers of
 * {@link ScoresChanged} (the alert rules) run inside the same transaction, so what they write happens
 * exactly once with the rollup change.
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
    Event<ScoresChanged> scoresChanged;

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
            applied = inTransaction(connection -> {
                var result = new RollupUpdater(connection, settings.zone()).applyPendingEvents(BATCH);
                if (!result.changes().isEmpty()) {
                    scoresChanged.fire(new ScoresChanged(connection, result.changes()));
                }
                return result.events();
            });
            total += applied;
        } while (applied == BATCH);
        return total;
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
