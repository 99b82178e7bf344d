package app.resonance.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one durable outbox, for mails and webhook deliveries alike: a row is written in the transaction that
 * decides to send something, and delivered later. Each channel keeps its rows in a table of its own (the
 * content is the feature's: a mail's recipient and bodies, a webhook's endpoint and payload), with the same
 * queue columns: {@code id, status, attempts, next_attempt_at, last_status, last_error, created_at,
 * delivered_at}.
 *
 * <p>A claim takes the due rows ({@code PENDING}, {@code next_attempt_at} reached) with {@code FOR UPDATE SKIP
 * LOCKED}, so that a concurrent claimer passes over them instead of waiting, and moves their
 * {@code next_attempt_at} a lease ahead, compared with the value read: two instances never get the same row,
 * also where a lock is not taken, and a row whose claimer died is due again when the lease ends. Every outcome
 * is one update: delivered, failed (retried after base, 2 base, 4 base ... up to the channel's longest
 * pause, or given up as {@code FAILED} after its last attempt) or cancelled.
 *
 * <p>Plain JDBC on a connection whose transaction the caller owns (see the README: queues with SKIP LOCKED
 * are JDBC work; the rows' content may still be written through JPA).
 */
public final class Outbox {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private Outbox() {}

    /** A row's state. */
    public enum Status {
        PENDING,
        DELIVERED,
        /** Given up after the channel's last attempt; stays visible. */
        FAILED,
        /** Not to be sent any more (a reminder whose invitation was answered). */
        CANCELLED
    }

    /**
     * One kind of delivery: its table, how often and how patiently it is retried, a condition a due row must
     * also meet (SQL on the table's columns, may be empty), and the columns cleared once a row is done (a
     * mail's bodies, which hold personal links).
     */
    public record Channel(
            String table,
            int maxAttempts,
            Duration basePause,
            Duration maxPause,
            String dueCondition,
            List<String> clearedWhenDone) {

        public Channel {
            if (!NAME.matcher(table).matches()
                    || !clearedWhenDone.stream().allMatch(c -> NAME.matcher(c).matches())) {
                throw new IllegalArgumentException("Not a table or column name: " + table + " " + clearedWhenDone);
            }
            clearedWhenDone = List.copyOf(clearedWhenDone);
        }

        /** The same channel with another first pause (configured at run time). */
        public Channel withBasePause(Duration base) {
            return new Channel(table, maxAttempts, base, maxPause, dueCondition, clearedWhenDone);
        }

        /** The pause after the n-th failed attempt: base, 2 base, 4 base ... at most the longest pause. */
        public Duration pause(int attempts) {
            Duration pause = basePause.multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
            return pause.compareTo(maxPause) > 0 ? maxPause : pause;
        }

        String due() {
            return " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                    + (dueCondition.isBlank() ? "" : " AND (" + dueCondition + ")");
        }
    }

    /** A row claimed for one attempt, with the attempts made before it. */
    public record Claimed(long id, int attempts) {}

    /** The ids of the rows due now, in the order they are claimed (nothing is claimed). */
    public static List<Long> due(Connection c, Channel channel, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT id FROM " + channel.table() + channel.due()
                + " ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setTimestamp(1, Jdbc.utc(now));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Claims up to {@code limit} due rows for {@code lease}, oldest first: rows another transaction has locked
     * are skipped, and a row is only taken while its {@code next_attempt_at} is still the one read.
     */
    public static List<Claimed> claim(Connection c, Channel channel, Instant now, int limit, Duration lease)
            throws SQLException {
        List<Claimed> candidates = new ArrayList<>();
        List<Timestamp> seen = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT id, attempts, next_attempt_at FROM " + channel.table() + channel.due()
                + " ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY" + skipLocked(c))) {
            s.setTimestamp(1, Jdbc.utc(now));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Claimed(rs.getLong(1), rs.getInt(2)));
                    seen.add(rs.getTimestamp(3));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        try (var s = c.prepareStatement("UPDATE " + channel.table()
                + " SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND status = 'PENDING'")) {
            for (int i = 0; i < candidates.size(); i++) {
                s.setTimestamp(1, Jdbc.utc(now.plus(lease)));
                s.setLong(2, candidates.get(i).id());
                s.setTimestamp(3, seen.get(i));
                if (s.executeUpdate() == 1) {
                    claimed.add(candidates.get(i));
                }
            }
        }
        return claimed;
    }

    /** The claimed row went out ({@code status}: the receiver's answer, if it gives one). */
    public static void delivered(Connection c, Channel channel, long id, Integer status, Instant now)
            throws SQLException {
        try (var s = c.prepareStatement("UPDATE " + channel.table() + " SET status = 'DELIVERED',"
                + " attempts = attempts + 1, last_status = ?, last_error = NULL, delivered_at = ?" + cleared(channel)
                + " WHERE id = ?")) {
            setStatus(s, 1, status);
            s.setTimestamp(2, Jdbc.utc(now));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /**
     * Records a failed attempt of a claimed row: the next one after the channel's growing pause, or none after
     * its last attempt (then the row is {@code FAILED}). Answers the row's status now.
     */
    public static Status failed(
            Connection c, Channel channel, Claimed claimed, Integer status, String error, Instant now)
            throws SQLException {
        int attempts = claimed.attempts() + 1;
        Status outcome = attempts >= channel.maxAttempts() ? Status.FAILED : Status.PENDING;
        try (var s = c.prepareStatement("UPDATE " + channel.table() + " SET status = ?, attempts = ?, last_status = ?,"
                + " last_error = ?, next_attempt_at = ? WHERE id = ?")) {
            s.setString(1, outcome.name());
            s.setInt(2, attempts);
            setStatus(s, 3, status);
            String text = error == null ? "error" : error;
            s.setString(4, text.substring(0, Math.min(500, text.length())));
            s.setTimestamp(5, Jdbc.utc(now.plus(channel.pause(attempts))));
            s.setLong(6, claimed.id());
            s.executeUpdate();
        }
        return outcome;
    }

    /** The receiver refused the claimed row for good (a mail's recipient does not exist): given up at once. */
    public static void refused(Connection c, Channel channel, Claimed claimed, String error, Instant now)
            throws SQLException {
        try (var s = c.prepareStatement("UPDATE " + channel.table() + " SET status = 'FAILED', attempts = ?,"
                + " last_error = ?, next_attempt_at = ?" + cleared(channel) + " WHERE id = ?")) {
            s.setInt(1, claimed.attempts() + 1);
            s.setString(2, error.substring(0, Math.min(500, error.length())));
            s.setTimestamp(3, Jdbc.utc(now));
            s.setLong(4, claimed.id());
            s.executeUpdate();
        }
    }

    /** The claimed row is not to be sent any more. */
    public static void cancelled(Connection c, Channel channel, long id, Instant now) throws SQLException {
        try (var s = c.prepareStatement("UPDATE " + channel.table() + " SET status = 'CANCELLED', next_attempt_at = ?"
                + cleared(channel) + " WHERE id = ?")) {
            s.setTimestamp(1, Jdbc.utc(now));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static String cleared(Channel channel) {
        StringBuilder sql = new StringBuilder();
        for (String column : channel.clearedWhenDone()) {
            sql.append(", ").append(column).append(" = NULL");
        }
        return sql.toString();
    }

    private static void setStatus(java.sql.PreparedStatement s, int index, Integer status) throws SQLException {
        if (status == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, status);
        }
    }

    /** PostgreSQL and H2 both pass over rows locked by another transaction with SKIP LOCKED. */
    private static String skipLocked(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") || product.contains("h2") ? " FOR UPDATE SKIP LOCKED" : "";
    }
}
