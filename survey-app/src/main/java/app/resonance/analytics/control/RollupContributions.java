package app.resonance.analytics.control;

import app.resonance.analytics.control.RollupUpdater.Cell;
import app.resonance.analytics.control.RollupUpdater.Contribution;
import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rows behind an incremental rollup update: what a chunk of responses contributes now and contributed so far
 * ({@code score_contribution}), and the rollup cells moved by the difference. The caller holds the updaters' lock and
 * owns the transaction.
 */
final class RollupContributions {

    private final Connection connection;
    private final ZoneId zone;

    RollupContributions(Connection connection, ZoneId zone) {
        this.connection = connection;
        this.zone = zone;
    }

    /** The scores these responses have now, with the segments they were stored with; keyed by response and key. */
    Map<List<Object>, Contribution> current(List<Long> ids) throws SQLException {
        Map<Long, Set<Long>> segments = new HashMap<>();
        Jdbc.stream(
                connection,
                "SELECT response_id, segment_id FROM response_segment WHERE response_id IN (%s)"
                        .formatted(Jdbc.placeholders(ids.size())),
                rs -> segments.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                        .add(rs.getLong(2)),
                ids.toArray());
        Map<List<Object>, Contribution> result = new HashMap<>();
        Jdbc.stream(
                connection,
                """
                SELECT r.id, q.question_key, q.question_type, r.survey_id, r.submitted_at, r.channel, r.locale, a.score
                 FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                 WHERE r.id IN (%s) AND a.score IS NOT NULL AND q.question_type IN %s""".formatted(Jdbc.placeholders(ids.size()), RollupUpdater.SCORED_TYPES),
                rs -> {
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
                },
                ids.toArray());
        return result;
    }

    /** What these responses have contributed so far; keyed by response and question key. */
    Map<List<Object>, Contribution> recorded(List<Long> ids) throws SQLException {
        Map<List<Object>, Contribution> result = new HashMap<>();
        Jdbc.stream(
                connection,
                """
                SELECT response_id, question_key, question_type, survey_id, bucket_day, channel, locale, segment_ids,
                 score FROM score_contribution WHERE response_id IN (%s)""".formatted(Jdbc.placeholders(ids.size())),
                rs -> {
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
                },
                ids.toArray());
        return result;
    }

    /** Replaces what these responses contributed so far with what they contribute now. */
    void replace(List<Long> ids, Iterable<Contribution> now) throws SQLException {
        Jdbc.update(
                connection,
                "DELETE FROM score_contribution WHERE response_id IN (%s)".formatted(Jdbc.placeholders(ids.size())),
                ids.toArray());
        try (var insert = Jdbc.batch(connection, """
                INSERT INTO score_contribution (response_id, question_key, question_type, survey_id, bucket_day,
                 channel, locale, segment_ids, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Contribution c : now) {
                insert.add(
                        c.responseId(),
                        c.questionKey(),
                        c.questionType(),
                        c.surveyId(),
                        c.day(),
                        c.channel(),
                        c.locale(),
                        c.segmentIds(),
                        c.score());
            }
            insert.flush();
        }
    }

    /** Moves the rollup cells by the deltas: an update for the cells that exist, an insert for the others. */
    void applyDeltas(Map<Cell, long[]> deltas) throws SQLException {
        List<Map.Entry<Cell, long[]>> entries = deltas.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .toList();
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder("n = n + ?");
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            set.append(", c").append(s).append(" = c").append(s).append(" + ?");
        }
        int[] updated;
        try (var update = Jdbc.batch(connection, """
                UPDATE score_rollup SET %s
                 WHERE question_type = ? AND segment_id = ? AND survey_id = ? AND question_key = ?
                 AND bucket_day = ? AND channel = ? AND locale = ?""".formatted(set))) {
            for (var entry : entries) {
                update.add(row(entry.getKey(), entry.getValue()));
            }
            updated = update.flush();
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
        try (var insert = Jdbc.batch(connection, """
                INSERT INTO score_rollup (n, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, question_type, segment_id,
                 survey_id, question_key, bucket_day, channel, locale)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var entry : missing) {
                for (long v : entry.getValue()) {
                    if (v < 0) {
                        throw new IllegalStateException("A contribution to take out was never counted: " + entry);
                    }
                }
                insert.add(row(entry.getKey(), entry.getValue()));
            }
            insert.flush();
        }
    }

    /** n, c0 .. c10, then the cell's columns: the parameters of the update and the insert alike. */
    private static Object[] row(Cell cell, long[] counts) {
        Object[] row = new Object[ScoreCounts.MAX_SCORE + 2 + 7];
        long n = 0;
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            n += counts[s];
            row[1 + s] = counts[s];
        }
        row[0] = n;
        int i = ScoreCounts.MAX_SCORE + 2;
        row[i] = cell.questionType();
        row[i + 1] = cell.segmentId();
        row[i + 2] = cell.surveyId();
        row[i + 3] = cell.questionKey();
        row[i + 4] = cell.day();
        row[i + 5] = cell.channel();
        row[i + 6] = cell.locale();
        return row;
    }
}
