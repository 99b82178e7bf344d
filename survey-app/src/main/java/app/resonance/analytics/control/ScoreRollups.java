package app.resonance.analytics.control;

import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads the rollups: score counts per day for a filter, folded into trend periods, and the counts of one
 * range per segment. Never scans responses: a year of one survey and segment is at most 365 days times
 * the channels and locales of rollup rows, read through the primary key.
 */
public final class ScoreRollups {

    private final DataSource dataSource;

    public ScoreRollups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String SUMS =
            "SUM(c0), SUM(c1), SUM(c2), SUM(c3), SUM(c4), SUM(c5), SUM(c6), SUM(c7)," + " SUM(c8), SUM(c9), SUM(c10)";

    /** Score counts per day with any answers, in the filter's range. */
    public Map<LocalDate, ScoreCounts> daily(RollupFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params, true);
        Map<LocalDate, ScoreCounts> days = new TreeMap<>();
        query(
                "SELECT bucket_day, " + SUMS + " FROM score_rollup WHERE " + where + " GROUP BY bucket_day",
                params,
                rs -> {
                    days.put(rs.getObject(1, LocalDate.class), counts(rs, 2));
                });
        return days;
    }

    /** The score counts of the whole range. */
    public ScoreCounts total(RollupFilter filter) {
        return daily(filter).values().stream().reduce(ScoreCounts.empty(), ScoreCounts::plus);
    }

    /** Score counts per segment id (not including {@link RollupUpdater#ALL}) over the range. */
    public Map<Long, ScoreCounts> bySegment(RollupFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params, false);
        Map<Long, ScoreCounts> segments = new TreeMap<>();
        query(
                "SELECT segment_id, " + SUMS + " FROM score_rollup WHERE segment_id <> 0 AND " + where
                        + " GROUP BY segment_id",
                params,
                rs -> segments.put(rs.getLong(1), counts(rs, 2)));
        return segments;
    }

    /** The trend: every period that overlaps the range, empty ones included, each over its days within the range. */
    public List<TrendPoint> trend(RollupFilter filter, Granularity granularity, ReportingRules rules) {
        Map<LocalDate, ScoreCounts> periods = new TreeMap<>();
        daily(filter).forEach((day, counts) -> periods.merge(granularity.start(day), counts, ScoreCounts::plus));
        List<TrendPoint> points = new ArrayList<>();
        for (LocalDate start = granularity.start(filter.from());
                !start.isAfter(filter.to());
                start = granularity.next(start)) {
            LocalDate end = granularity.end(start);
            LocalDate first = start.isBefore(filter.from()) ? filter.from() : start;
            LocalDate last = end.isAfter(filter.to()) ? filter.to() : end;
            ScoreCounts counts = periods.getOrDefault(start, ScoreCounts.empty());
            points.add(new TrendPoint(
                    first, last, granularity.label(start), Estimator.estimate(filter.metric(), counts, rules)));
        }
        return points;
    }

    private static String where(RollupFilter filter, List<Object> params, boolean withSegment) {
        StringBuilder where = new StringBuilder("question_type = ?");
        params.add(filter.metric().questionType().name());
        if (withSegment) {
            where.append(" AND segment_id = ?");
            params.add(filter.segmentId() == null ? RollupUpdater.ALL : filter.segmentId());
        }
        if (filter.surveyId() != null) {
            where.append(" AND survey_id = ?");
            params.add(filter.surveyId());
        }
        if (filter.questionKey() != null) {
            where.append(" AND question_key = ?");
            params.add(filter.questionKey());
        }
        where.append(" AND bucket_day >= ? AND bucket_day <= ?");
        params.add(filter.from());
        params.add(filter.to());
        if (filter.channel() != null) {
            where.append(" AND channel = ?");
            params.add(filter.channel());
        }
        if (filter.locale() != null) {
            where.append(" AND locale = ?");
            params.add(filter.locale());
        }
        return where.toString();
    }

    private static ScoreCounts counts(java.sql.ResultSet rs, int from) throws SQLException {
        long[] counts = new long[ScoreCounts.MAX_SCORE + 1];
        for (int s = 0; s <= ScoreCounts.MAX_SCORE; s++) {
            counts[s] = rs.getLong(from + s);
        }
        return ScoreCounts.of(counts);
    }

    private void query(String sql, List<Object> params, Jdbc.RowHandler row) {
        try (Connection connection = dataSource.getConnection()) {
            Jdbc.stream(connection, sql, row, params.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the rollups failed", e);
        }
    }
}
