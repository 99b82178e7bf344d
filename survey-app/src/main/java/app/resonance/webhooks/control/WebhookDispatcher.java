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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every two seconds: turns new response events into deliveries, then sends the due ones. A delivery
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
    static final int EVENTS_PER_TICK = 500;
    static final int DELIVERIES_PER_TICK = 20;
    static final Duration LEASE = Duration.ofMinutes(2);

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    @ConfigProperty(name = "resonance.webhooks.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Bean-managed: the JDBC transactions below are this method's own, never the container's. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void tick() {
        try {
            Jdbc.inTransaction(dataSource, c -> {
                WebhookOutbox.fanOut(c, clock.instant(), EVENTS_PER_TICK);
                return null;
            });
            List<WebhookOutbox.Due> due = Jdbc.inTransaction(
                    dataSource, c -> WebhookOutbox.claimDue(c, clock.instant(), DELIVERIES_PER_TICK, LEASE));
            for (WebhookOutbox.Due delivery : due) {
                send(delivery);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatch failed; retrying at the next tick", e);
        }
    }

    private void send(WebhookOutbox.Due due) throws SQLException {
        Instant now = clock.instant();
        Integer status = null;
        String error = null;
        try {
            URI url = URI.create(due.url());
            // checked again at every delivery: what the host resolves to may have changed since it was registered
            Optional<WebhookTargets.Refusal> refused = targets.check(url);
            if (refused.isPresent()) {
                error = refused.get() == WebhookTargets.Refusal.UNKNOWN_HOST
                        ? "Refused: the host does not resolve"
                        : "Refused: the host resolves to an address that is not public";
            } else {
                String id = "evt_" + due.eventId();
                HttpRequest.Builder request = HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Resonance-Webhooks/1")
                        .header("Resonance-Event-Id", id)
                        .header("Resonance-Event-Type", due.eventType());
                WebhookSignature.standardHeaders(due.secret(), id, now.getEpochSecond(), due.payload())
                        .forEach(request::header);
                request.POST(HttpRequest.BodyPublishers.ofString(due.payload()));
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
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
