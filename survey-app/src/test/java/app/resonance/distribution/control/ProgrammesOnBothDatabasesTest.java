package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.customers.entity.Customer;
import app.resonance.distribution.control.EventsOnBothDatabasesTest.TestClock;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.distribution.entity.Programme;
import app.resonance.distribution.entity.ProgrammeSend;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.control.AppSecrets;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Texts;
import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.Invitations;
import app.resonance.responses.entity.Channel;
import app.resonance.responses.entity.Invitation;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseStatus;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recurring programme on H2 and PostgreSQL with a clock the test moves: nothing before its start; at the start its
 * segment's members are planned once, spread over the window; due sends go out through the outbox, a customer asked
 * recently, a suppressed address and one without an address are skipped with the reason; a customer who joins the
 * segment is asked in the next cycle; a pause holds the sends back and moves them by its length; ending cancels what
 * is left. The demo's programme has a finished cycle.
 */
class ProgrammesOnBothDatabasesTest {

    static final LocalDate TODAY = EventsOnBothDatabasesTest.TODAY;
    static final Instant NOW = EventsOnBothDatabasesTest.NOW;
    static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

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
    void aProgrammePlansEachCycleOnceSpreadsItsSendsSkipsWithReasonsAndFollowsPauseAndEnd(String database)
            throws Exception {
        DataSource dataSource = DemoData.migratedWithDemo(database, TODAY, NOW);
        try (Connection c = dataSource.getConnection()) {
            customer(c, 9_100_001L, "PG-1", "pg1@example.test");
            customer(c, 9_100_002L, "PG-2", "pg2@example.test");
            customer(c, 9_100_003L, "PG-3", "pg3@example.test");
            customer(c, 9_100_004L, "PG-4", "blocked-pg4@example.test");
            customer(c, 9_100_005L, "PG-5", null);
        }
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
            Invitations invitations = new Invitations(em, clock);
            Programmes programmes = new Programmes(em, segments, audit, clock);
            ProgrammeSender sender = new ProgrammeSender(
                    em,
                    segments,
                    invitations,
                    new MailOutbox(em, dataSource, null, null, suppressions, clock),
                    suppressions,
                    new ContactRules(em, new ContactRules.Limits(30, 60, 30)),
                    clock);

            // the demo's programme: its first cycle is over, the next one starts later
            Programme demo = programmes.all().stream()
                    .filter(p -> p.name().equals("Relationship check-in every 90 days"))
                    .findFirst()
                    .orElseThrow();
            var demoCycle = programmes.history(demo).get(0);
            assertEquals(0, demoCycle.cycle());
            assertEquals(0, demoCycle.waiting());
            assertEquals(demoCycle.planned(), demoCycle.sent() + demoCycle.skipped());
            assertTrue(demoCycle.answered() > 0 && demoCycle.skipped() > 0, demoCycle.toString());
            Instant demoNext = programmes.nextCycleStart(demo).orElseThrow();
            assertEquals(Instant.parse("2026-12-16T00:00:00Z"), demoNext);
            assertEquals(List.of(), programmes.nextSends(demo, 5));
            // the next cycle's preview: the Business customers of today in the schedule's order, from its start
            var preview = programmes.preview(demo, 3);
            assertEquals(3, preview.size());
            assertEquals(demoNext, preview.get(0).sendAt());
            assertTrue(preview.stream()
                    .allMatch(n -> n.cycle() == 1 && n.sendAt().isBefore(demoNext.plus(Duration.ofDays(1)))));
            assertEquals(List.of(), tx(sender::toPlan));

            tx(() -> SegmentEditor.on(em, clock)
                    .save(
                            "pilot",
                            new SegmentDraft(
                                    "pilot",
                                    Texts.of("Pilot", "Pilot"),
                                    List.of(new SegmentDraft.Rule("plan", "EQUALS", "Pilot"))),
                            messages));
            tx(() -> suppressions.suppress("blocked-pg4@example.test", Suppression.Reason.BOUNCED, "SMTP", NOW));
            Survey survey = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", "relationship-nps")
                    .getSingleResult();
            // PG-3 was invited by another survey three days ago: the overall limit (30 days) holds it back
            Survey other = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", "post-support-csat")
                    .getSingleResult();
            clock.now = NOW.minus(Duration.ofDays(3));
            tx(() -> invitations.issue(other, em.find(Customer.class, 9_100_003L), null));
            clock.now = NOW;

            var invalid = assertThrows(
                    EventRules.InvalidEventException.class,
                    () -> tx(() -> programmes.create(
                            new Programmes.Definition(" ", "relationship-nps", "nobody", 0, 5, "2026-12-01"),
                            "https://feedback.example.test",
                            "admin",
                            messages)));
            assertEquals("problem.invalidProgramme", invalid.problem());
            assertEquals(
                    List.of("name", "segment", "cadenceDays", "startDate"),
                    invalid.errors().stream().map(FieldError::field).toList());
            var tooLong = assertThrows(
                    EventRules.InvalidEventException.class,
                    () -> tx(() -> programmes.create(
                            new Programmes.Definition("P", "relationship-nps", "pilot", 7, 8, "2026-12-07"),
                            "https://feedback.example.test",
                            "admin",
                            messages)));
            assertEquals(
                    List.of("windowDays"),
                    tooLong.errors().stream().map(FieldError::field).toList());

            long id = tx(() -> programmes.create(
                            new Programmes.Definition(
                                    "Pilot check-in", "relationship-nps", "pilot", 90, 10, "2026-12-07"),
                            "https://feedback.example.test",
                            "admin",
                            messages))
                    .id();

            // before the start nothing is planned
            assertEquals(List.of(), tx(sender::toPlan));
            assertEquals(
                    START,
                    programmes.nextCycleStart(em.find(Programme.class, id)).orElseThrow());

            // at the start: the five members, once each, one every two days over the ten days' window
            clock.now = START;
            assertEquals(List.of(id), tx(sender::toPlan));
            assertEquals(5, tx(() -> sender.plan(id)));
            assertEquals(0, tx(() -> sender.plan(id)));
            assertEquals(List.of(), tx(sender::toPlan));
            Programme programme = em.find(Programme.class, id);
            var next = programmes.nextSends(programme, 10);
            assertEquals(
                    List.of(START, at(2), at(4), at(6), at(8)),
                    next.stream().map(Programmes.NextSend::sendAt).toList());
            assertEquals(
                    ProgrammeSchedule.spread(
                                    List.of(9_100_001L, 9_100_002L, 9_100_003L, 9_100_004L, 9_100_005L), START, at(10))
                            .stream()
                            .map(p -> "PG-" + (p.customerId() - 9_100_000L))
                            .toList(),
                    next.stream().map(Programmes.NextSend::customer).toList());
            assertEquals(1, tx(() -> sender.due(100)).size());

            // ten days later everything is due: two sent, three skipped with their reasons
            clock.now = at(10);
            for (long send : tx(() -> sender.due(100))) {
                tx(() -> sender.send(send));
            }
            em.clear();
            assertEquals(List.of(), tx(() -> sender.due(100)));
            Map<String, String> outcome = new java.util.TreeMap<>();
            em.createQuery(
                            "SELECT s FROM ProgrammeSend s WHERE s.programme.id = :p AND s.cycle = 0",
                            ProgrammeSend.class)
                    .setParameter("p", id)
                    .getResultList()
                    .forEach(s -> outcome.put(
                            s.customer().externalId(),
                            s.status() + s.reason().map(r -> " " + r).orElse("")));
            assertEquals(
                    Map.of(
                            "PG-1", "SENT",
                            "PG-2", "SENT",
                            "PG-3", "SKIPPED CONTACTED_RECENTLY",
                            "PG-4", "SKIPPED SUPPRESSED",
                            "PG-5", "SKIPPED NO_EMAIL"),
                    outcome);
            List<OutboxMail> mails = em.createQuery(
                            "SELECT m FROM OutboxMail m WHERE m.recipient IN ('pg1@example.test',"
                                    + " 'pg2@example.test', 'pg3@example.test', 'blocked-pg4@example.test')"
                                    + " ORDER BY m.recipient",
                            OutboxMail.class)
                    .getResultList();
            assertEquals(
                    List.of("pg1@example.test", "pg2@example.test"),
                    mails.stream().map(OutboxMail::recipient).toList());
            assertTrue(mails.get(0).unsubscribeUrl().startsWith("https://feedback.example.test/unsubscribe/"));
            assertEquals(
                    3L,
                    em.createQuery(
                                    "SELECT COUNT(s) FROM ContactSkip s WHERE s.channel = :c AND s.customer.id > 9100000",
                                    Long.class)
                            .setParameter("c", app.resonance.responses.entity.ContactSkip.Channel.PROGRAMME)
                            .getSingleResult());

            // PG-1 answers
            ProgrammeSend pg1 = em.createQuery(
                            "SELECT s FROM ProgrammeSend s WHERE s.programme.id = :p AND s.customer.externalId = 'PG-1'",
                            ProgrammeSend.class)
                    .setParameter("p", id)
                    .getSingleResult();
            Invitation invitation = em.find(Invitation.class, pg1.invitationId().orElseThrow());
            tx(() -> {
                Response r = new Response(
                                survey.publishedVersion().orElseThrow(),
                                invitation.customer(),
                                Channel.INVITATION,
                                "en",
                                ResponseStatus.COMPLETE,
                                clock.now,
                                clock.now)
                        .answering(invitation);
                em.persist(r);
                return r;
            });
            assertEquals(
                    List.of(new Programmes.Cycle(
                            0,
                            START,
                            5,
                            0,
                            2,
                            3,
                            Map.of("CONTACTED_RECENTLY", 1L, "SUPPRESSED", 1L, "NO_EMAIL", 1L),
                            0,
                            1)),
                    programmes.history(em.find(Programme.class, id)));

            // PG-6 joins the segment during the cycle: asked in the next one, which plans six
            try (Connection c = dataSource.getConnection()) {
                customer(c, 9_100_006L, "PG-6", "pg6@example.test");
            }
            clock.now = at(89);
            // (the demo's programme has begun its next cycle by then)
            assertTrue(!tx(sender::toPlan).contains(id));
            clock.now = at(90);
            assertEquals(6, tx(() -> sender.plan(id)));
            em.clear();
            assertEquals(
                    at(90),
                    programmes.nextSends(em.find(Programme.class, id), 1).get(0).sendAt());

            // paused for two days: nothing is sent; resumed, the planned sends move two days later
            clock.now = at(90).plusSeconds(60);
            tx(() -> programmes.pause(id));
            assertEquals(List.of(), tx(() -> sender.due(100)));
            clock.now = at(92).plusSeconds(60);
            assertThrows(Programmes.StateException.class, () -> tx(() -> programmes.pause(id)));
            tx(() -> programmes.resume(id));
            em.clear();
            var resumed = programmes.nextSends(em.find(Programme.class, id), 10);
            assertEquals(at(92), resumed.get(0).sendAt());
            assertEquals(6, resumed.size());
            assertEquals(1, tx(() -> sender.due(100)).size());

            // ended: the six planned sends are cancelled, and the programme takes no change any more
            tx(() -> programmes.end(id));
            em.clear();
            Programmes.Cycle second =
                    programmes.history(em.find(Programme.class, id)).get(0);
            assertEquals(1, second.cycle());
            assertEquals(6, second.planned());
            assertEquals(6, second.cancelled());
            assertEquals(List.of(), tx(() -> sender.due(100)));
            assertTrue(programmes.nextCycleStart(em.find(Programme.class, id)).isEmpty());
            var ended = assertThrows(
                    Programmes.StateException.class,
                    () -> tx(() -> programmes.update(
                            id,
                            new Programmes.Definition("Pilot", "relationship-nps", "pilot", 30, 5, "2026-12-07"),
                            messages)));
            assertEquals("problem.programmeEnded", ended.problem());
            em.close();
        } finally {
            emf.close();
        }
    }

    static Instant at(int days) {
        return START.plus(Duration.ofDays(days));
    }

    static void customer(Connection c, long id, String externalId, String email) throws java.sql.SQLException {
        LocalDateTime created = LocalDateTime.ofInstant(NOW.minusSeconds(86_400 * 400L), ZoneOffset.UTC);
        Jdbc.update(
                c,
                "INSERT INTO customer (id, external_id, name, email, plan, preferred_locale, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'Pilot', ?, ?, ?)",
                id,
                externalId,
                "Customer " + externalId,
                email,
                "en",
                created,
                created);
    }
}
