package app.resonance.analytics.control;

import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps the score rollups equal to the responses, incrementally and exactly once. It works on the state
 * of a response, not on the event: for each response named by an outbox event it reads the scores the
 * response has now (a partial response counts for a question once it has a score for it), compares them
 * with what the response has contributed so far ({@code score_contribution}) and moves only the
 * difference. Applying an event twice, or an event for a response whose change was already applied,
 * therefore changes nothing; a changed score takes its old contribution out and puts the new one in; a
 * late or backfilled response lands on the day it was given. Consumed events are deleted in the same
 * transaction. One updater at a time holds the lock on {@code rollup_state}, across cluster nodes.
 *
 * <p>The caller owns the connection's transaction.
 */
public final class RollupUpdater {

    /** Segment id of the rollup rows that count all responses. */
    public static final long ALL = 0;

    static final int CHUNK = 500;
    /** SQL state of a duplicate key, on PostgreSQL and H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";

    static final int REBUILD_TIMEOUT_MS = 2 * 60 * 60 * 1000;
    private static final String SCORED_TYPES = "('NPS', 'CSAT', 'CES', 'RATING')";

    private final Connection connection;
    private final ZoneId zone;

    public RollupUpdater(Connection connection, ZoneId zone) {
        this.connection = connection;
        this.zone = zone;
    }

    /** What a response contributes to the rollups for one question. */
    record Contribution(
            long responseId,
            String questionKey,
            String questionType,
            long surveyId,
            LocalDate day,
            String channel,
            String locale,
            String segmentIds,
            int score) {

        List<Long> segments() {
            List<Long> ids = new ArrayList<>();
            ids.add(ALL);
            if (!segmentIds.isEmpty()) {
                for (String id : segmentIds.split(",")) {
                    ids.add(Long.parseLong(id));
                }
            }
            return ids;
        }
    }

    /** A score that appeared, changed or disappeared; {@code before} or {@code after} is null for none. */
    public record ScoreChange(
            long responseId, long surveyId, String questionKey, String questionType, Integer before, Integer after) {}

    /** The rollup row a contribution is counted in. */
    record Cell(
            String questionType,
            long segmentId,
            long surveyId,
            String questionKey,
            LocalDate day,
            String channel,
            String locale) {}

    /** The state row, created on first use. */
    public record State(ZoneId zone, boolean includesDemo, Instant rebuiltAt, long eventsApplied) {}

    public Optional<State> state() throws SQLException {
        try (var statement = connection.prepareStatement(
                        "SELECT zone, includes_demo, rebuilt_at, events_applied FROM rollup_state WHERE id = 1");
                var rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new State(
                    ZoneId.of(rs.getString(1)),
                    rs.getBoolean(2),
                    rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    rs.getLong(4)));
        }
    }

    /** Waits for and takes the updaters' lock until the transaction ends. */
    private void lock() throws SQLException {
        try (var statement = connection.prepareStatement("SELECT id FROM rollup_state WHERE id = 1 FOR UPDATE");
                var rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The rollups were never built: rebuild them first");
            }
        }
    }

    /**
     * Applies up to {@code limit} pending outbox events (oldest first) and deletes them. Answers the score
     * changes they caused, for the alert rules.
     */
    public Applied applyPendingEvents(int limit) throws SQLException {
        lock();
        List<Long> eventIds = new ArrayList<>();
        Set<Long> responseIds = new HashSet<>();
        try (var statement = connection.prepareStatement(
                "SELECT id, response_id FROM response_event ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    eventIds.add(rs.getLong(1));
                    responseIds.add(rs.getLong(2));
                }
            }
        }
        if (eventIds.isEmpty()) {
            return new Applied(0, List.of());
        }
        List<ScoreChange> changes = refresh(responseIds);
        for (List<Long> chunk : chunks(eventIds)) {
            try (var delete = connection.prepareStatement(
                    "DELETE FROM response_event WHERE id IN (" + placeholders(chunk.size()) + ")")) {
                bindLongs(delete, chunk);
                delete.executeUpdate();
            }
        }
        try (var update = connection.prepareStatement(
                "UPDATE rollup_state SET events_applied = events_applied + ? WHERE id = 1")) {
            update.setLong(1, eventIds.size());
            update.executeUpdate();
        }
        return new Applied(eventIds.size(), changes);
    }

    /** How many events were consumed and what changed. */
    public record Applied(int events, List<ScoreChange> changes) {}

    /**
     * Empties the rollups and counts every response again, in this zone. Used for the first start on a
     * database with responses (an upgrade, the demo) and after the reporting zone changed. Set-based: two
     * INSERT ... SELECT statements (the contributions, then the cells summed from them) give the same rows
     * as refreshing every response one chunk at a time, in minutes instead of hours for ten million.
     */
    public long rebuild(boolean includesDemo, Instant now) throws SQLException {
        // Minutes of set-based work, and another instance's rebuild is waited for on purpose: no time limits.
        Jdbc.withoutTimeouts(connection);
        try (var statement = connection.prepareStatement("UPDATE rollup_state SET zone = ? WHERE id = 1")) {
            statement.setString(1, zone.getId());
            if (statement.executeUpdate() == 0) {
                // Another instance starting on the same new database may insert the row at the same moment:
                // then this insert waits for it and fails as a duplicate, and the row (and its lock) is used.
                Savepoint beforeInsert = connection.setSavepoint();
                try (var insert = connection.prepareStatement("INSERT INTO rollup_state (id, zone, includes_demo,"
                        + " rebuilt_at, events_applied) VALUES (1, ?, ?, ?, 0)")) {
                    insert.setString(1, zone.getId());
                    insert.setBoolean(2, includesDemo);
                    insert.setObject(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(beforeInsert);
                    statement.executeUpdate();
                }
            }
        }
        lock();
        // The data source gives up on a statement after 60 s; a rebuild of ten million responses takes longer.
        int timeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, REBUILD_TIMEOUT_MS);
        long responses;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM score_rollup");
            statement.executeUpdate("DELETE FROM score_contribution");
            try (var rs =
                    statement.executeQuery("SELECT COUNT(*), MIN(submitted_at), MAX(submitted_at) FROM response")) {
                rs.next();
                responses = rs.getLong(1);
                if (responses > 0) {
                    contribute(
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            }
            statement.executeUpdate(ROLLUPS_FROM_CONTRIBUTIONS);
        } finally {
            connection.setNetworkTimeout(Runnable::run, timeout);
        }
        try (var update =
                connection.prepareStatement("UPDATE rollup_state SET includes_demo = ?, rebuilt_at = ? WHERE id = 1")) {
            update.setBoolean(1, includesDemo);
            update.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            update.executeUpdate();
        }
        return responses;
    }

    /**
     * Every scored answer's contribution at once, in the same cells {@link #refresh} would put it in: the
     * segments in ascending id order, the day of {@code submitted_at} (UTC) in the reporting zone. The zone's
     * offsets between {@code first} and {@code last} come from Java's zone rules, as for the incremental
     * updates, and go into the statement as a CASE over the UTC instants of the offset changes.
     */
    private void contribute(Instant first, Instant last) throws SQLException {
        List<LocalDateTime> changes = new ArrayList<>();
        List<ZoneOffset> offsets = new ArrayList<>();
        ZoneRules rules = zone.getRules();
        offsets.add(rules.getOffset(first));
        for (ZoneOffsetTransition t = rules.nextTransition(first);
                t != null && !t.getInstant().isAfter(last);
                t = rules.nextTransition(t.getInstant())) {
            changes.add(LocalDateTime.ofInstant(t.getInstant(), ZoneOffset.UTC));
            offsets.add(t.getOffsetAfter());
        }
        StringBuilder day = new StringBuilder("CAST(");
        if (changes.isEmpty()) {
            day.append(shifted(offsets.get(0)));
        } else {
            day.append("CASE");
            for (int i = 0; i < changes.size(); i++) {
                day.append(" WHEN r.submitted_at < ? THEN ").append(shifted(offsets.get(i)));
            }
            day.append(" ELSE ")
                    .append(shifted(offsets.get(offsets.size() - 1)))
                    .append(" END");
        }
        day.append(" AS DATE)");
        try (var insert = connection.prepareStatement("INSERT INTO score_contribution (response_id, question_key,"
                + " question_type, survey_id, bucket_day, channel, locale, segment_ids, score)"
                + " SELECT r.id, q.question_key, q.question_type, r.survey_id, " + day + ", r.channel, r.locale,"
                + " COALESCE(m.segment_ids, ''), a.score FROM response r JOIN answer a ON a.response_id = r.id"
                + " JOIN question q ON q.id = a.question_id"
                + " LEFT JOIN (SELECT response_id,"
                + " STRING_AGG(CAST(segment_id AS VARCHAR(20)), ',' ORDER BY segment_id) AS segment_ids"
                + " FROM response_segment GROUP BY response_id) m ON m.response_id = r.id"
                + " WHERE a.score IS NOT NULL AND q.question_type IN " + SCORED_TYPES)) {
            for (int i = 0; i < changes.size(); i++) {
                insert.setObject(i + 1, changes.get(i));
            }
            insert.executeUpdate();
        }
    }

    /** {@code r.submitted_at} moved by the offset, in SQL that H2 and PostgreSQL both read the same way. */
    private static String shifted(ZoneOffset offset) {
        int seconds = Math.abs(offset.getTotalSeconds());
        String interval = String.format(
                "INTERVAL '0 %02d:%02d:%02d' DAY TO SECOND", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return "r.submitted_at " + (offset.getTotalSeconds() < 0 ? "- " : "+ ") + interval;
    }

    private static final String COUNTS;

    static {
        StringBuilder counts = new StringBuilder("COUNT(*)");
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            counts.append(", SUM(CASE WHEN c.score = ").append(s).append(" THEN 1 ELSE 0 END)");
        }
        COUNTS = counts.toString();
    }

    /** The rollup cells summed from the contributions: once for all responses, once in each segment. */
    private static final String ROLLUPS_FROM_CONTRIBUTIONS = "INSERT INTO score_rollup (question_type, segment_id,"
            + " survey_id, question_key, bucket_day, channel, locale, n, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)"
            + " SELECT c.question_type, " + ALL + ", c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale, "
            + COUNTS + " FROM score_contribution c"
            + " GROUP BY c.question_type, c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale"
            + " UNION ALL SELECT c.question_type, m.segment_id, c.survey_id, c.question_key, c.bucket_day, c.channel,"
            + " c.locale, " + COUNTS
            + " FROM score_contribution c JOIN response_segment m ON m.response_id = c.response_id"
            + " GROUP BY c.question_type, m.segment_id, c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale";

    /** Brings the contributions of these responses up to date; answers what changed. Caller holds the lock. */
    List<ScoreChange> refresh(Collection<Long> responseIds) throws SQLException {
        List<ScoreChange> changes = new ArrayList<>();
        for (List<Long> chunk : chunks(new ArrayList<>(responseIds))) {
            changes.addAll(refreshChunk(chunk));
        }
        return changes;
    }

    private List<ScoreChange> refreshChunk(List<Long> ids) throws SQLException {
        Map<List<Object>, Contribution> now = current(ids);
        Map<List<Object>, Contribution> before = recorded(ids);
        Map<Cell, long[]> deltas = new HashMap<>();
        List<ScoreChange> changes = new ArrayList<>();
        Set<List<Object>> keys = new HashSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (List<Object> key : keys) {
            Contribution old = before.get(key);
            Contribution fresh = now.get(key);
            if (Objects.equals(old, fresh)) {
                continue;
            }
            if (old != null) {
                add(deltas, old, -1);
            }
            if (fresh != null) {
                add(deltas, fresh, +1);
            }
            Contribution any = fresh != null ? fresh : old;
            Integer was = old == null ? null : old.score();
            Integer is = fresh == null ? null : fresh.score();
            if (!Objects.equals(was, is)) {
                changes.add(new ScoreChange(
                        any.responseId(), any.surveyId(), any.questionKey(), any.questionType(), was, is));
            }
        }
        if (deltas.isEmpty()) {
            return changes;
        }
        applyDeltas(deltas);
        try (var delete = connection.prepareStatement(
                "DELETE FROM score_contribution WHERE response_id IN (" + placeholders(ids.size()) + ")")) {
            bindLongs(delete, ids);
            delete.executeUpdate();
        }
        try (var insert = connection.prepareStatement("INSERT INTO score_contribution (response_id, question_key,"
                + " question_type, survey_id, bucket_day, channel, locale, segment_ids, score)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Contribution c : now.values()) {
                insert.setLong(1, c.responseId());
                insert.setString(2, c.questionKey());
                insert.setString(3, c.questionType());
                insert.setLong(4, c.surveyId());
                insert.setObject(5, c.day());
                insert.setString(6, c.channel());
                insert.setString(7, c.locale());
                insert.setString(8, c.segmentIds());
                insert.setInt(9, c.score());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return changes;
    }

    private static void add(Map<Cell, long[]> deltas, Contribution c, int sign) {
        for (long segment : c.segments()) {
            Cell cell = new Cell(
                    c.questionType(), segment, c.surveyId(), c.questionKey(), c.day(), c.channel(), c.locale());
            deltas.computeIfAbsent(cell, k -> new long[ScoreCounts.MAX_SCORE + 1])[c.score()] += sign;
        }
    }

    private void applyDeltas(Map<Cell, long[]> deltas) throws SQLException {
        List<Map.Entry<Cell, long[]>> entries = deltas.entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .toList();
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder("n = n + ?");
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            set.append(", c").append(s).append(" = c").append(s).append(" + ?");
        }
        int[] updated;
        try (var update = connection.prepareStatement("UPDATE score_rollup SET " + set
                + " WHERE question_type = ? AND segment_id = ? AND survey_id = ? AND question_key = ?"
                + " AND bucket_day = ? AND channel = ? AND locale = ?")) {
            for (var entry : entries) {
                int i = bindCounts(update, 1, entry.getValue());
                bindCell(update, i, entry.getKey());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<Map.Entry<Cell, long[]>> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("The JDBC driver does not report batch update counts");
            }
            if (updated[i] == 0) {
                missing.add(entries.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (var insert = connection.prepareStatement("INSERT INTO score_rollup (n, c0, c1, c2, c3, c4, c5, c6, c7, c8,"
                + " c9, c10, question_type, segment_id, survey_id, question_key, bucket_day, channel, locale)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (var entry : missing) {
                for (long v : entry.getValue()) {
                    if (v < 0) {
                        throw new IllegalStateException("A contribution to take out was never counted: " + entry);
                    }
                }
                int i = bindCounts(insert, 1, entry.getValue());
                bindCell(insert, i, entry.getKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int bindCounts(PreparedStatement statement, int from, long[] counts) throws SQLException {
        long n = 0;
        for (long v : counts) {
            n += v;
        }
        statement.setLong(from, n);
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            statement.setLong(from + 1 + s, counts[s]);
        }
        return from + ScoreCounts.MAX_SCORE + 2;
    }

    private static void bindCell(PreparedStatement statement, int from, Cell cell) throws SQLException {
        statement.setString(from, cell.questionType());
        statement.setLong(from + 1, cell.segmentId());
        statement.setLong(from + 2, cell.surveyId());
        statement.setString(from + 3, cell.questionKey());
        statement.setObject(from + 4, cell.day());
        statement.setString(from + 5, cell.channel());
        statement.setString(from + 6, cell.locale());
    }

    /** The scores these responses have now, with the segments they were stored with. */
    private Map<List<Object>, Contribution> current(List<Long> ids) throws SQLException {
        Map<Long, Set<Long>> segments = new HashMap<>();
        try (var statement = connection.prepareStatement("SELECT response_id, segment_id FROM response_segment"
                + " WHERE response_id IN (" + placeholders(ids.size()) + ")")) {
            bindLongs(statement, ids);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    segments.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                            .add(rs.getLong(2));
                }
            }
        }
        Map<List<Object>, Contribution> result = new HashMap<>();
        try (var statement = connection.prepareStatement(
                "SELECT r.id, q.question_key, q.question_type, r.survey_id, r.submitted_at, r.channel, r.locale,"
                        + " a.score FROM response r JOIN answer a ON a.response_id = r.id"
                        + " JOIN question q ON q.id = a.question_id"
                        + " WHERE r.id IN (" + placeholders(ids.size()) + ") AND a.score IS NOT NULL"
                        + " AND q.question_type IN " + SCORED_TYPES)) {
            bindLongs(statement, ids);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Instant at = rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Contribution c = new Contribution(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            at.atZone(zone).toLocalDate(),
                            rs.getString(6),
                            rs.getString(7),
                            segments.getOrDefault(id, Set.of()).stream()
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(",")),
                            rs.getInt(8));
                    result.put(List.of(id, c.questionKey()), c);
                }
            }
        }
        return result;
    }

    private Map<List<Object>, Contribution> recorded(List<Long> ids) throws SQLException {
        Map<List<Object>, Contribution> result = new HashMap<>();
        try (var statement = connection.prepareStatement("SELECT response_id, question_key, question_type, survey_id,"
                + " bucket_day, channel, locale, segment_ids, score FROM score_contribution WHERE response_id IN ("
                + placeholders(ids.size()) + ")")) {
            bindLongs(statement, ids);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    Contribution c = new Contribution(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getObject(5, LocalDate.class),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9));
                    result.put(List.of(c.responseId(), c.questionKey()), c);
                }
            }
        }
        return result;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static void bindLongs(PreparedStatement statement, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setLong(i + 1, values.get(i));
        }
    }
}
