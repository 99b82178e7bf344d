package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.distribution.entity.OutboxMail;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.OutboxSetUp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real in-process SMTP server (GreenMail): due mails are delivered with text and
 * HTML, mails for later wait, and while the server is down nothing is lost: the mail stays queued with a
 * later retry and goes out once the server answers again.
 */
class MailOutboxTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    DataSource dataSource;
    EntityManagerFactory emf;
    EntityManager em;
    int port;
    GreenMail smtp;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = OutboxSetUp.migrated("h2");
        emf = Jpa.on(dataSource);
        em = emf.createEntityManager();
        smtp = OutboxSetUp.smtp();
        port = smtp.getSmtp().getPort();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        em.close();
        emf.close();
    }

    MailOutbox outbox(Instant now) {
        return new MailOutbox(
                em,
                dataSource,
                new MailSettings("127.0.0.1", port, "feedback@resonance.test"),
                null,
                new SuppressionList(em, null, null, Clock.fixed(now, ZoneOffset.UTC)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        T result = work.get();
        em.getTransaction().commit();
        return result;
    }

    long enqueue(Instant notBefore, String recipient) {
        return inTransaction(() -> outbox(NOW)
                        .enqueue(new OutboxMail(
                                OutboxMail.Kind.INVITATION,
                                null,
                                recipient,
                                "Wie war es? <Ihre Meinung>",
                                "Hallo Anna,\nhttps://example.test/i/abc",
                                "<p>Hallo Anna, <a href=\"https://example.test/i/abc\">Umfrage</a></p>",
                                NOW,
                                notBefore)))
                .id();
    }

    boolean deliver(MailOutbox outbox, long id) {
        return inTransaction(() -> {
            boolean sent = false;
            for (var claimed : outbox.claim(10)) {
                sent |= claimed.id() == id && outbox.deliver(claimed);
            }
            return sent;
        });
    }

    @Test
    void aDueMailIsDeliveredWithTextAndHtmlAndItsBodyIsNotKept() throws Exception {
        long id = enqueue(NOW, "anna@example.test");
        long later = enqueue(NOW.plusSeconds(3600), "bert@example.test");
        MailOutbox outbox = outbox(NOW);
        assertEquals(List.of(id), inTransaction(() -> outbox.due(10)), "the mail for later is not due");
        assertTrue(deliver(outbox, id));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Wie war es? <Ihre Meinung>", received[0].getSubject());
        assertEquals("anna@example.test", received[0].getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("https://example.test/i/abc"), body);
        assertTrue(body.contains("text/html"), body);

        em.clear();
        OutboxMail sent = em.find(OutboxMail.class, id);
        assertEquals(NOW, sent.sentAt());
        assertNull(sent.bodyText(), "the personal link is not kept after sending");
        assertFalse(deliver(outbox, id), "a sent mail is never sent twice");
        assertEquals(1, smtp.getReceivedMessages().length);
        assertNull(em.find(OutboxMail.class, later).sentAt());
    }

    @Test
    void whileTheServerIsDownTheMailStaysQueuedAndGoesOutLater() throws Exception {
        long id = enqueue(NOW, "anna@example.test");
        smtp.stop();
        assertFalse(deliver(outbox(NOW), id));
        em.clear();
        OutboxMail failed = em.find(OutboxMail.class, id);
        assertEquals(1, failed.attempts());
        assertEquals(NOW.plusSeconds(60), failed.nextAttemptAt(), "first retry after a minute");
        assertNotNull(failed.lastError());
        assertNotNull(failed.bodyText(), "nothing is lost");
        assertEquals(List.of(), inTransaction(() -> outbox(NOW.plusSeconds(30)).due(10)), "not due before the retry");

        smtp = OutboxSetUp.smtp(port);
        MailOutbox later = outbox(NOW.plusSeconds(61));
        assertEquals(List.of(id), inTransaction(() -> later.due(10)));
        assertTrue(deliver(later, id));
        assertEquals(1, smtp.getReceivedMessages().length);
    }
}
