package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.DemoData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollups equal a direct computation over the raw responses, on H2 and PostgreSQL: after the demo,
 * after random inserts, partial responses completed later, changed scores, backfills and events applied
 * twice or out of order.
 */
class RollupsOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void afterTheDemoRandomInsertsChangesAndBackfillsTheRollupsEqualTheResponses(String database) throws Exception {
        DataSource dataSource = app.resonance.testsupport.TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoData.load(dataSource, TODAY, NOW);
        Fixture fixture = new Fixture(dataSource);

        long rebuilt = fixture.inTransaction(c -> new RollupUpdater(c, BERLIN).rebuild(true, NOW));
        assertEquals(22_000, rebuilt);
        assertEquals(direct(dataSource), rollups(dataSource));
        assertEquals(
                12_000 + 6_000 * 2 + 3_000 + 1_000,
                fixture.count("SELECT SUM(n) FROM score_rollup WHERE segment_id = 0"));

        Random random = new Random(42);
        List<Long> inserted = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 150; i++) {
                double kind = random.nextDouble();
                if (kind < 0.5 || inserted.isEmpty()) {
                    // New responses, some partial without a score yet, some backfilled up to three years back.
                    Instant at = random.nextDouble() < 0.2
                            ? NOW.minus(random.nextInt(3 * 365), ChronoUnit.DAYS)
                            : NOW.minusSeconds(random.nextInt(400_000));
                    inserted.add(fixture.insertResponse(random, at, random.nextDouble() < 0.15));
                } else if (kind < 0.8) {
                    fixture.changeScore(inserted.get(random.nextInt(inserted.size())), random);
                } else {
                    // An event without any change (a retry, a duplicate delivery).
                    fixture.event(inserted.get(random.nextInt(inserted.size())));
                }
            }
            // Consume in small batches, as the scheduler does.
            while (fixture.inTransaction(c ->
                            new RollupUpdater(c, BERLIN).applyPendingEvents(97).events())
                    > 0) {}
            assertEquals(direct(dataSource), rollups(dataSource), "round " + round);
        }
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM response_event"), "every event is consumed");
        long expected = fixture.count("SELECT COUNT(*) FROM answer a JOIN question q ON q.id = a.question_id"
                + " WHERE a.score IS NOT NULL AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')");
        assertEquals(expected, fixture.count("SELECT SUM(n) FROM score_rollup WHERE segment_id = 0"));

        // A rebuild from scratch (set-based) gives exactly the incrementally kept rollups, and the same
        // contributions, so that later events move exactly what the rebuild counted.
        var incremental = rollups(dataSource);
        var contributions = contributions(dataSource);
        fixture.inTransaction(c -> new RollupUpdater(c, BERLIN).rebuild(true, NOW));
        assertEquals(incremental, rollups(dataSource));
        assertEquals(contributions, contributions(dataSource));
        for (int i = 0; i < 40; i++) {
            fixture.changeScore(inserted.get(random.nextInt(inserted.size())), random);
        }
        fixture.drain();
        assertEquals(direct(dataSource), rollups(dataSource), "events applied after the rebuild");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aScoreCountsOnceMovesWhenChangedAndLandsOnItsDayInTheReportingZone(String database) throws Exception {
        DataSource dataSource = app.resonance.testsupport.TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoData.load(dataSource, TODAY, NOW);
        Fixture fixture = new Fixture(dataSource);
        fixture.inTransaction(c -> new RollupUpdater(c, BERLIN).rebuild(true, NOW));
        ScoreRollups rollups = new ScoreRollups(dataSource);
        long survey = fixture.surveyId("relationship-nps");
        // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin.
        Instant lateEvening = Instant.parse("2023-03-01T23:30:00Z");
        var filter = new RollupFilter(
                Metric.NPS, survey, "nps", null, null, null, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2));

        long id = fixture.insertPartialWithoutScore(survey, lateEvening);
        fixture.drain();
        assertEquals(Map.of(), rollups.daily(filter), "a partial response without a score counts nowhere");

        fixture.addScore(id, 3);
        fixture.event(id);
        fixture.event(id);
        fixture.drain();
        assertEquals(Map.of(LocalDate.of(2023, 3, 2), ScoreCounts.ofScores(3)), rollups.daily(filter));

        fixture.setScore(id, 10);
        fixture.event(id);
        fixture.drain();
        assertEquals(Map.of(LocalDate.of(2023, 3, 2), ScoreCounts.ofScores(10)), rollups.daily(filter));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM score_contribution WHERE response_id = " + id));

        // Counted in UTC days instead, the same answer lies on 1 March.
        fixture.inTransaction(c -> new RollupUpdater(c, ZoneOffset.UTC).rebuild(true, NOW));
        assertEquals(Map.of(LocalDate.of(2023, 3, 1), ScoreCounts.ofScores(10)), rollups.daily(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRebuildPutsEachScoreOnItsDayInTheReportingZoneAcrossTheClockChanges(String database) throws Exception {
        DataSource dataSource = app.resonance.testsupport.TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoData.load(dataSource, TODAY, NOW);
        Fixture fixture = new Fixture(dataSource);
        long survey = fixture.surveyId("relationship-nps");
        // Berlin is UTC+1 in winter and UTC+2 from 26 March 2023, 01:00 UTC, to 29 October 2023, 01:00 UTC.
        Map<String, LocalDate> expected = Map.of(
                "2023-03-25T23:30:00Z", LocalDate.of(2023, 3, 26),
                "2023-03-26T22:30:00Z", LocalDate.of(2023, 3, 27),
                "2023-03-26T21:30:00Z", LocalDate.of(2023, 3, 26),
                "2023-10-28T22:30:00Z", LocalDate.of(2023, 10, 29),
                "2023-10-29T22:30:00Z", LocalDate.of(2023, 10, 29),
                "2023-10-29T23:30:00Z", LocalDate.of(2023, 10, 30));
        int score = 0;
        Map<LocalDate, ScoreCounts> days = new TreeMap<>();
        for (var entry : new TreeMap<>(expected).entrySet()) {
            long id = fixture.insertPartialWithoutScore(survey, Instant.parse(entry.getKey()));
            fixture.addScore(id, score);
            days.merge(entry.getValue(), ScoreCounts.ofScores(score), ScoreCounts::plus);
            score++;
        }
        fixture.inTransaction(c -> new RollupUpdater(c, BERLIN).rebuild(true, NOW));
        var filter = new RollupFilter(
                Metric.NPS, survey, "nps", null, null, null, LocalDate.of(2023, 3, 20), LocalDate.of(2023, 11, 5));
        assertEquals(days, new ScoreRollups(dataSource).daily(filter));
        assertEquals(direct(dataSource), rollups(dataSource));
    }

    /** The recorded contributions, as "response/key" -> "type/survey/day/channel/locale/segments/score". */
    static Map<String, String> contributions(DataSource dataSource) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT response_id, question_key, question_type, survey_id,"
                        + " bucket_day, channel, locale, segment_ids, score FROM score_contribution")) {
            while (rs.next()) {
                rows.put(
                        rs.getLong(1) + "/" + rs.getString(2),
                        String.join(
                                "/",
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class).toString(),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9)));
            }
        }
        return rows;
    }

    /** Rollup rows with answers, as "type/segment/survey/key/day/channel/locale" -> counts. */
    static Map<String, ScoreCounts> rollups(DataSource dataSource) throws SQLException {
        Map<String, ScoreCounts> cells = new TreeMap<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT question_type, segment_id, survey_id, question_key, bucket_day,"
                        + " channel, locale, n, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 FROM score_rollup")) {
            while (rs.next()) {
                long[] counts = new long[11];
                for (int s = 0; s <= 10; s++) {
                    counts[s] = rs.getLong(9 + s);
                }
                ScoreCounts scoreCounts = ScoreCounts.of(counts);
                assertEquals(scoreCounts.n(), rs.getLong(8), "n is the sum of the counts");
                if (scoreCounts.n() > 0) {
                    cells.put(
                            String.join(
                                    "/",
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getObject(5, LocalDate.class).toString(),
                                    rs.getString(6),
                                    rs.getString(7)),
                            scoreCounts);
                }
            }
        }
        return cells;
    }

    /** The same cells computed straight from responses, answers and response segments. */
    static Map<String, ScoreCounts> direct(DataSource dataSource) throws SQLException {
        Map<String, List<Integer>> scores = new HashMap<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT q.question_type, rs.segment_id, r.survey_id, q.question_key,"
                        + " r.submitted_at, r.channel, r.locale, a.score, r.id FROM response r"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " LEFT JOIN response_segment rs ON rs.response_id = r.id"
                        + " WHERE a.score IS NOT NULL AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')"
                        + " ORDER BY r.id, q.question_key, rs.segment_id")) {
            String last = null;
            while (rs.next()) {
                LocalDate day = rs.getObject(5, LocalDateTime.class)
                        .toInstant(ZoneOffset.UTC)
                        .atZone(BERLIN)
                        .toLocalDate();
                String rest = "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + day + "/" + rs.getString(6) + "/"
                        + rs.getString(7);
                String type = rs.getString(1);
                int score = rs.getInt(8);
                long segment = rs.getLong(2);
                boolean inSegment = !rs.wasNull();
                // The "all" cell once per response and question, whatever the number of segments.
                String answer = rs.getLong(9) + "/" + rs.getString(4);
                if (!answer.equals(last)) {
                    scores.computeIfAbsent(type + "/0" + rest, k -> new ArrayList<>())
                            .add(score);
                    last = answer;
                }
                if (inSegment) {
                    scores.computeIfAbsent(type + "/" + segment + rest, k -> new ArrayList<>())
                            .add(score);
                }
            }
        }
        Map<String, ScoreCounts> cells = new TreeMap<>();
        scores.forEach((cell, list) -> cells.put(
                cell,
                ScoreCounts.ofScores(list.stream().mapToInt(Integer::intValue).toArray())));
        return cells;
    }
}
