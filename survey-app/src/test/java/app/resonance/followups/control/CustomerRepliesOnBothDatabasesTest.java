package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.distribution.control.MailOutbox;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.SuppressionList;
import app.resonance.distribution.entity.Suppression;
import app.resonance.followups.entity.FollowUp;
import app.resonance.security.entity.AppUser;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.OutboxSetUp;
import app.resonance.testsupport.SampleData;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies to a task's customer on H2 and PostgreSQL, through the outbox to a real SMTP server (GreenMail): the rules
 * that refuse one (an anonymous response, a customer without an address, a suppressed address), the customer's
 * language (the response's, then the customer's, then the survey's), and a reply sent: plain text to the customer
 * with a Reply-To of the lead (the company's sender for a lead without an address), kept in the task's history with
 * its delivery state, and audited.
 */
class CustomerRepliesOnBothDatabasesTest {

    static final Instant NOW = SampleData.T0.plusSeconds(3600);
    static final String SENDER = "feedback@resonance.test";

    DataSource dataSource;
    EntityManagerFactory emf;
    EntityManager em;
    GreenMail smtp;
    MailOutbox outbox;
    SuppressionList suppressions;
    CustomerReplies replies;

    void start(String database) throws Exception {
        dataSource = OutboxSetUp.migrated(database);
        try (var c = OutboxSetUp.seeded(dataSource)) {
            SampleData.sql(c, "UPDATE survey_version SET title_de = 'Kundenumfrage', title_en = 'Customer survey'");
            SampleData.sql(c, "UPDATE customer SET email = 'anna@example.test' WHERE id = 1");
            SampleData.sql(
                    c,
                    "INSERT INTO customer (id, external_id, name, email, preferred_locale, created_at, updated_at)"
                            + " VALUES (2, 'C-2', 'Bruno', NULL, 'it', ?, ?),"
                            + " (3, 'C-3', 'Chloé', 'chloe@example.test', 'fr-CH', ?, ?)",
                    NOW,
                    NOW,
                    NOW,
                    NOW);
            SampleData.sql(
                    c,
                    "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled, created_at,"
                            + " email) VALUES (9001, 'lead', 'Sabine Support', 'x', 'SUPPORT_LEAD', TRUE, ?,"
                            + " 'sabine@example.test'), (9002, 'quiet', 'Quentin', 'x', 'SUPPORT_LEAD', TRUE, ?, NULL)",
                    NOW,
                    NOW);
            // 1: Anna's response (German); 2: anonymous; 3: Bruno, no address; 4: Chloé without a response
            for (Object[] task : new Object[][] {{1L, 7L, 1L}, {2L, null, null}, {3L, null, 2L}, {4L, null, 3L}}) {
                SampleData.sql(
                        c,
                        "INSERT INTO follow_up (id, survey_id, response_id, customer_id, status, due_date, resurvey,"
                                + " created_at, updated_at, dedup_key) VALUES (?, 1, ?, ?, 'OPEN', ?, FALSE, ?, ?, ?)",
                        task[0],
                        task[1],
                        task[2],
                        java.time.LocalDate.of(2026, 11, 25),
                        NOW,
                        NOW,
                        "t" + task[0]);
            }
            c.commit();
        }
        emf = Jpa.on(dataSource);
        em = emf.createEntityManager();
        smtp = OutboxSetUp.smtp();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var audit = new AuditLog(em, clock, "system");
        suppressions = new SuppressionList(em, null, audit, clock);
        var settings = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), SENDER);
        outbox = new MailOutbox(em, dataSource, settings, null, suppressions, clock);
        replies = new CustomerReplies(em, outbox, settings, suppressions, audit, clock);
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

    void deliverAll() {
        inTransaction(() -> {
            for (var claimed : outbox.claim(10)) {
                outbox.deliver(claimed);
            }
            return null;
        });
    }

    FollowUp task(long id) {
        return em.find(FollowUp.class, id);
    }

    AppUser user(String username) {
        return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :u", AppUser.class)
                .setParameter("u", username)
                .getSingleResult();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void nobodyToWriteToIsRefusedWithTheReason(String database) throws Exception {
        start(database);
        assertEquals(Optional.empty(), replies.refusal(task(1)));
        assertEquals(Optional.of(CustomerReplies.Refusal.ANONYMOUS), replies.refusal(task(2)));
        assertEquals(Optional.of(CustomerReplies.Refusal.NO_ADDRESS), replies.refusal(task(3)));
        assertEquals("customer", CustomerReplies.Refusal.ANONYMOUS.field());
        assertEquals("customer.email", CustomerReplies.Refusal.NO_ADDRESS.field());

        inTransaction(() -> suppressions.suppress(
                "Chloe@Example.test ", Suppression.Reason.UNSUBSCRIBED, SuppressionList.LINK, NOW));
        assertEquals(Optional.of(CustomerReplies.Refusal.SUPPRESSED), replies.refusal(task(4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLanguageIsTheResponsesThenTheCustomersThenTheSurveys(String database) throws Exception {
        start(database);
        assertEquals("de", replies.language(task(1)), "the response was given in German");
        assertEquals("it", replies.language(task(3)), "no response: Bruno prefers Italian");
        assertEquals("fr", replies.language(task(4)), "fr-CH is French");
        assertEquals("de", replies.language(task(2)), "nobody: the survey's default language");

        var template = replies.template(task(1), null, user("lead"));
        assertEquals("Ihr Feedback zu „Kundenumfrage“", template.subject());
        assertTrue(
                template.body()
                        .startsWith("Hallo Anna,\n\nvielen Dank für Ihre Antwort vom 23. November 2026 auf unsere"
                                + " Umfrage „Kundenumfrage“."),
                template.body());
        assertTrue(template.body().endsWith("Freundliche Grüße\nSabine Support"), template.body());
        assertEquals(
                "Your feedback on \"Customer survey\"",
                replies.template(task(1), "en", user("lead")).subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aReplyGoesOutAsPlainTextAnswersToTheLeadAndStaysInTheHistory(String database) throws Exception {
        start(database);
        String body = "Hallo Anna,\n\n<b>Entschuldigung</b> & danke: <script>alert(1)</script>\n\nSabine";
        var sent = inTransaction(() -> replies.send(task(1), user("lead"), "de", "Ihr Feedback", body));
        assertEquals("PENDING", sent.delivery());
        deliverAll();

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("anna@example.test", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("Ihr Feedback", mail.getSubject());
        assertEquals("sabine@example.test", ((InternetAddress) mail.getReplyTo()[0]).getAddress());
        assertEquals(SENDER, ((InternetAddress) mail.getFrom()[0]).getAddress());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(1, parts.getCount(), "no HTML part: nothing the lead wrote becomes markup");
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals(body, ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));

        em.clear();
        var history = replies.replies(1);
        assertEquals(1, history.size());
        var reply = history.get(0);
        assertEquals("lead", reply.sender());
        assertEquals("anna@example.test", reply.recipient());
        assertEquals("sabine@example.test", reply.replyTo());
        assertEquals("de", reply.language());
        assertEquals("Ihr Feedback", reply.subject());
        assertEquals(body, reply.body(), "kept although the outbox clears its copy once sent");
        assertEquals(NOW, reply.createdAt());
        assertEquals("DELIVERED", reply.delivery());

        try (var c = dataSource.getConnection()) {
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM audit_entry WHERE actor = 'lead' AND action = 'replySent'"
                                    + " AND subject = 'C-1'"));
            assertEquals(1, SampleData.count(c, "SELECT COUNT(*) FROM mail_outbox WHERE body_text IS NULL"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLeadWithoutAnAddressGetsTheCompanysSenderAsReplyTo(String database) throws Exception {
        start(database);
        inTransaction(() -> replies.send(task(4), user("quiet"), "fr", "Votre avis", "Bonjour Chloé"));
        deliverAll();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals(SENDER, ((InternetAddress) mail.getReplyTo()[0]).getAddress());
        assertEquals(SENDER, replies.replies(4).get(0).replyTo());
        assertEquals("fr", replies.replies(4).get(0).language());
    }
}
