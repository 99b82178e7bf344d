package app.resonance.notifications.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Outbox;
import app.resonance.webhooks.control.WebhookPost;
import app.resonance.webhooks.control.WebhookTargets;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every two seconds: posts the due chat messages to Slack and Teams, the way webhooks are delivered (one POST to
 * the address checked, no redirects followed, ten seconds to answer). A 2xx answer delivers a message; anything
 * else is retried after a growing pause and shown on the destination's deliveries, and after the last attempt the
 * message stays there as FAILED. A URL whose host now resolves to an address that is not public is refused like a
 * webhook's, except a loopback URL where the operator allows it ({@code resonance.notifications.loopback}: tests
 * and the demo's receiver).
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
    static final int PER_BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    @ConfigProperty(name = "resonance.notifications.loopback", defaultValue = "false")
    boolean loopbackAllowed;

    @Inject
    @ConfigProperty(name = "resonance.webhooks.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void tick() {
        try {
            List<NotificationQueue.Due> due;
            do {
                due = Jdbc.inTransaction(
                        dataSource, c -> NotificationQueue.claimDue(c, clock.instant(), PER_BATCH, LEASE));
                for (NotificationQueue.Due message : due) {
                    send(message);
                }
            } while (due.size() == PER_BATCH);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification dispatch failed; retrying at the next tick", e);
        }
    }

    private void send(NotificationQueue.Due due) throws SQLException {
        Integer status = null;
        String error = null;
        try {
            URI url = URI.create(due.url());
            java.net.InetAddress address = null;
            if (loopbackAllowed && DestinationRules.isLoopback(url)) {
                address = DestinationRules.loopbackAddress(url);
            } else {
                WebhookTargets.Target target = targets.target(url);
                if (target.refusal().isPresent()) {
                    error = WebhookTargets.describe(target.refusal().get());
                } else {
                    address = target.address();
                }
            }
            if (address != null) {
                status = WebhookPost.send(
                        url,
                        address,
                        Map.of("Content-Type", "application/json; charset=utf-8", "User-Agent", "Resonance/1"),
                        due.payload(),
                        Duration.ofSeconds(10));
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Integer finalStatus = status;
        String finalError = error != null ? error : status >= 200 && status < 300 ? null : "HTTP " + status;
        Jdbc.inTransaction(dataSource, c -> {
            if (finalError == null) {
                Outbox.delivered(c, NotificationQueue.CHANNEL, due.id(), finalStatus, clock.instant());
            } else {
                Outbox.failed(
                        c,
                        NotificationQueue.CHANNEL.withBasePause(Duration.ofSeconds(retryBaseSeconds)),
                        new Outbox.Claimed(due.id(), due.attempts()),
                        finalStatus,
                        finalError,
                        clock.instant());
            }
            return null;
        });
    }
}
