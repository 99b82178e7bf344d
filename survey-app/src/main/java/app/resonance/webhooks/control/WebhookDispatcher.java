package app.resonance.webhooks.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every two seconds: turns new response events into deliveries, then sends the due ones, batch after batch
 * while there is more work, for up to {@link #BUDGET} per tick (so the rate is not capped by the batch size;
 * a claimed batch is always finished). A delivery
 * counts as made when the receiver answers 2xx within ten seconds; anything else is retried later, a
 * redirect too (never followed), and so is a URL whose host now resolves to an address that is not
 * public ({@link WebhookTargets}): nothing is sent there.
 * Several instances may run this at once: the cursor is read under a row lock and deliveries are
 * claimed with a lease.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final int EVENTS_PER_BATCH = 500;
    static final int DELIVERIES_PER_BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);
    /** How long one tick starts new batches: below the two seconds between ticks. */
    static final Duration BUDGET = Duration.ofMillis(1500);

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    @ConfigProperty(name = "resonance.webhooks.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    Duration budget = BUDGET;

    /** Bean-managed: the JDBC transactions below are this method's own, never the container's. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void tick() {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            boolean more;
            do {
                int events =
                        Jdbc.inTransaction(dataSource, c -> WebhookOutbox.fanOut(c, clock.instant(), EVENTS_PER_BATCH));
                List<WebhookOutbox.Due> due = Jdbc.inTransaction(
                        dataSource, c -> WebhookOutbox.claimDue(c, clock.instant(), DELIVERIES_PER_BATCH, LEASE));
                for (WebhookOutbox.Due delivery : due) {
                    send(delivery);
                }
                more = events == EVENTS_PER_BATCH || due.size() == DELIVERIES_PER_BATCH;
            } while (more && System.nanoTime() - deadline < 0);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatch failed; retrying at the next tick", e);
        }
    }

    /** One signed POST of the event to the checked address; the receiver's status. */
    static int deliver(URI url, java.net.InetAddress address, WebhookOutbox.Due due, Instant now)
            throws java.io.IOException {
        String id = "evt_" + due.eventId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Resonance-Webhooks/1");
        headers.put("Resonance-Event-Id", id);
        headers.put("Resonance-Event-Type", due.eventType());
        headers.putAll(WebhookSignature.standardHeaders(due.secret(), id, now.getEpochSecond(), due.payload()));
        return WebhookPost.send(url, address, headers, due.payload(), Duration.ofSeconds(10));
    }

    private void send(WebhookOutbox.Due due) throws SQLException {
        Instant now = clock.instant();
        Integer status = null;
        String error = null;
        try {
            URI url = URI.create(due.url());
            // checked again at every delivery (what the host resolves to may have changed since it was
            // registered), and the POST goes to the very address checked, not to a second lookup's answer
            WebhookTargets.Target target = targets.target(url);
            if (target.refusal().isPresent()) {
                error = WebhookTargets.describe(target.refusal().get());
            } else {
                status = deliver(url, target.address(), due, now);
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Integer finalStatus = status;
        String finalError = error != null ? error : status >= 200 && status < 300 ? null : "HTTP " + status;
        Instant done = clock.instant();
        Jdbc.inTransaction(dataSource, c -> {
            if (finalError == null) {
                WebhookOutbox.delivered(c, due.id(), finalStatus, done);
            } else {
                WebhookOutbox.failed(c, due, finalStatus, finalError, done, Duration.ofSeconds(retryBaseSeconds));
            }
            return null;
        });
    }
}
