package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.RollupUpdater;
import app.resonance.distribution.control.MailOutbox;
import app.resonance.distribution.control.MailSettings;
import app.resonance.testsupport.Jpa;
import app.resonance.testsupport.OutboxSetUp;
import app.resonance.testsupport.SampleData;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A detractor's alert becomes exactly one mail to the assignee, through the outbox and a real SMTP
 * server (GreenMail): in the assignee's language, with customer, score, due date, the comment as text
 * (escaped in the HTML part) and the link to the task page. No address, no mail.
 */
class TaskMailTest {

    static final Instant NOW = SampleData.T0.plusSeconds(60);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    DataSource dataSource;
    EntityManagerFactory emf;
    EntityManager em;
    GreenMail smtp;
    int port;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = OutboxSetUp.migrated("h2");
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new RollupUpdater(c, ZoneId.of("Europe/Berlin")).rebuild(true, NOW);
            c.commit();
            SampleData.seed(c);
            SampleData.sql(
                    c,
                    "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled,"
                            + " created_at, email, language)"
                            + " VALUES (9001, 'lead', 'Sabine', 'x', 'SUPPORT_LEAD', TRUE, ?, 'sabine@example.test', 'de')",
                    NOW);
            c.commit();
        }
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

    List<AlertRules.Created> runAlertRules() throws Exception {
        List<AlertRules.Created> created = new ArrayList<>();
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            var applied = new RollupUpdater(c, ZoneId.of("Europe/Berlin")).applyPendingEvents(1000);
            created.addAll(new AlertRules(c, NOW, TODAY, 90, 2).apply(applied.changes()));
            c.commit();
        }
        return created;
    }

    void notifyAndDeliver(List<AlertRules.Created> created) {
        MailSettings settings = new MailSettings("127.0.0.1", port, "feedback@resonance.test");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        MailOutbox outbox = new MailOutbox(em, dataSource, settings, null, null, clock);
        TaskMail mail = new TaskMail(em, outbox, settings, clock);
        em.getTransaction().begin();
        created.forEach(task -> mail.queue(new FollowUpAssigned(task.followUpId(), task.assigneeId())));
        em.getTransaction().commit();
        em.getTransaction().begin();
        for (var claimed : outbox.claim(10)) {
            assertTrue(outbox.deliver(claimed));
        }
        em.getTransaction().commit();
    }

    @Test
    void aDetractorsAlertSendsExactlyOneMailToTheAssigneeWithTheTaskLink() throws Exception {
        List<AlertRules.Created> created = runAlertRules();
        assertEquals(1, created.size(), created.toString());
        long task = created.get(0).followUpId();
        notifyAndDeliver(created);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("sabine@example.test", received[0].getAllRecipients()[0].toString());
        assertEquals("Neue Nachverfolgung: Kritiker – Anna (C-1)", received[0].getSubject());
        var parts = (jakarta.mail.internet.MimeMultipart) received[0].getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        String link = "http://localhost:8080/admin/followup.xhtml?id=" + task;
        assertTrue(text.contains("Aufgabe öffnen: " + link), text);
        assertTrue(text.contains("Kunde: Anna (C-1)"), text);
        assertTrue(text.contains("Bewertung: 3"), text);
        assertTrue(text.contains("Fällig: 2026-11-25"), text);
        assertTrue(
                text.contains("Kommentar:\n  Zu <b>langsam</b>"), "the text part has the comment as written: " + text);
        assertTrue(html.contains("<a href=\"" + link + "\">"), html);
        assertTrue(html.contains("<td>Zu &lt;b&gt;langsam&lt;/b&gt;</td>"), "the HTML part escapes it: " + html);
        assertFalse(html.contains("<b>"), html);

        // Running the rules again (a re-delivered event) raises no second task, so no second mail.
        notifyAndDeliver(runAlertRules());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void anAssigneeWithoutAnAddressGetsNoMailAndEnglishIsTheDefault() throws Exception {
        try (var c = dataSource.getConnection()) {
            SampleData.sql(c, "UPDATE app_user SET email = NULL WHERE id = 9001");
        }
        notifyAndDeliver(runAlertRules());
        assertEquals(0, smtp.getReceivedMessages().length);

        em.getTransaction().begin();
        var lead = em.find(app.resonance.security.entity.AppUser.class, 9001L);
        lead.contact("sabine@example.test", null);
        em.getTransaction().commit();
        long task = em.createQuery("SELECT f.id FROM FollowUp f", Long.class).getSingleResult();
        notifyAndDeliver(List.of(new AlertRules.Created(task, 9001L)));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("New follow-up: Detractor – Anna (C-1)", smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void aScriptInTheCommentIsTextInTheTaskMail() throws Exception {
        try (var c = dataSource.getConnection()) {
            SampleData.sql(
                    c,
                    "UPDATE answer SET text_value = ? WHERE id = 2",
                    "<script>window.__xss=1</script>\n'Zeile' & \"2\"");
        }
        notifyAndDeliver(runAlertRules());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        var parts = (jakarta.mail.internet.MimeMultipart) received[0].getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.contains("<script>window.__xss=1</script>\n  'Zeile' & \"2\""), "as written: " + text);
        assertTrue(
                html.contains(
                        "<td>&lt;script&gt;window.__xss=1&lt;/script&gt;<br>&#39;Zeile&#39; &amp; &quot;2&quot;</td>"),
                "escaped, line by line: " + html);
        assertFalse(html.contains("<script"), html);
    }
}
