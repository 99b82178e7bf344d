package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.distribution.entity.Suppression;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.OutboxSetUp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suppression list at the outbox, against a real SMTP server (GreenMail) on H2 and PostgreSQL: an invitation
 * carries the one-click unsubscribe headers; a permanent refusal of the recipient (550) suppresses the address and
 * gives the mail up at once; a mail to a suppressed address is cancelled, and goes out again once the entry is lifted.
 */
class SuppressionOnBothDatabasesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String UNSUBSCRIBE = "https://feedback.example.test/unsubscribe/YW5uYQ.sig";

    EntityManagerFactory emf;
    EntityManager em;
    GreenMail smtp;
    MailOutbox outbox;
    SuppressionList list;

    void start(String database) {
        var dataSource = OutboxSetUp.migrated(database);
        emf = Jpa.on(dataSource);
        em = emf.createEntityManager();
        smtp = OutboxSetUp.smtp();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        list = new SuppressionList(em, null, new AuditLog(em, clock, "admin"), clock);
        outbox = new MailOutbox(
                em,
                dataSource,
                new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), "feedback@resonance.test"),
                null,
                list,
                clock);
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
            em.close();
            emf.close();
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        T result = work.get();
        em.getTransaction().commit();
        return result;
    }

    long enqueue(String recipient) {
        return inTransaction(() -> outbox.enqueue(new OutboxMail(
                                OutboxMail.Kind.INVITATION, null, recipient, "Ihre Meinung", "Hallo", null, NOW, NOW)
                        .unsubscribeAt(UNSUBSCRIBE)))
                .id();
    }

    boolean deliverAll() {
        return inTransaction(() -> {
            boolean sent = false;
            for (var claimed : outbox.claim(10)) {
                sent |= outbox.deliver(claimed);
            }
            return sent;
        });
    }

    OutboxMail mail(long id) {
        em.clear();
        return em.find(OutboxMail.class, id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anInvitationCarriesTheOneClickUnsubscribeHeaders(String database) throws Exception {
        start(database);
        enqueue("anna@example.test");
        assertTrue(deliverAll());
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("<" + UNSUBSCRIBE + ">", received.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPermanentRefusalSuppressesTheAddressAndGivesTheMailUp(String database) {
        start(database);
        String refused = "Nobody@" + OutboxSetUp.REFUSED_DOMAIN;
        long id = enqueue(refused);
        assertFalse(deliverAll());

        OutboxMail failed = mail(id);
        assertEquals("FAILED", failed.status(), "a 5xx is not retried");
        assertEquals(1, failed.attempts());
        assertEquals("SMTP " + OutboxSetUp.REFUSAL, failed.lastError());
        Suppression entry = list.active(refused).orElseThrow();
        assertEquals("nobody@" + OutboxSetUp.REFUSED_DOMAIN, entry.email());
        assertEquals(Suppression.Reason.BOUNCED, entry.reason());
        assertEquals("SMTP: " + OutboxSetUp.REFUSAL, entry.source());
        assertEquals(NOW, entry.createdAt());
        assertEquals(Set.of(entry.email()), list.suppressed(java.util.List.of(refused, "anna@example.test")));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aMailToASuppressedAddressIsCancelledUntilTheEntryIsLifted(String database) {
        start(database);
        Suppression entry = inTransaction(() -> list.unsubscribe("ANNA@example.test", SuppressionList.ONE_CLICK));
        long cancelled = enqueue("anna@example.test");
        assertFalse(deliverAll());
        assertEquals("CANCELLED", mail(cancelled).status());
        assertEquals(0, smtp.getReceivedMessages().length);

        assertTrue(inTransaction(() -> list.lift(entry.id(), "admin")).isPresent());
        assertTrue(list.active("anna@example.test").isEmpty());
        assertTrue(inTransaction(() -> list.lift(entry.id(), "admin")).isEmpty(), "lifted once");
        long again = enqueue("anna@example.test");
        assertTrue(deliverAll(), "mailable again");
        assertEquals("DELIVERED", mail(again).status());
        assertEquals(1, smtp.getReceivedMessages().length);
        long audited = em.createQuery(
                        "SELECT COUNT(e) FROM AuditEntry e WHERE e.action = 'suppressionLifted'", Long.class)
                .getSingleResult();
        assertEquals(1, audited);
    }
}
