package app.resonance.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The queues an operator watches, read in one go: the analytics outbox ({@code response_event}, what
 * the rollups have not consumed yet), the mail outbox (queued, neither sent nor cancelled), the webhook
 * outbox (events not yet fanned out, deliveries pending) and, on PostgreSQL, the server's connections
 * to this database by state. Ages are seconds since the oldest waiting row, 0 when nothing waits.
 */
public record OperationsSnapshot(
        long rollupBacklog,
        double rollupLagSeconds,
        long mailQueued,
        double mailOldestSeconds,
        long webhookEventsWaiting,
        long webhookDeliveriesPending,
        double webhookOldestSeconds,
        long dbConnectionsActive,
        long dbConnectionsIdle) {

    /** Reads the snapshot; the connection counts are -1 on a database that does not report them (H2). */
    public static OperationsSnapshot read(Connection c, Instant now) throws SQLException {
        long[] events = countAndOldest(c, "SELECT COUNT(*), MIN(occurred_at) FROM response_event", now);
        long[] mail =
                countAndOldest(c, "SELECT COUNT(*), MIN(created_at) FROM mail_outbox WHERE status = 'PENDING'", now);
        long[] hookEvents = countAndOldest(c, "SELECT COUNT(*), MIN(occurred_at) FROM webhook_event", now);
        long[] hookDeliveries = countAndOldest(
                c, "SELECT COUNT(*), MIN(created_at) FROM webhook_delivery WHERE status = 'PENDING'", now);
        long active = -1;
        long idle = -1;
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            active = 0;
            idle = 0;
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT state, COUNT(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() GROUP BY state")) {
                while (rs.next()) {
                    String state = rs.getString(1);
                    if ("active".equals(state)) {
                        active += rs.getLong(2);
                    } else if (state != null && state.startsWith("idle")) {
                        idle += rs.getLong(2);
                    }
                }
            }
        }
        return new OperationsSnapshot(
                events[0],
                events[1] / 1000.0,
                mail[0],
                mail[1] / 1000.0,
                hookEvents[0],
                hookDeliveries[0],
                Math.max(hookEvents[1], hookDeliveries[1]) / 1000.0,
                active,
                idle);
    }

    /** The count and the age in milliseconds of the oldest row (0 without rows). */
    private static long[] countAndOldest(Connection c, String sql, Instant now) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            long count = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            long age = oldest == null
                    ? 0
                    : Math.max(
                            0,
                            Duration.between(oldest.toLocalDateTime().toInstant(ZoneOffset.UTC), now)
                                    .toMillis());
            return new long[] {count, age};
        }
    }
}
