package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.CrosstabCounts.Label;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crosstab counted from stored responses on H2 and PostgreSQL: the worked example of
 * {@link CrosstabStatisticsTest} written as rows gives the same table, to the printed precision; a multiple
 * choice by a single choice counts each respondent once per option.
 */
class CrosstabOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private long nextResponse = 1000;
    private long nextAnswer = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theWorkedExampleCountedFromResponses(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            // LINK 20 / 10 / 10, EMAIL 10 / 15 / 25, WIDGET 2 / 3 / 5 (detractor 3, passive 7, promoter 10).
            int[][] counts = {{20, 10, 10}, {10, 15, 25}, {2, 3, 5}};
            String[] channels = {"LINK", "EMAIL", "WIDGET"};
            int[] scores = {3, 7, 10};
            for (int ch = 0; ch < 3; ch++) {
                for (int band = 0; band < 3; band++) {
                    for (int i = 0; i < counts[ch][band]; i++) {
                        long response = response(c, channels[ch], DAY.atTime(12, 0));
                        answer(c, response, 10, null, scores[band]);
                    }
                }
            }
            // Outside the range, and of another day: not counted.
            answer(c, response(c, "LINK", DAY.plusDays(1).atTime(12, 0)), 10, null, 0);
        }
        CrosstabCounter counter = new CrosstabCounter(dataSource);
        ScoreBands bands = ScoreBands.of(app.resonance.surveys.entity.QuestionType.NPS, 0, 10);
        CrosstabCounts counts = counter.count(new CrosstabCounter.Request(
                new CommentFilter(1L, DAY, DAY, null, null, null, null, null),
                BERLIN,
                "nps",
                null,
                (option, score) -> score == null ? null : bands.band(score),
                CrosstabBy.parse("channel").orElseThrow(),
                CrosstabStatisticsTest.BANDS,
                List.of(),
                false,
                false));
        // Found columns follow, sorted by key: EMAIL, LINK, WIDGET.
        assertEquals(
                List.of("EMAIL", "LINK", "WIDGET"),
                counts.columns().stream().map(Label::key).toList());
        assertEquals(Map.of("LINK", 40L, "EMAIL", 50L, "WIDGET", 10L), counts.columnTotals());
        assertEquals(100, counts.total());
        var ordered = new CrosstabCounts(
                counts.rows(),
                CrosstabStatisticsTest.CHANNELS,
                counts.cells(),
                counts.columnTotals(),
                counts.rowTotals(),
                counts.total(),
                false,
                false);
        CrosstabStatisticsTest.assertWorkedExample(CrosstabStatistics.of(ordered, ReportingRules.standard()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMultipleChoiceByASingleChoiceCountsRespondents(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            // Three respondents of size "s" chose a and b, a, nothing; one of size "l" chose b.
            String[][] chosen = {{"a", "b"}, {"a"}, {}};
            for (String[] options : chosen) {
                long r = response(c, "LINK", DAY.atTime(9, 0));
                answer(c, r, 12, "s", null);
                for (String o : options) {
                    answer(c, r, 11, o, null);
                }
                if (options.length == 0) {
                    answer(c, r, 10, null, 9); // answered only the score: not among the multiple choice's
                }
            }
            long r = response(c, "EMAIL", DAY.atTime(9, 0));
            answer(c, r, 12, "l", null);
            answer(c, r, 11, "b", null);
        }
        CrosstabCounts counts = new CrosstabCounter(dataSource)
                .count(new CrosstabCounter.Request(
                        new CommentFilter(1L, DAY, DAY, null, null, null, null, null),
                        BERLIN,
                        "features",
                        null,
                        (option, score) -> option,
                        CrosstabBy.parse("question:size").orElseThrow(),
                        List.of(new Label("a", "A"), new Label("b", "B")),
                        List.of(new Label("s", "Small"), new Label("l", "Large")),
                        true,
                        false));
        assertEquals(Map.of("a", Map.of("s", 2L), "b", Map.of("s", 1L, "l", 1L)), counts.cells());
        assertEquals(Map.of("s", 2L, "l", 1L), counts.columnTotals());
        assertEquals(Map.of("a", 2L, "b", 2L), counts.rowTotals());
        assertEquals(3, counts.total());
    }

    /**
     * A question over time: each response falls in its month in the reporting zone (Berlin), also at midnight
     * between two months where UTC still says the earlier one; a month without responses is a column too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aQuestionByMonthCountsEachResponseInItsMonthInTheReportingZone(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            answer(c, response(c, "LINK", LocalDateTime.of(2026, 3, 2, 10, 0)), 12, "s", null);
            answer(c, response(c, "LINK", LocalDateTime.of(2026, 3, 31, 23, 30)), 12, "s", null);
            // 00:30 in Berlin on 1 April is 22:30 UTC on 31 March: April's
            answer(c, response(c, "LINK", LocalDateTime.of(2026, 4, 1, 0, 30)), 12, "l", null);
            answer(c, response(c, "LINK", LocalDateTime.of(2026, 4, 20, 12, 0)), 12, "s", null);
            // after the last day counted: in no column
            answer(c, response(c, "LINK", LocalDateTime.of(2026, 4, 21, 0, 10)), 12, "l", null);
        }
        LocalDate from = LocalDate.of(2026, 2, 15);
        LocalDate to = LocalDate.of(2026, 4, 20);
        CrosstabBy byMonth = CrosstabBy.parse("month").orElseThrow();
        CrosstabCounts counts = new CrosstabCounter(dataSource)
                .count(new CrosstabCounter.Request(
                        new CommentFilter(1L, from, to, null, null, null, null, null),
                        BERLIN,
                        "size",
                        null,
                        (option, score) -> option,
                        byMonth,
                        List.of(new Label("s", "Small"), new Label("l", "Large")),
                        CalendarColumns.of(byMonth.kind(), from, to).labels(java.util.Locale.GERMAN),
                        false,
                        false));
        assertEquals(
                List.of("2026-02:Feb 2026", "2026-03:Mär 2026", "2026-04:Apr 2026"),
                counts.columns().stream().map(l -> l.key() + ":" + l.label()).toList());
        assertEquals(Map.of("s", Map.of("2026-03", 2L, "2026-04", 1L), "l", Map.of("2026-04", 1L)), counts.cells());
        assertEquals(Map.of("2026-03", 2L, "2026-04", 2L), counts.columnTotals());
        assertEquals(4, counts.total());
    }

    /** A matrix row is counted like a single choice over the matrix's columns; its other rows are not counted. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMatrixRowCountsItsOwnAnswersOnly(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            long first = response(c, "LINK", DAY.atTime(9, 0));
            matrixAnswer(c, first, "speed", "4");
            matrixAnswer(c, first, "design", "2");
            matrixAnswer(c, response(c, "EMAIL", DAY.atTime(9, 0)), "speed", "4");
            long third = response(c, "LINK", DAY.atTime(10, 0));
            matrixAnswer(c, third, "speed", "5");
            matrixAnswer(c, third, "design", "5");
            // answered only the design row: not among the speed row's respondents
            matrixAnswer(c, response(c, "EMAIL", DAY.atTime(11, 0)), "design", "1");
        }
        CrosstabCounts counts = new CrosstabCounter(dataSource)
                .count(new CrosstabCounter.Request(
                        new CommentFilter(1L, DAY, DAY, null, null, null, null, null),
                        BERLIN,
                        "aspects",
                        "speed",
                        (option, score) -> option,
                        CrosstabBy.parse("channel").orElseThrow(),
                        List.of(new Label("4", "Good"), new Label("5", "Excellent")),
                        List.of(new Label("LINK", "Link"), new Label("EMAIL", "E-mail")),
                        false,
                        false));
        assertEquals(Map.of("4", Map.of("LINK", 1L, "EMAIL", 1L), "5", Map.of("LINK", 1L)), counts.cells());
        assertEquals(Map.of("LINK", 2L, "EMAIL", 1L), counts.columnTotals());
        assertEquals(Map.of("4", 2L, "5", 1L), counts.rowTotals());
        assertEquals(3, counts.total());
        // The matrix summary counts every row's answers; the next day's answer is outside the range.
        try (Connection c = dataSource.getConnection()) {
            matrixAnswer(c, response(c, "LINK", DAY.plusDays(1).atTime(9, 0)), "speed", "1");
        }
        assertEquals(
                Map.of("speed", Map.of("4", 2L, "5", 1L), "design", Map.of("1", 1L, "2", 1L, "5", 1L)),
                new MatrixCounter(dataSource)
                        .count(new CommentFilter(1L, DAY, DAY, null, null, null, null, null), BERLIN, "aspects"));
    }

    private void matrixAnswer(Connection c, long response, String row, String column) throws Exception {
        Jdbc.update(
                c,
                "INSERT INTO answer (id, response_id, question_id, row_code, option_code) VALUES (?, ?, 13, ?, ?)",
                nextAnswer++,
                response,
                row,
                column);
    }

    private static void survey(Connection c) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        Jdbc.update(
                c,
                "INSERT INTO survey (id, slug, kind, status, created_at, updated_at) VALUES (1, 'x', 'NPS', 'OPEN', ?, ?)",
                now,
                now);
        Jdbc.update(
                c,
                "INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages, created_at)"
                        + " VALUES (2, 1, 1, 'PUBLISHED', 'en', 'de,en', ?)",
                now);
        String question = "INSERT INTO question (id, survey_version_id, position, question_key, question_type,"
                + " required) VALUES (?, 2, ?, ?, ?, FALSE)";
        Jdbc.update(c, question, 10L, 1, "nps", "NPS");
        Jdbc.update(c, question, 11L, 2, "features", "MULTIPLE_CHOICE");
        Jdbc.update(c, question, 12L, 3, "size", "SINGLE_CHOICE");
        Jdbc.update(c, question, 13L, 4, "aspects", "MATRIX");
    }

    private long response(Connection c, String channel, LocalDateTime berlin) throws Exception {
        LocalDateTime utc = berlin.atZone(BERLIN)
                .withZoneSameInstant(java.time.ZoneOffset.UTC)
                .toLocalDateTime();
        long id = nextResponse++;
        Jdbc.update(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, channel, locale, status, submitted_at,"
                        + " received_at, updated_at) VALUES (?, 1, 2, ?, 'en', 'COMPLETE', ?, ?, ?)",
                id,
                channel,
                utc,
                utc,
                utc);
        return id;
    }

    private void answer(Connection c, long response, long question, String option, Integer score) throws Exception {
        Jdbc.update(
                c,
                "INSERT INTO answer (id, response_id, question_id, option_code, score) VALUES (?, ?, ?, ?, ?)",
                nextAnswer++,
                response,
                question,
                option,
                score);
    }
}
