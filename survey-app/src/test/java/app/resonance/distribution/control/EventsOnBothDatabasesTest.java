package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.distribution.entity.EventDispatch;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.control.AppSecrets;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event-triggered invitations on H2 and PostgreSQL with a clock the test moves: an event is planned after its rule's
 * delay inside the sending window of the customer's zone, sent once due (an invitation carrying the event's
 * attributes to its answer, a mail in the outbox), posted again it plans nothing more; a customer contacted recently
 * or suppressed is skipped with the reason (and a contact skip of the EVENT channel); the share is chosen by the id.
 */
class EventsOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

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
    void eventsArePlannedSentDedupedSkippedAndSampled(String database) throws Exception {
        DataSource dataSource = DemoData.migratedWithDemo(database, TODAY, NOW);
        try (Connection c = dataSource.getConnection()) {
            customer(c, 9_000_001L, "EV-1", "ev1@example.test");
            customer(c, 9_000_002L, "EV-2", "ev2@example.test");
            customer(c, 9_000_003L, "EV-3", "ev3@example.test");
            customer(c, 9_000_004L, "EV-4", "blocked@example.test");
            customer(c, 9_000_005L, "EV-5", "ev5@example.test");
        }
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            em = emf.createEntityManager();
            TestClock clock = new TestClock();
            Messages messages = Messages.of(Locale.ENGLISH);
            AuditLog audit = new AuditLog(em, clock, "admin");
            EventRules rules = new EventRules();
            rules.em = em;
            rules.audit = audit;
            rules.clock = clock;
            EventIntake intake = new EventIntake();
            intake.em = em;
            intake.rules = rules;
            intake.clock = clock;
            AppSecrets secrets = new AppSecrets() {
                @Override
                public byte[] unsubscribeKey() {
                    return new byte[32];
                }
            };
            SuppressionList suppressions = new SuppressionList(em, secrets, audit, clock);
            EventSender sender = new EventSender(
                    em,
                    new Invitations(em, clock),
                    new MailOutbox(em, dataSource, null, null, suppressions, clock),
                    suppressions,
                    new ContactRules(em, new ContactRules.Limits(30, 90, 30)),
                    clock);

            // the demo's ticket_solved rule: three invitations sent, one customer skipped, two tickets not sampled
            assertEquals(
                    List.of("ticket_solved post-support-csat 120 50 8-20 Europe/Berlin"),
                    rules.all().stream()
                            .map(r -> r.eventType() + " " + r.survey().slug() + " " + r.delayMinutes() + " "
                                    + r.samplePercent() + " " + r.sendFrom() + "-" + r.sendUntil() + " " + r.zone())
                            .toList());
            assertEquals(
                    new EventRules.Figures(0, 3, 1, 2),
                    rules.figures().get(rules.all().get(0).id()));
            Survey csat = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", "post-support-csat")
                    .getSingleResult();
            assertTrue(csat.isOpen());
            long rule = tx(() -> rules.create(
                            new EventRules.Definition(
                                    "case_closed", "post-support-csat", 120, 100, 8, 20, "Europe/Berlin", true),
                            messages))
                    .id();
            tx(() -> rules.create(
                    new EventRules.Definition("onboarding_done", "post-support-csat", 0, 10, null, null, null, null),
                    messages));
            tx(() -> suppressions.suppress("blocked@example.test", Suppression.Reason.BOUNCED, "SMTP", NOW));

            String base = "https://feedback.example.test";
            // 11:00 UTC (12:00 CET) + 2 h: due at 13:00 UTC, inside 8-20 in Berlin
            var first = tx(() -> intake.receive(
                    posted("T-1", "EV-1", "2026-12-06T11:00:00Z", null, Map.of("ticket_id", "48213", "agent", "Mia")),
                    base,
                    messages));
            assertEquals(false, first.duplicate());
            assertEquals(List.of("DUE 2026-12-06T13:00:00Z"), lines(first.dispatches()));
            // the same id again: the first event, nothing more planned
            var again = tx(() -> intake.receive(
                    posted("T-1", "EV-1", "2026-12-06T11:30:00Z", null, Map.of("ticket_id", "other")), base, messages));
            assertEquals(true, again.duplicate());
            assertEquals(first.event().id(), again.event().id());
            assertEquals(List.of("DUE 2026-12-06T13:00:00Z"), lines(again.dispatches()));
            // C-00021 was invited by the demo's relationship wave three days ago; EV-4's address bounced
            tx(() -> intake.receive(posted("T-2", "C-00021", "2026-12-06T11:00:00Z", null, Map.of()), base, messages));
            tx(() -> intake.receive(posted("T-4", "EV-4", "2026-12-06T11:00:00Z", null, Map.of()), base, messages));
            // the 10 % share: bucket 38 is out, bucket 8 is in
            assertEquals(
                    List.of("NOT_SAMPLED 2026-12-06T12:00:00Z"),
                    lines(tx(() -> intake.receive(posted("T-1002", "EV-2", null, null, Map.of()), base, messages))
                            .dispatches()));
            assertEquals(
                    List.of("DUE 2026-12-06T12:00:00Z"),
                    lines(tx(() -> intake.receive(posted("T-1003", "EV-2", null, null, Map.of()), base, messages))
                            .dispatches()));

            // 12:59: only the share's event is due (its delay is 0); it is sent
            clock.now = Instant.parse("2026-12-06T12:59:00Z");
            List<Long> due = tx(() -> sender.due(100));
            assertEquals(1, due.size());
            assertEquals("SENT", tx(() -> sender.send(due.get(0))).orElseThrow().name());
            // 13:00: T-1 is sent, T-2 and T-4 skipped with their reasons
            clock.now = Instant.parse("2026-12-06T13:00:00Z");
            List<String> outcomes = tx(() -> sender.due(100)).stream()
                    .map(id -> tx(() -> sender.send(id)).orElseThrow().name())
                    .toList();
            assertEquals(List.of("SENT", "SKIPPED", "SKIPPED"), outcomes);
            em.clear();
            assertEquals(List.of(), tx(() -> sender.due(100)), "nothing is due twice");
            Map<String, String> reasons = new java.util.TreeMap<>();
            em.createQuery(
                            "SELECT d.event.externalId, d.status, d.reason FROM EventDispatch d"
                                    + " WHERE d.event.externalId IN ('T-1', 'T-2', 'T-4')",
                            Object[].class)
                    .getResultList()
                    .forEach(r -> reasons.put((String) r[0], r[1] + " " + r[2]));
            assertEquals(
                    Map.of("T-1", "SENT null", "T-2", "SKIPPED CONTACTED_RECENTLY", "T-4", "SKIPPED SUPPRESSED"),
                    reasons);
            assertEquals(
                    List.of("C-00021 EVENT CONTACTED_RECENTLY", "EV-4 EVENT SUPPRESSED"),
                    em.createQuery(
                                    "SELECT CONCAT(s.customer.externalId, ' ', s.channel, ' ', s.reason)"
                                            + " FROM ContactSkip s WHERE s.channel = :event"
                                            + " AND s.skippedAt = :now ORDER BY s.customer.externalId",
                                    String.class)
                            .setParameter("event", app.resonance.responses.entity.ContactSkip.Channel.EVENT)
                            .setParameter("now", clock.now)
                            .getResultList());

            // the invitation's mail is in the outbox, and the event's attributes travel with the invitation
            EventDispatch sent = em.createQuery(
                            "SELECT d FROM EventDispatch d WHERE d.event.externalId = 'T-1'", EventDispatch.class)
                    .getSingleResult();
            Invitation invitation =
                    em.find(Invitation.class, sent.invitationId().orElseThrow());
            assertEquals("EV-1", invitation.customer().externalId());
            List<OutboxMail> mails = em.createQuery(
                            "SELECT m FROM OutboxMail m WHERE m.recipient = 'ev1@example.test'", OutboxMail.class)
                    .getResultList();
            assertEquals(1, mails.size());
            assertEquals(OutboxMail.Kind.INVITATION, mails.get(0).kind());
            assertTrue(mails.get(0).unsubscribeUrl().startsWith(base + "/unsubscribe/"));
            // answered: the response stores the attributes
            long responseId = tx(() -> {
                Response r = new Response(
                                csat.publishedVersion().orElseThrow(),
                                invitation.customer(),
                                Channel.INVITATION,
                                "de",
                                ResponseStatus.COMPLETE,
                                clock.now,
                                clock.now)
                        .answering(invitation);
                em.persist(r);
                em.flush();
                return r.id();
            });
            em.clear();
            assertEquals(
                    Map.of("ticket_id", "48213", "agent", "Mia"),
                    em.find(Response.class, responseId).eventAttributes());

            // posted at 18:30 UTC (19:30 CET), + 2 h is 21:30, after the window: the next morning at 08:00 CET
            // (07:00 UTC); in New York (the event's own zone) 15:30 EST + 2 h is inside the window
            clock.now = Instant.parse("2026-12-06T18:30:00Z");
            var late = tx(() ->
                    intake.receive(posted("T-3", "EV-3", "2026-12-06T18:30:00Z", null, Map.of()), base, messages));
            assertEquals(List.of("DUE 2026-12-07T07:00:00Z"), lines(late.dispatches()));
            var newYork = tx(() -> intake.receive(
                    posted("T-5", "EV-5", "2026-12-06T18:30:00Z", "America/New_York", Map.of()), base, messages));
            assertEquals(List.of("DUE 2026-12-06T20:30:00Z"), lines(newYork.dispatches()));
            clock.now = Instant.parse("2026-12-06T20:30:00Z");
            List<Long> evening = tx(() -> sender.due(100));
            assertEquals(List.of(newYork.dispatches().get(0).id()), evening);
            assertEquals(
                    "SENT", tx(() -> sender.send(evening.get(0))).orElseThrow().name());
            clock.now = Instant.parse("2026-12-07T06:59:59Z");
            assertEquals(List.of(), tx(() -> sender.due(100)));
            clock.now = Instant.parse("2026-12-07T07:00:00Z");
            List<Long> morning = tx(() -> sender.due(100));
            assertEquals(List.of(late.dispatches().get(0).id()), morning);
            assertEquals(
                    "SENT", tx(() -> sender.send(morning.get(0))).orElseThrow().name());
            em.clear();
            assertEquals(new EventRules.Figures(0, 3, 2, 0), rules.figures().get(rule));
            em.close();
        } finally {
            emf.close();
        }
    }

    static EventIntake.Posted posted(
            String id, String customer, String occurredAt, String zone, Map<String, String> attributes) {
        String type = id.startsWith("T-100") ? "onboarding_done" : "case_closed";
        return new EventIntake.Posted(id, type, customer, occurredAt, zone, attributes);
    }

    static List<String> lines(List<EventDispatch> dispatches) {
        return dispatches.stream().map(d -> d.status() + " " + d.dueAt()).toList();
    }

    static void customer(Connection c, long id, String externalId, String email) throws java.sql.SQLException {
        LocalDateTime created = LocalDateTime.ofInstant(NOW.minusSeconds(86_400 * 400L), ZoneOffset.UTC);
        Jdbc.update(
                c,
                "INSERT INTO customer (id, external_id, name, email, preferred_locale, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                externalId,
                "Customer " + externalId,
                email,
                "de",
                created,
                created);
    }
}
