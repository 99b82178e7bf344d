package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.distribution.control.EventsOnBothDatabasesTest.TestClock;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.control.AppSecrets;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.Invitations;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample planner on H2 and PostgreSQL, with the demo loaded and two segments of the test's own customers:
 *
 * <ul>
 *   <li>"planner-known": 60 customers, each invited to relationship-nps 200 days ago, 40 answered: 20 promoters (10),
 *       10 detractors (3), 10 passives (8): var = 0.5 + 0.25 - 0.25^2 = 0.6875, rate 40 / 60 = 2/3, all 60 reachable.
 *       Target ±20 at 95 %: n0 = 38416 * 0.6875 / 400 = 66.0275, n = 66.0275 / (1 + 65.0275 / 60) = 31.69 -> 32,
 *       invite ceil(32 / (2/3)) = 48, expected margin 196 * sqrt(0.6875 / 32 * 28 / 59) = 19.79112.
 *   <li>"planner-new": 102 customers without history, one without address, one suppressed: 100 reachable, the prior
 *       (var 1, rate 0.2). Target ±50 at 95 %: n0 = 38416 / 2500 = 15.3664, n = 15.3664 / (1 + 14.3664 / 100) = 13.44
 *       -> 14, invite ceil(14 / 0.2) = 70, expected margin 196 * sqrt(1 / 14 * 86 / 99) = 48.82291.
 * </ul>
 *
 * Sent: 48 + 70 invitations in one wave. Answered: 30 of known (18 promoters, 6 detractors: var 0.6 + 0.2 - 0.16 =
 * 0.64, margin 196 * sqrt(0.64 / 30 * 30 / 59) = 20.41362), 10 of new (6 promoters, 2 detractors: var 0.64, margin 196
 * * sqrt(0.64 / 10 * 90 / 99) = 47.27698).
 */
class SamplePlannerOnBothDatabasesTest {

    static final LocalDate TODAY = EventsOnBothDatabasesTest.TODAY;
    static final Instant NOW = EventsOnBothDatabasesTest.NOW;
    static final long KNOWN = 9_300_000L;
    static final long NEW = 9_400_000L;

    EntityManager em;

    <T> T tx(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPlannedWaveInvitesJustEnoughOfEachSegmentAndShowsPlannedAgainstAchieved(String database) throws Exception {
        DataSource dataSource = DemoData.migratedWithDemo(database, TODAY, NOW);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            em = emf.createEntityManager();
            TestClock clock = new TestClock();
            Messages messages = Messages.of(Locale.ENGLISH);
            AuditLog audit = new AuditLog(em, clock, "admin");
            SegmentCatalog segments = new SegmentCatalog(em);
            AppSecrets secrets = new AppSecrets() {
                @Override
                public byte[] unsubscribeKey() {
                    return new byte[32];
                }
            };
            SuppressionList suppressions = new SuppressionList(em, secrets, audit, clock);
            ContactRules rules = new ContactRules(em, new ContactRules.Limits(30, 60, 30));
            WaveSender sender = new WaveSender(
                    em,
                    new Invitations(em, clock),
                    segments,
                    new MailOutbox(em, dataSource, null, null, suppressions, clock),
                    suppressions,
                    rules,
                    audit,
                    clock);
            SamplePlanner planner = new SamplePlanner(em, segments, suppressions, rules, sender, clock, new Random(42));
            for (String key : List.of("planner-known", "planner-new")) {
                String plan = key.equals("planner-known") ? "PlannerKnown" : "PlannerNew";
                tx(() -> SegmentEditor.on(em, clock)
                        .save(
                                key,
                                new SegmentDraft(
                                        key,
                                        Texts.of(key, key),
                                        List.of(new SegmentDraft.Rule("plan", "EQUALS", plan))),
                                messages));
            }
            Survey survey = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", "relationship-nps")
                    .getSingleResult();
            long knownSegment = segments.byKey("planner-known").orElseThrow().id();
            try (Connection c = dataSource.getConnection()) {
                long version = survey.publishedVersion().orElseThrow().id();
                long question = Jdbc.number(
                        c, "SELECT id FROM question WHERE survey_version_id = ? AND question_type = 'NPS'", version);
                LocalDateTime then = LocalDateTime.ofInstant(NOW.minusSeconds(86_400L * 200), ZoneOffset.UTC);
                for (int i = 0; i < 60; i++) {
                    customer(c, KNOWN + i, "PK-" + i, "pk" + i + "@example.test", "PlannerKnown");
                    invitation(c, KNOWN + i, survey.id(), KNOWN + i, null, then);
                    if (i < 40) {
                        int score = i < 20 ? 10 : i < 30 ? 3 : 8;
                        answer(c, KNOWN + i, survey.id(), version, question, KNOWN + i, KNOWN + i, score, then);
                        Jdbc.update(
                                c,
                                "INSERT INTO response_segment (response_id, segment_id) VALUES (?, ?)",
                                KNOWN + i,
                                knownSegment);
                    }
                }
                for (int i = 0; i < 102; i++) {
                    customer(
                            c,
                            NEW + i,
                            "PN-" + i,
                            i == 100 ? null : i == 101 ? "blocked-pn@example.test" : "pn" + i + "@example.test",
                            "PlannerNew");
                }
            }
            tx(() -> suppressions.suppress("blocked-pn@example.test", Suppression.Reason.BOUNCED, "SMTP", NOW));

            // the demo's planned wave: Starter and Enterprise DACH, each invited as planned, some answered
            long demoWave =
                    count(dataSource, "SELECT id FROM invitation_wave WHERE audience = 'plan:starter,enterprise-dach'");
            List<SamplePlanner.Outcome> demo = planner.outcome(demoWave);
            assertEquals(
                    List.of("starter", "enterprise-dach"),
                    demo.stream().map(o -> o.plan().segmentKey()).toList());
            for (SamplePlanner.Outcome o : demo) {
                assertEquals(o.plan().toInvite(), o.invited(), o.plan().segmentKey());
                assertTrue(o.invited() > 0 && o.answered() > 0 && o.achievedMargin() != null, o.toString());
            }

            List<SamplePlanner.Target> targets =
                    List.of(new SamplePlanner.Target("planner-known", 20), new SamplePlanner.Target("planner-new", 50));
            List<SamplePlanner.SegmentPlan> preview = planner.preview(survey, 95, targets, messages);
            SampleSize.Plan known = preview.get(0).plan();
            assertEquals(new SampleSize.History(40, 20, 10, 60, 40), known.history());
            assertEquals(0.6875, known.variance(), 1e-12);
            assertEquals(2.0 / 3, known.responseRate(), 1e-12);
            assertEquals(60, known.reachable());
            assertEquals(32, known.needed());
            assertEquals(48, known.toInvite());
            assertFalse(known.basedOnPrior());
            assertEquals(19.79112, known.expectedMargin(), 1e-5);
            SampleSize.Plan fresh = preview.get(1).plan();
            assertEquals(new SampleSize.History(0, 0, 0, 0, 0), fresh.history());
            assertTrue(fresh.basedOnPrior());
            assertEquals(100, fresh.reachable(), "one without address and one suppressed are not reachable");
            assertEquals(14, fresh.needed());
            assertEquals(70, fresh.toInvite());
            assertEquals(48.82291, fresh.expectedMargin(), 1e-5);
            assertEquals(
                    2L,
                    count(dataSource, "SELECT COUNT(*) FROM wave_plan"),
                    "the demo's two; a preview stores nothing");

            var invalid = assertThrows(
                    WaveSender.InvalidWaveException.class,
                    () -> planner.preview(
                            survey,
                            80,
                            List.of(
                                    new SamplePlanner.Target("nobody", 5),
                                    new SamplePlanner.Target("planner-new", 0),
                                    new SamplePlanner.Target("planner-new", 5)),
                            messages));
            assertEquals(
                    List.of("confidence", "segments[0].segment", "segments[1].margin", "segments[2].segment"),
                    invalid.errors().stream().map(FieldError::field).toList());

            long mailsBefore = count(dataSource, "SELECT COUNT(*) FROM mail_outbox");
            long wave =
                    tx(() -> planner.send(survey, 95, targets, null, "admin", "https://feedback.example.test", messages)
                            .id());
            assertEquals(118L, count(dataSource, "SELECT COUNT(*) FROM invitation WHERE wave_id = ?", wave));
            assertEquals(118L, count(dataSource, "SELECT COUNT(*) FROM mail_outbox") - mailsBefore);
            assertEquals(
                    0L,
                    count(
                            dataSource,
                            "SELECT COUNT(*) FROM invitation i JOIN customer c ON c.id = i.customer_id"
                                    + " WHERE i.wave_id = ? AND (c.email IS NULL OR c.email = 'blocked-pn@example.test')",
                            wave),
                    "drawn only among the reachable");

            // answers: 30 of the known segment's invitations (18 promoters, 6 detractors), 10 of the new (6, 2)
            try (Connection c = dataSource.getConnection()) {
                long version = survey.publishedVersion().orElseThrow().id();
                long question = Jdbc.number(
                        c, "SELECT id FROM question WHERE survey_version_id = ? AND question_type = 'NPS'", version);
                LocalDateTime now = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
                answerWave(c, wave, "PlannerKnown", 30, 18, 6, survey.id(), version, question, KNOWN + 1_000, now);
                answerWave(c, wave, "PlannerNew", 10, 6, 2, survey.id(), version, question, NEW + 1_000, now);
            }
            em.clear();
            List<SamplePlanner.Outcome> outcome = planner.outcome(wave);
            assertEquals(2, outcome.size());
            SamplePlanner.Outcome k = outcome.get(0);
            assertEquals("planner-known", k.plan().segmentKey());
            assertEquals(48, k.plan().toInvite());
            assertEquals(48, k.plan().drawn());
            assertEquals(48, k.invited());
            assertEquals(30, k.answered());
            assertEquals(30.0 / 48, k.achievedRate(), 1e-12);
            assertEquals(40.0, k.nps(), 1e-9);
            assertEquals(20.41362, k.achievedMargin(), 1e-5);
            assertEquals(19.79112, k.plan().expectedMargin(), 1e-5);
            SamplePlanner.Outcome n = outcome.get(1);
            assertTrue(n.plan().priorSpread() && n.plan().priorRate());
            assertEquals(70, n.invited());
            assertEquals(10, n.answered());
            assertEquals(47.27698, n.achievedMargin(), 1e-5);
            assertEquals(List.of(), planner.outcome(wave + 1_000_000), "not a planned wave");
            // the draw: distinct customers, each drawn once
            try (Connection c = dataSource.getConnection()) {
                assertEquals(
                        118,
                        new HashSet<>(WhoAnsweredOnBothDatabasesTest.longs(
                                        c,
                                        "SELECT m.customer_id FROM wave_plan_member m JOIN wave_plan p ON p.id = m.plan_id"
                                                + " WHERE p.wave_id = " + wave,
                                        118))
                                .size());
            }
            em.close();
        } finally {
            emf.close();
        }
    }

    static long count(DataSource dataSource, String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.number(c, sql, values);
        }
    }

    private static void answerWave(
            Connection c,
            long wave,
            String plan,
            int count,
            int promoters,
            int detractors,
            long survey,
            long version,
            long question,
            long firstId,
            LocalDateTime at)
            throws Exception {
        List<Long> invitations = WhoAnsweredOnBothDatabasesTest.longs(
                c,
                "SELECT i.id FROM invitation i JOIN customer c ON c.id = i.customer_id WHERE i.wave_id = " + wave
                        + " AND c.plan = '" + plan + "' ORDER BY i.id",
                count);
        for (int i = 0; i < count; i++) {
            long customer = Jdbc.number(c, "SELECT customer_id FROM invitation WHERE id = ?", invitations.get(i));
            int score = i < promoters ? 9 : i < promoters + detractors ? 6 : 7;
            answer(c, firstId + i, survey, version, question, customer, invitations.get(i), score, at);
        }
    }

    static void customer(Connection c, long id, String externalId, String email, String plan) throws Exception {
        LocalDateTime created = LocalDateTime.ofInstant(NOW.minusSeconds(86_400 * 400L), ZoneOffset.UTC);
        Jdbc.update(
                c,
                "INSERT INTO customer (id, external_id, name, email, plan, preferred_locale, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'en', ?, ?)",
                id,
                externalId,
                "Customer " + externalId,
                email,
                plan,
                created,
                created);
    }

    static void invitation(Connection c, long id, long survey, long customer, Long wave, LocalDateTime at)
            throws Exception {
        Jdbc.update(
                c,
                "INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                survey,
                customer,
                wave,
                "planner-" + id,
                at,
                at);
    }

    static void answer(
            Connection c,
            long id,
            long survey,
            long version,
            long question,
            long customer,
            long invitation,
            int score,
            LocalDateTime at)
            throws Exception {
        Jdbc.update(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at, invitation_id)"
                        + " VALUES (?, ?, ?, ?, 'EMAIL', 'en', 'COMPLETE', ?, ?, ?, ?)",
                id,
                survey,
                version,
                customer,
                at,
                at,
                at,
                invitation);
        Jdbc.update(
                c,
                "INSERT INTO answer (id, response_id, question_id, score) VALUES (?, ?, ?, ?)",
                id,
                id,
                question,
                score);
    }
}
