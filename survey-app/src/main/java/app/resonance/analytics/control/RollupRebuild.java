package app.resonance.analytics.control;

import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based part of a rollup rebuild: every scored answer's contribution in one INSERT ... SELECT, then the
 * rollup cells summed from them in another. Gives the same rows as refreshing every response one chunk at a time,
 * in minutes instead of hours for ten million. The caller holds the updaters' lock and owns the transaction.
 */
final class RollupRebuild {

    private static final String COUNTS;

    static {
        StringBuilder counts = new StringBuilder("COUNT(*)");
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            counts.append(", SUM(CASE WHEN c.score = ").append(s).append(" THEN 1 ELSE 0 END)");
        }
        COUNTS = counts.toString();
    }

    /** The rollup cells summed from the contributions: once for all responses, once in each segment. */
    private static final String ROLLUPS_FROM_CONTRIBUTIONS = """
            INSERT INTO score_rollup (question_type, segment_id, survey_id, question_key, bucket_day, channel, locale,
             n, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)
             SELECT c.question_type, %d, c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale, %s
             FROM score_contribution c
             GROUP BY c.question_type, c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale
             UNION ALL SELECT c.question_type, m.segment_id, c.survey_id, c.question_key, c.bucket_day, c.channel,
             c.locale, %s
             FROM score_contribution c JOIN response_segment m ON m.response_id = c.response_id
             GROUP BY c.question_type, m.segment_id, c.survey_id, c.question_key, c.bucket_day, c.channel, c.locale""".formatted(RollupUpdater.ALL, COUNTS, COUNTS);

    private final Connection connection;
    private final ZoneId zone;

    RollupRebuild(Connection connection, ZoneId zone) {
        this.connection = connection;
        this.zone = zone;
    }

    /** Empties the contributions and rollups and counts every response again; answers how many there are. */
    long run() throws SQLException {
        Jdbc.update(connection, "DELETE FROM score_rollup");
        Jdbc.update(connection, "DELETE FROM score_contribution");
        record Range(long responses, LocalDateTime first, LocalDateTime last) {}
        Range range = Jdbc.first(
                        connection,
                        "SELECT COUNT(*), MIN(submitted_at), MAX(submitted_at) FROM response",
                        rs -> new Range(
                                rs.getLong(1),
                                rs.getObject(2, LocalDateTime.class),
                                rs.getObject(3, LocalDateTime.class)))
                .orElseThrow();
        if (range.responses() > 0) {
            contribute(range.first().toInstant(ZoneOffset.UTC), range.last().toInstant(ZoneOffset.UTC));
        }
        Jdbc.update(connection, ROLLUPS_FROM_CONTRIBUTIONS);
        return range.responses();
    }

    /**
     * Every scored answer's contribution at once, in the same cells {@link RollupUpdater#refresh} would put it in:
     * the segments in ascending id order, the day of {@code submitted_at} (UTC) in the reporting zone. The zone's
     * offsets between {@code first} and {@code last} come from Java's zone rules, as for the incremental updates,
     * and go into the statement as a CASE over the UTC instants of the offset changes.
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
        Jdbc.update(connection, """
                INSERT INTO score_contribution (response_id, question_key, question_type, survey_id, bucket_day,
                 channel, locale, segment_ids, score)
                 SELECT r.id, q.question_key, q.question_type, r.survey_id, %s, r.channel, r.locale,
                 COALESCE(m.segment_ids, ''), a.score FROM response r JOIN answer a ON a.response_id = r.id
                 JOIN question q ON q.id = a.question_id
                 LEFT JOIN (SELECT response_id,
                 STRING_AGG(CAST(segment_id AS VARCHAR(20)), ',' ORDER BY segment_id) AS segment_ids
                 FROM response_segment GROUP BY response_id) m ON m.response_id = r.id
                 WHERE a.score IS NOT NULL AND q.question_type IN %s""".formatted(day, RollupUpdater.SCORED_TYPES), changes.toArray());
    }

    /** {@code r.submitted_at} moved by the offset, in SQL that H2 and PostgreSQL both read the same way. */
    private static String shifted(ZoneOffset offset) {
        int seconds = Math.abs(offset.getTotalSeconds());
        String interval = String.format(
                "INTERVAL '0 %02d:%02d:%02d' DAY TO SECOND", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return "r.submitted_at " + (offset.getTotalSeconds() < 0 ? "- " : "+ ") + interval;
    }
}
