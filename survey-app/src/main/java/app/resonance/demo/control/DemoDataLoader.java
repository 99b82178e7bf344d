package app.resonance.demo.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo at the first start when {@code resonance.demo.enabled} is true: four surveys, five
 * segments, 1,500 customers and 22,000 responses over the last twelve months. Written with JDBC
 * batches in one transaction, so it takes seconds; a marker row makes a second start skip it. The parts:
 * {@link DemoSetup} (surveys, segments, marker), {@link DemoResponseWriter} (customers and the bulk responses),
 * {@link DemoTasks} (the follow-up work of the story).
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "FirstAdmin"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());
    static final String MARKER = "demo.loaded";
    static final long SEED = 20261123L;

    /** The demo's trend marker: on relationship-nps, Business segment, the day check-in calls started. */
    public static final String MARKER_SURVEY = "relationship-nps";

    public static final String BUSINESS_SEGMENT = "business";
    public static final String CHECK_IN_CALLS_LABEL = "Check-in calls started";
    public static final String CHECK_IN_CALLS_DESCRIPTION = "Check-in-Anrufe gestartet";
    /** The check-in calls themselves: done follow-up tasks for Business detractors, from the marker on. */
    public static final String CHECK_IN_TASK_TITLE = "Check-in-Anruf / check-in call";

    public static final int CHECK_IN_TASKS = 12;

    /** Open demo tasks (two overdue, one in progress), so the overview and the list show work to do. */
    public static final int OPEN_TASKS = 5;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Clock clock;

    @PostConstruct
    void loadAtStartup() {
        if (!enabled) {
            return;
        }
        try {
            long started = System.nanoTime();
            int responses = load(dataSource, LocalDate.now(clock), clock.instant());
            if (responses > 0) {
                LOG.info(() -> "Demo data loaded: " + responses + " responses in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            } else {
                LOG.info("Demo data present already; not loaded again.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        }
    }

    /** Loads the demo unless it is there already; answers the number of responses written (0 if skipped). */
    public static int load(DataSource dataSource, LocalDate today, Instant now) throws SQLException {
        return Jdbc.inTransaction(dataSource, connection -> write(connection, today, now));
    }

    /**
     * The demo in the order its parts refer to each other: surveys and segments, customers, the marker, the
     * responses, the tasks behind them, and last the row that says it is loaded.
     */
    private static int write(Connection connection, LocalDate today, Instant instant) throws SQLException {
        if (Jdbc.number(connection, "SELECT COUNT(*) FROM app_setting WHERE setting_key = ?", MARKER) > 0) {
            return 0;
        }
        // UTC wall-clock time, bound with setObject so that no JVM time zone shifts it.
        LocalDateTime now = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        IdBlocks ids = new IdBlocks(connection);
        DemoSetup setup = new DemoSetup(connection, ids, today, now);
        setup.write();
        DemoStory story = new DemoStory(today, SEED);
        List<DemoStory.DemoCustomer> customers = story.customers();
        DemoResponseWriter bulk = new DemoResponseWriter(connection, ids, setup, today, now);
        bulk.customers(customers);
        setup.checkInCallsMarker();
        int written = 0;
        for (String slug : DemoStory.RESPONSES.keySet().stream().sorted().toList()) {
            written += bulk.responses(slug, story.responses(slug, customers));
        }
        DemoTasks tasks = new DemoTasks(connection, ids, setup, today, now);
        tasks.checkInCalls(setup.segmentId(BUSINESS_SEGMENT));
        tasks.openTasks();
        Jdbc.update(
                connection,
                "INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                MARKER,
                "seed " + SEED + ", " + written + " responses",
                now);
        return written;
    }
}
