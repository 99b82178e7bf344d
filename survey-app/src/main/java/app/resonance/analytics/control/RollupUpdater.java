package app.resonance.analytics.control;

import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the score rollups equal to the responses, incrementally and exactly once. It works on the state
 * of a response, not on the event: for each response named by an outbox event it reads the scores the
 * response has now (a partial response counts for a question once it has a score for it), compares them
 * with what the response has contributed so far ({@code score_contribution}) and moves only the
 * difference. Applying an event twice, or an event for a response whose change was already applied,
 * therefore changes nothing; a changed score takes its old contribution out and puts the new one in; a
 * late or backfilled response lands on the day it was given. Consumed events are deleted in the same
 * transaction. One updater at a time holds the lock on {@code rollup_state}, across cluster nodes. The rows
 * themselves are read and moved by {@link RollupContributions}; a full rebuild is {@link RollupRebuild}.
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
    static final String SCORED_TYPES = "('NPS', 'CSAT', 'CES', 'RATING')";

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
        return Jdbc.first(
                connection,
                "SELECT zone, includes_demo, rebuilt_at, events_applied FROM rollup_state WHERE id = 1",
                rs -> new State(
                        ZoneId.of(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getLong(4)));
    }

    /** Waits for and takes the updaters' lock until the transaction ends. */
    private void lock() throws SQLException {
        if (Jdbc.first(connection, "SELECT id FROM rollup_state WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1))
                .isEmpty()) {
            throw new IllegalStateException("The rollups were never built: rebuild them first");
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
        Jdbc.stream(
                connection,
                "SELECT id, response_id FROM response_event ORDER BY id FETCH FIRST %d ROWS ONLY".formatted(limit),
                rs -> {
                    eventIds.add(rs.getLong(1));
                    responseIds.add(rs.getLong(2));
                });
        if (eventIds.isEmpty()) {
            return new Applied(0, List.of());
        }
        List<ScoreChange> changes = refresh(responseIds);
        for (List<Long> chunk : Jdbc.chunks(eventIds, CHUNK)) {
            Jdbc.update(
                    connection,
                    "DELETE FROM response_event WHERE id IN (%s)".formatted(Jdbc.placeholders(chunk.size())),
                    chunk.toArray());
        }
        Jdbc.update(connection, "UPDATE rollup_state SET events_applied = events_applied + ? WHERE id = 1", (long)
                eventIds.size());
        return new Applied(eventIds.size(), changes);
    }

    /** How many events were consumed and what changed. */
    public record Applied(int events, List<ScoreChange> changes) {}

    /**
     * Empties the rollups and counts every response again, in this zone. Used for the first start on a
     * database with responses (an upgrade, the demo) and after the reporting zone changed. Set-based
     * ({@link RollupRebuild}): two INSERT ... SELECT statements (the contributions, then the cells summed from
     * them) give the same rows as refreshing every response one chunk at a time, in minutes instead of hours
     * for ten million.
     */
    public long rebuild(boolean includesDemo, Instant now) throws SQLException {
        // Minutes of set-based work, and another instance's rebuild is waited for on purpose: no time limits.
        Jdbc.withoutTimeouts(connection);
        if (Jdbc.update(connection, "UPDATE rollup_state SET zone = ? WHERE id = 1", zone.getId()) == 0) {
            // Another instance starting on the same new database may insert the row at the same moment:
            // then this insert waits for it and fails as a duplicate, and the row (and its lock) is used.
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                Jdbc.update(connection, """
                        INSERT INTO rollup_state (id, zone, includes_demo, rebuilt_at, events_applied)
                         VALUES (1, ?, ?, ?, 0)""", zone.getId(), includesDemo, now);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeInsert);
                Jdbc.update(connection, "UPDATE rollup_state SET zone = ? WHERE id = 1", zone.getId());
            }
        }
        lock();
        // The data source gives up on a statement after 60 s; a rebuild of ten million responses takes longer.
        int timeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, REBUILD_TIMEOUT_MS);
        long responses;
        try {
            responses = new RollupRebuild(connection, zone).run();
        } finally {
            connection.setNetworkTimeout(Runnable::run, timeout);
        }
        Jdbc.update(
                connection,
                "UPDATE rollup_state SET includes_demo = ?, rebuilt_at = ? WHERE id = 1",
                includesDemo,
                now);
        return responses;
    }

    /** Brings the contributions of these responses up to date; answers what changed. Caller holds the lock. */
    List<ScoreChange> refresh(Collection<Long> responseIds) throws SQLException {
        List<ScoreChange> changes = new ArrayList<>();
        for (List<Long> chunk : Jdbc.chunks(new ArrayList<>(responseIds), CHUNK)) {
            changes.addAll(refreshChunk(chunk));
        }
        return changes;
    }

    private List<ScoreChange> refreshChunk(List<Long> ids) throws SQLException {
        RollupContributions contributions = new RollupContributions(connection, zone);
        Map<List<Object>, Contribution> now = contributions.current(ids);
        Map<List<Object>, Contribution> before = contributions.recorded(ids);
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
        contributions.applyDeltas(deltas);
        contributions.replace(ids, now.values());
        return changes;
    }

    private static void add(Map<Cell, long[]> deltas, Contribution c, int sign) {
        for (long segment : c.segments()) {
            Cell cell = new Cell(
                    c.questionType(), segment, c.surveyId(), c.questionKey(), c.day(), c.channel(), c.locale());
            deltas.computeIfAbsent(cell, k -> new long[ScoreCounts.MAX_SCORE + 1])[c.score()] += sign;
        }
    }
}
