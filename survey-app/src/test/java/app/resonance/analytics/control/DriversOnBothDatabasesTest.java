package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.DriverAnalysis.Status;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver analysis read from stored responses on H2 and PostgreSQL: the worked example of {@link
 * RelativeImportanceTest} written five times over as responses gives its exact shares; the reader leaves out
 * responses of other days and without the outcome, and finds the topics of the comments.
 */
class DriversOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private long nextResponse = 1000;
    private long nextAnswer = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theWorkedExampleReadFromResponses(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            for (int t = 0; t < 5; t++) {
                for (int i = 0; i < 8; i++) {
                    long r = response(c, DAY.atTime(23, 30)); // 22:30 UTC: still the 10th in Berlin
                    answer(c, r, 10, null, (int) RelativeImportanceTest.SCORE[i], null);
                    answer(c, r, 11, null, (int) RelativeImportanceTest.SPEED[i], null);
                    answer(c, r, 12, null, (int) RelativeImportanceTest.ONBOARDING[i], null);
                }
            }
            long r = response(c, DAY.atTime(9, 0));
            answer(c, r, 11, null, 5, null); // no outcome: left out
            r = response(c, DAY.plusDays(1).atTime(0, 30)); // the 11th in Berlin: outside
            answer(c, r, 10, null, 0, null);
            answer(c, r, 11, null, 1, null);
            answer(c, r, 12, null, 1, null);
        }
        List<DriverReader.Answers> answers = new DriverReader(dataSource).read(request());
        assertEquals(40, answers.size());
        assertEquals(
                new DriverReader.Answers(2, Map.of("speed", 1, "onboarding", 3), Map.of(), Set.of()), answers.get(0));
        var analysis = Drivers.analyse(
                DriversTest.NPS,
                List.of(DriversTest.SPEED, DriversTest.ONBOARDING),
                answers,
                new ReportingRules(30, false),
                DriversTest.EN,
                RelativeImportance.RESAMPLES,
                RelativeImportance.SEED);
        assertEquals(Status.RANKED, analysis.status());
        assertEquals(443159.0 / 614544, analysis.drivers().get(0).importance(), RelativeImportanceTest.EXACT);
        assertEquals(449551.0 / 1843632, analysis.drivers().get(1).importance(), RelativeImportanceTest.EXACT);
        assertEquals(14347.0 / 14868, analysis.rSquared(), RelativeImportanceTest.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void choicesAndTopicsReadFromResponses(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            survey(c);
            long r = response(c, DAY.atTime(12, 0));
            answer(c, r, 10, null, 3, null);
            answer(c, r, 13, "a", null, null);
            answer(c, r, 13, "b", null, null);
            answer(c, r, 14, null, null, "Support was slow and too expensive");
        }
        List<DriverReader.Answers> answers = new DriverReader(dataSource).read(request());
        assertEquals(1, answers.size());
        assertEquals(3, answers.get(0).outcome());
        assertEquals(Map.of("features", Set.of("a", "b")), answers.get(0).options());
        assertEquals(Set.of("SUPPORT", "PRICE"), answers.get(0).topics());
    }

    private static DriverReader.Request request() {
        return new DriverReader.Request(
                new CommentFilter(1L, DAY, DAY, null, null, null, null, null),
                BERLIN,
                "nps",
                Set.of("speed", "onboarding"),
                Set.of("features"),
                Set.of("reason"));
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
        Jdbc.update(c, question, 11L, 2, "speed", "RATING");
        Jdbc.update(c, question, 12L, 3, "onboarding", "RATING");
        Jdbc.update(c, question, 13L, 4, "features", "MULTIPLE_CHOICE");
        Jdbc.update(c, question, 14L, 5, "reason", "LONG_TEXT");
    }

    private long response(Connection c, LocalDateTime berlin) throws Exception {
        LocalDateTime utc = berlin.atZone(BERLIN)
                .withZoneSameInstant(java.time.ZoneOffset.UTC)
                .toLocalDateTime();
        long id = nextResponse++;
        Jdbc.update(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, channel, locale, status, submitted_at,"
                        + " received_at, updated_at) VALUES (?, 1, 2, 'LINK', 'en', 'COMPLETE', ?, ?, ?)",
                id,
                utc,
                utc,
                utc);
        return id;
    }

    private void answer(Connection c, long response, long question, String option, Integer score, String text)
            throws Exception {
        Jdbc.update(
                c,
                "INSERT INTO answer (id, response_id, question_id, option_code, score, text_value) VALUES (?, ?, ?, ?,"
                        + " ?, ?)",
                nextAnswer++,
                response,
                question,
                option,
                score,
                text);
    }
}
