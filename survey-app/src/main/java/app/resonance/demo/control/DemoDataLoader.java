package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.entity.AppSetting;
import app.resonance.responses.control.WidgetSecrets;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo at the first start when {@code resonance.demo.enabled} is true: four surveys, five
 * segments, 1,500 customers and 22,000 responses over the last twelve months, in one transaction that takes
 * seconds; a setting row makes a second start skip it. The small parts go through the control classes the admin
 * API uses ({@link DemoSetup}: surveys, segments, the trend marker); only the bulk is plain JDBC, in batches on the
 * entity manager's own connection ({@link DemoResponseWriter}: customers and responses; {@link DemoTasks}: the
 * follow-up work of the story, written as the alert rules write it).
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

    /** The check-in calls of the recovery months: closed tasks of Business detractors for the effectiveness report. */
    public static final int RECOVERY_CALLS = 60;

    /** Open demo tasks (two overdue, one in progress), so the overview and the list show work to do. */
    public static final int OPEN_TASKS = 5;

    /**
     * The customer the demo shop ({@code /demo/shop}) identifies in the widget of relationship-nps: a Business customer
     * without responses, so that the contact limit lets the widget show until they answer.
     */
    public static final String WIDGET_CUSTOMER = "C-01501";

    @Inject
    WidgetSecrets widgetSecrets;

    @Inject
    SurveyCatalog catalog;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Clock clock;

    /**
     * Where the demo's chat receiver ({@code /demo/chat}) is reached from this instance; set by {@code -Prun}. Without
     * it the demo has no Slack and Teams destinations.
     */
    @Inject
    @ConfigProperty(name = "resonance.demo.chat-url")
    java.util.Optional<String> chatUrl;

    @Inject
    @ConfigProperty(name = "resonance.public.url")
    java.util.Optional<String> publicUrl;

    @PostConstruct
    void loadAtStartup() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        int responses;
        String shareToken = null;
        try {
            transaction.begin();
            try {
                responses = load(em, LocalDate.now(clock), clock.instant());
                if (responses > 0) {
                    shareToken = DemoSharing.write(em, clock.instant());
                }
                if (responses > 0 && chatUrl.isPresent()) {
                    DemoNotifications.write(em.unwrap(Connection.class), chatUrl.get(), clock.instant());
                }
            } catch (SQLException | RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        }
        if (responses > 0) {
            // the demo shop signs its customer id with this survey's widget secret
            catalog.bySlug(MARKER_SURVEY).ifPresent(widgetSecrets::rotate);
            String link = publicUrl.orElse("http://localhost:8080") + "/share/" + shareToken;
            LOG.info(() -> "Demo share link of the saved view '" + DemoSharing.VIEW_NAME + "' (90 days, figures only): "
                    + link);
            LOG.info(() -> "Demo data loaded: " + responses + " responses in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } else {
            LOG.info("Demo data present already; not loaded again.");
        }
    }

    /**
     * Loads the demo unless it is there already, in the entity manager's current transaction (the caller commits);
     * answers the number of responses written (0 if skipped). The demo's parts in the order they refer to each
     * other: surveys and segments, customers, the marker, the responses, the tasks behind them, the suppression list
     * with the wave that respected it, and last the
     * setting that says it is loaded.
     */
    public static int load(EntityManager em, LocalDate today, Instant now) throws SQLException {
        if (em.find(AppSetting.class, MARKER) != null) {
            return 0;
        }
        DemoSetup setup = new DemoSetup(em, today, now);
        setup.write();
        // The bulk on the transaction's own connection; UTC wall-clock times, bound with setObject.
        Connection connection = em.unwrap(Connection.class);
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        IdBlocks ids = new IdBlocks(connection);
        DemoStory story = new DemoStory(today, SEED);
        List<DemoStory.DemoCustomer> customers = story.customers();
        DemoResponseWriter bulk = new DemoResponseWriter(connection, ids, setup, today, utc);
        bulk.customers(customers);
        setup.checkInCallsMarker();
        int written = 0;
        for (String slug : DemoStory.RESPONSES.keySet().stream().sorted().toList()) {
            written += bulk.responses(slug, story.responses(slug, customers));
        }
        bulk.customers(List.of(new DemoStory.DemoCustomer(
                WIDGET_CUSTOMER,
                "Webshop Lindner GmbH (" + WIDGET_CUSTOMER + ")",
                "feedback+c-01501@lindner.example",
                "Business",
                "DE",
                "Active",
                today.plusDays(200),
                "de",
                "Services")));
        DemoTasks tasks = new DemoTasks(connection, ids, setup, today, utc);
        tasks.checkInCalls(setup.segmentId(BUSINESS_SEGMENT));
        tasks.team();
        tasks.recoveryCalls();
        tasks.callEffect();
        tasks.openTasks();
        tasks.supportRule();
        long relationshipWave = new DemoSuppressions(connection, ids, setup, utc).write();
        new DemoContacts(connection, ids, setup, utc).write(relationshipWave);
        new DemoCheckInWave(connection, ids, setup, utc).write();
        new DemoEvents(connection, ids, setup, utc).write();
        DemoTopics.write(connection, utc);
        new DemoProgramme(connection, ids, setup, utc).write();
        new DemoPlannedWave(em, connection, ids, setup, today, utc).write();
        em.persist(new AppSetting(MARKER, "seed " + SEED + ", " + written + " responses", now));
        em.flush();
        return written;
    }
}
