package app.resonance.analytics.control;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.TestDatabases;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Benchmark (not a test; run by deploy/bench/trend-query.sh): fills PostgreSQL's rollups with what ten
 * million NPS responses over three years leave there (10 surveys, 8 segments with each response in about
 * 1.3 of them, 6 channels, 2 locales) and times the dashboard's trend queries through {@link ScoreRollups}.
 */
public final class TrendQueryBenchmark {

    static final long RESPONSES = 10_000_000L;
    static final int DAYS = 3 * 365;
    static final int SURVEYS = 10;
    static final int SEGMENTS = 8;

    public static void main(String[] args) throws SQLException {
        String database = args.length > 0 ? args[0] : "resonance_bench";
        TestDatabases.recreate(database);
        DataSource dataSource = app.resonance.platform.control.RoutingDataSource.create(
                TestDatabases.pgUrl(database), "postgres", null);
        DatabaseMigrator.migrate(dataSource);
        LocalDate last = LocalDate.of(2026, 11, 22);
        LocalDate first = last.minusDays(DAYS - 1);
        long cells = (long) DAYS * SURVEYS * 6 * 2;
        long perCell = RESPONSES / cells;
        long started = System.nanoTime();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            // One row per day, survey, channel and locale for all responses; segment rows hold ~1.3x that, spread.
            statement.executeUpdate("INSERT INTO score_rollup (question_type, segment_id, survey_id, question_key,"
                    + " bucket_day, channel, locale, n, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)"
                    + " SELECT 'NPS', g.segment, s.survey, 'nps', DATE '" + first + "' + d.day, c.channel, l.locale,"
                    + " 11 * k.per + k.rest, k.per, k.per, k.per, k.per, k.per, k.per, k.per, k.per, k.per, k.per,"
                    + " k.per + k.rest"
                    + " FROM generate_series(0, " + (DAYS - 1) + ") AS d(day)"
                    + " CROSS JOIN generate_series(1, " + SURVEYS + ") AS s(survey)"
                    + " CROSS JOIN generate_series(0, " + SEGMENTS + ") AS g(segment)"
                    + " CROSS JOIN (VALUES ('LINK'), ('EMAIL'), ('WIDGET'), ('API'), ('IMPORT'), ('INVITATION')) AS c(channel)"
                    + " CROSS JOIN (VALUES ('de'), ('en')) AS l(locale)"
                    + " CROSS JOIN LATERAL (SELECT CASE WHEN g.segment = 0 THEN " + perCell / 11 + " ELSE "
                    + perCell * 13 / 10 / SEGMENTS / 11 + " END AS per, CASE WHEN g.segment = 0 THEN " + perCell % 11
                    + " ELSE " + (perCell * 13 / 10 / SEGMENTS) % 11 + " END AS rest) AS k");
            statement.execute("ANALYZE score_rollup");
            try (var rs = statement.executeQuery("SELECT COUNT(*), SUM(n) FROM score_rollup WHERE segment_id = 0")) {
                rs.next();
                System.out.printf(
                        "Rollups for %,d responses: %,d rows for all responses (+%d segments), built in %d ms%n",
                        rs.getLong(2), rs.getLong(1), SEGMENTS, (System.nanoTime() - started) / 1_000_000);
            }
        }
        ScoreRollups rollups = new ScoreRollups(dataSource);
        ReportingRules rules = ReportingRules.standard();
        time(
                "one survey and segment, last 365 days by ISO week",
                () -> rollups.trend(
                        new RollupFilter(Metric.NPS, 3L, "nps", 5L, null, null, last.minusDays(364), last),
                        Granularity.WEEK,
                        rules));
        time(
                "one survey, all responses, three years by day",
                () -> rollups.trend(
                        new RollupFilter(Metric.NPS, 3L, "nps", null, null, null, first, last),
                        Granularity.DAY,
                        rules));
        time(
                "all surveys, all responses, three years by month",
                () -> rollups.trend(
                        new RollupFilter(Metric.NPS, null, null, null, null, null, first, last),
                        Granularity.MONTH,
                        rules));
        time(
                "one survey, one segment, channel EMAIL, locale de, a quarter",
                () -> rollups.trend(
                        new RollupFilter(Metric.NPS, 3L, "nps", 2L, "EMAIL", "de", last.minusDays(90), last),
                        Granularity.DAY,
                        rules));
        time("segment comparison of one survey, last 90 days", () -> new TrendAnalysis(dataSource)
                .segments(new RollupFilter(Metric.NPS, 3L, "nps", null, null, null, last.minusDays(89), last), rules));
    }

    static void time(String name, Runnable query) {
        for (int i = 0; i < 5; i++) {
            query.run(); // warm-up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            query.run();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf(
                "%-62s median %6.1f ms   p95 %6.1f ms   max %6.1f ms%n",
                name, micros.get(15) / 1000.0, micros.get(28) / 1000.0, micros.get(29) / 1000.0);
    }
}
