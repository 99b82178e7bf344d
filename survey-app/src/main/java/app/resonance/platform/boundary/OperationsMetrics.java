package app.resonance.platform.boundary;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.OperationsSnapshot;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges on the queues an operator watches (Prometheus at /metrics?scope=application):
 * {@code resonance_rollup_backlog}, {@code resonance_rollup_lag_seconds}, {@code resonance_mail_queued},
 * {@code resonance_mail_oldest_seconds}, {@code resonance_webhook_events_waiting},
 * {@code resonance_webhook_deliveries_pending}, {@code resonance_webhook_oldest_seconds} and
 * {@code resonance_db_connections{state}} (PostgreSQL's own count of this database's connections,
 * active or idle, which is the pool's use seen from the server; -1 on H2). One snapshot is read per
 * scrape, at most every two seconds; -1 everywhere when the database does not answer.
 */
@ApplicationScoped
public class OperationsMetrics {

    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class.getName());
    private static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final OperationsSnapshot UNKNOWN = new OperationsSnapshot(-1, -1, -1, -1, -1, -1, -1, -1, -1);

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    Clock clock;

    private OperationsSnapshot snapshot = UNKNOWN;
    private Instant readAt = Instant.MIN;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge(
                "resonance.rollup.backlog",
                "response events the rollups have not consumed",
                MetricUnits.NONE,
                s -> s.rollupBacklog());
        gauge(
                "resonance.rollup.lag",
                "age of the oldest response event the rollups have not consumed",
                MetricUnits.SECONDS,
                OperationsSnapshot::rollupLagSeconds);
        gauge("resonance.mail.queued", "mails neither sent nor cancelled", MetricUnits.NONE, s -> s.mailQueued());
        gauge(
                "resonance.mail.oldest",
                "age of the oldest queued mail",
                MetricUnits.SECONDS,
                OperationsSnapshot::mailOldestSeconds);
        gauge(
                "resonance.webhook.events.waiting",
                "response events not yet turned into webhook deliveries",
                MetricUnits.NONE,
                s -> s.webhookEventsWaiting());
        gauge(
                "resonance.webhook.deliveries.pending",
                "webhook deliveries waiting for a (further) attempt",
                MetricUnits.NONE,
                s -> s.webhookDeliveriesPending());
        gauge(
                "resonance.webhook.oldest",
                "age of the oldest waiting webhook event or pending delivery",
                MetricUnits.SECONDS,
                OperationsSnapshot::webhookOldestSeconds);
        gauge(
                "resonance.db.connections",
                "connections to this database by state, as PostgreSQL counts them",
                MetricUnits.NONE,
                s -> s.dbConnectionsActive(),
                new Tag("state", "active"));
        gauge(
                "resonance.db.connections",
                "connections to this database by state, as PostgreSQL counts them",
                MetricUnits.NONE,
                s -> s.dbConnectionsIdle(),
                new Tag("state", "idle"));
    }

    private void gauge(
            String name, String description, String unit, ToDoubleFunction<OperationsSnapshot> value, Tag... tags) {
        Metadata metadata = Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(unit)
                .build();
        registry.gauge(metadata, this, self -> value.applyAsDouble(self.current()), tags);
    }

    synchronized OperationsSnapshot current() {
        Instant now = clock.instant();
        if (readAt.plus(MAX_AGE).isBefore(now)) {
            try (var connection = dataSource.getConnection()) {
                snapshot = OperationsSnapshot.read(connection, now);
            } catch (Exception e) {
                LOG.log(Level.FINE, "Operations metrics could not be read", e);
                snapshot = UNKNOWN;
            }
            readAt = now;
        }
        return snapshot;
    }
}
