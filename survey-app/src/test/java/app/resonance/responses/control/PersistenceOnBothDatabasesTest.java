package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.DriverAnalysis;
import app.resonance.analytics.control.DriverReader;
import app.resonance.analytics.control.Drivers;
import app.resonance.analytics.control.RelativeImportance;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Topic;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.demo.control.DemoDataLoader;
import app.resonance.demo.control.DemoStory;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.AppSetting;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
import app.resonance.responses.entity.IdempotencyRecord;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema, the demo loader and the JPA mappings on H2 and PostgreSQL: migrations apply, the demo
 * loads once and tells its story, and a response stored through JPA reads back exactly.
 */
class PersistenceOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(10, 15, 30, 123_456_000).toInstant(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theDemoLoadsOnceAndShowsTheBusinessDipAndRecovery(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        assertTrue(Integer.parseInt(DatabaseMigrator.migrate(dataSource)) >= 2, "every migration ran");

        assertEquals(22_000, DemoData.load(dataSource, TODAY, NOW));
        assertEquals(0, DemoData.load(dataSource, TODAY, NOW), "a second start loads nothing");
        assertEquals(22_000, count(dataSource, "SELECT COUNT(*) FROM response"));
        assertEquals(
                22_000,
                count(dataSource, "SELECT COUNT(*) FROM response_event WHERE kind = 'CREATED'"),
                "analytics hears of every demo response");
        assertEquals(1_501, count(dataSource, "SELECT COUNT(*) FROM customer"), "and the demo shop's customer");
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM response r JOIN customer c ON c.id = r.customer_id"
                                + " WHERE c.external_id = '" + DemoDataLoader.WIDGET_CUSTOMER + "'"),
                "the demo shop's customer has not answered yet, so its widget shows");
        assertEquals(
                "source,ticket_id",
                text(dataSource, "SELECT hidden_fields FROM survey WHERE slug = 'post-support-csat'"));
        long csat = count(
                dataSource,
                "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = 'post-support-csat'");
        assertEquals(
                csat,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                                + " WHERE s.slug = 'post-support-csat' AND r.hidden_fields LIKE 'source=%'"),
                "every demo response of the support survey says where it came from");
        assertEquals(
                0,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                                + " WHERE s.slug <> 'post-support-csat' AND r.hidden_fields IS NOT NULL"));
        assertEquals(5, count(dataSource, "SELECT COUNT(*) FROM segment"));
        assertEquals(4, count(dataSource, "SELECT COUNT(*) FROM survey WHERE status = 'OPEN'"));
        assertEquals(
                1,
                count(
                        dataSource,
                        "SELECT COUNT(*) FROM trend_marker m JOIN survey s ON s.id = m.survey_id"
                                + " JOIN segment g ON g.id = m.segment_id WHERE s.slug = 'relationship-nps'"
                                + " AND g.segment_key = 'business' AND m.label = 'Check-in calls started'"
                                + " AND m.marker_date = DATE '"
                                + TODAY.minusDays(DemoStory.CALLS_START_DAYS_AGO) + "'"),
                "the demo marks the day the check-in calls started on the Business trend");
        assertEquals(
                DemoDataLoader.CHECK_IN_TASKS,
                count(
                        dataSource,
                        "SELECT COUNT(DISTINCT f.customer_id) FROM follow_up f JOIN segment g ON g.id = f.segment_id"
                                + " JOIN follow_up_note n ON n.follow_up_id = f.id"
                                + " WHERE g.segment_key = 'business' AND f.status = 'DONE'"
                                + " AND f.created_at >= TIMESTAMP '"
                                + TODAY.minusDays(DemoStory.CALLS_START_DAYS_AGO) + " 00:00:00'"
                                + " AND EXISTS (SELECT 1 FROM response r JOIN answer a ON a.response_id = r.id"
                                + " JOIN question q ON q.id = a.question_id WHERE r.customer_id = f.customer_id"
                                + " AND q.question_type = 'NPS' AND a.score <= 6)"),
                "the check-in calls are done follow-up tasks, with a note, for Business detractors");

        Instant dipFrom = TODAY.minusDays(DemoStory.DIP_START_DAYS_AGO - 30)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant dipTo = TODAY.minusDays(DemoStory.CALLS_START_DAYS_AGO)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant yearAgo = TODAY.minusDays(365).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant beforeDip = TODAY.minusDays(DemoStory.DIP_START_DAYS_AGO)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant recovered = TODAY.minusDays(DemoStory.RECOVERED_DAYS_AGO)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant end = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        double before = nps(dataSource, "business", yearAgo, beforeDip);
        double dip = nps(dataSource, "business", dipFrom, dipTo);
        double after = nps(dataSource, "business", recovered, end);
        double others = nps(dataSource, "starter", dipFrom, dipTo);
        assertTrue(before - dip > 30, "Business NPS falls by more than 30 points: " + before + " -> " + dip);
        assertTrue(after - dip > 30, "and recovers: " + dip + " -> " + after);
        assertTrue(others - dip > 20, "other segments do not dip: starter " + others + " vs business " + dip);

        // The dip's drivers: support comes out on top, alone in its tier; before the dip it did not
        DriverAnalysis inDip = drivers(
                dataSource,
                TODAY.minusDays(DemoStory.DIP_START_DAYS_AGO - 30),
                TODAY.minusDays(DemoStory.CALLS_START_DAYS_AGO));
        assertEquals(DriverAnalysis.Status.RANKED, inDip.status(), inDip.sentence());
        assertEquals("topic:SUPPORT", inDip.drivers().get(0).key(), inDip.toString());
        assertEquals(1, inDip.drivers().get(0).tier());
        assertEquals(2, inDip.drivers().get(1).tier(), inDip.toString());
        assertTrue(inDip.sentence().startsWith("Support matters most; "), inDip.sentence());
        DriverAnalysis beforeTheDip =
                drivers(dataSource, TODAY.minusDays(365), TODAY.minusDays(DemoStory.DIP_START_DAYS_AGO + 1));
        assertEquals(DriverAnalysis.Status.RANKED, beforeTheDip.status(), beforeTheDip.sentence());
        assertNotEquals("topic:SUPPORT", beforeTheDip.drivers().get(0).key(), beforeTheDip.toString());
    }

    /** The drivers of relationship-nps in the Business segment over the days from..to (Berlin). */
    private static DriverAnalysis drivers(DataSource dataSource, LocalDate from, LocalDate to) throws SQLException {
        long survey = count(dataSource, "SELECT id FROM survey WHERE slug = 'relationship-nps'");
        long business = count(dataSource, "SELECT id FROM segment WHERE segment_key = 'business'");
        Messages en = Messages.of(java.util.Locale.ENGLISH);
        List<Drivers.Candidate> candidates = new java.util.ArrayList<>();
        candidates.add(new Drivers.Candidate(
                "focus",
                DriverAnalysis.Kind.QUESTION,
                QuestionType.SINGLE_CHOICE,
                "What matters most to you about us?",
                List.of("support", "product", "price", "onboarding")));
        for (Topic t : Topic.DEFAULTS) {
            candidates.add(
                    new Drivers.Candidate("topic:" + t.key(), DriverAnalysis.Kind.TOPIC, null, t.nameEn(), List.of()));
        }
        var answers = new DriverReader(dataSource)
                .read(new DriverReader.Request(
                        new CommentFilter(survey, from, to, business, null, null, null, null),
                        ZoneId.of("Europe/Berlin"),
                        "nps",
                        java.util.Set.of(),
                        java.util.Set.of("focus"),
                        java.util.Set.of("reason", "improve")));
        return Drivers.analyse(
                new Drivers.Candidate("nps", DriverAnalysis.Kind.QUESTION, QuestionType.NPS, "NPS", List.of()),
                candidates,
                answers,
                ReportingRules.standard(),
                en,
                RelativeImportance.RESAMPLES,
                RelativeImportance.SEED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aResponseStoredThroughJpaReadsBackWithItsSegmentsAndIdempotencyRecord(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoData.load(dataSource, TODAY, NOW);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            assertEquals(
                    "seed 20261123, 22000 responses",
                    em.find(AppSetting.class, "demo.loaded").value(),
                    "the demo's marker is a setting readable through JPA");
            ResponseStore store = new ResponseStore();
            store.em = em;
            store.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            store.segments = new SegmentCatalog(em);
            store.customers = new CustomerDirectory(em, store.clock);

            Survey survey = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", "product-feedback")
                    .getSingleResult();
            var version = survey.publishedVersion().orElseThrow();
            assertEquals(
                    List.of(
                            QuestionType.RATING,
                            QuestionType.MULTIPLE_CHOICE,
                            QuestionType.MATRIX,
                            QuestionType.SHORT_TEXT),
                    version.questions().stream().map(q -> q.type()).toList());
            var matrix = version.question("aspects").orElseThrow();
            var features = version.question("features").orElseThrow();
            Instant answeredAt = Instant.parse("2026-06-01T08:00:00.123456Z");
            var submission = new ValidSubmission(
                    List.of(
                            AnswerValue.score(version.question("rating").orElseThrow(), 4),
                            AnswerValue.option(features, "exports"),
                            AnswerValue.option(features, "mobile"),
                            AnswerValue.matrix(matrix, "speed", "5"),
                            AnswerValue.text(
                                    version.question("wish").orElseThrow(), "Mehr Export-Formate, bitte – äöü ß 😀")),
                    "de",
                    false,
                    Channel.IMPORT,
                    "C-00001",
                    answeredAt);

            em.getTransaction().begin();
            var outcome = store.store(
                    version,
                    submission,
                    "import:product-feedback",
                    "key-1",
                    "hash-1",
                    r -> new ResponseStore.Outcome(
                            r.id(), 201, "/api/v1/admin/responses/" + r.id(), "{\"id\":" + r.id() + "}"));
            em.getTransaction().commit();
            em.clear();

            Response stored = em.find(Response.class, outcome.responseId());
            assertEquals(answeredAt, stored.submittedAt());
            assertEquals(NOW, stored.receivedAt());
            assertEquals(5, stored.answers().size());
            assertEquals(
                    "Mehr Export-Formate, bitte – äöü ß 😀",
                    stored.answers().stream()
                            .filter(a -> a.question().key().equals("wish"))
                            .findFirst()
                            .orElseThrow()
                            .value()
                            .text());
            String plan = stored.customer().orElseThrow().plan();
            var expectedSegments = new SegmentCatalog(em)
                    .matching(stored.customer().get(), LocalDate.of(2026, 6, 1)).stream()
                            .map(Segment::key)
                            .collect(Collectors.toSet());
            assertEquals(
                    expectedSegments,
                    stored.segments().stream().map(Segment::key).collect(Collectors.toSet()));
            assertTrue(
                    stored.segments().stream().anyMatch(s -> s.key().equals(plan.toLowerCase()))
                            || plan.equals("Enterprise"),
                    "the plan segment is among them: " + plan);

            IdempotencyRecord record =
                    store.recorded("import:product-feedback", "key-1").orElseThrow();
            assertEquals(201, record.statusCode());
            assertEquals("{\"id\":" + outcome.responseId() + "}", record.body());
            assertTrue(record.sameRequest("hash-1"));
            em.close();
        } finally {
            emf.close();
        }
    }

    static String text(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** NPS of the NPS survey's responses in a segment and period, straight from SQL. */
    static double nps(DataSource dataSource, String segment, Instant from, Instant to) throws SQLException {
        String sql =
                "SELECT SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END),"
                        + " COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " JOIN response_segment rs ON rs.response_id = r.id JOIN segment g ON g.id = rs.segment_id"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " WHERE s.slug = 'relationship-nps' AND q.question_key = 'nps' AND g.segment_key = ?"
                        + " AND r.submitted_at >= ? AND r.submitted_at < ?";
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, segment);
            statement.setObject(2, from.atOffset(ZoneOffset.UTC).toLocalDateTime());
            statement.setObject(3, to.atOffset(ZoneOffset.UTC).toLocalDateTime());
            try (var rs = statement.executeQuery()) {
                rs.next();
                long n = rs.getLong(3);
                assertTrue(n >= 100, "enough responses for " + segment + ": " + n);
                return 100.0 * (rs.getLong(1) - rs.getLong(2)) / n;
            }
        }
    }
}
