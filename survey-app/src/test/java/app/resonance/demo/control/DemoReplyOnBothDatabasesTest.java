package app.resonance.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.audit.control.AuditLog;
import app.resonance.followups.control.CustomerReplies;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo shows a reply to a customer: the first task of the follow-up list (open, overdue) has the lead's delivered
 * reply in its history, written from the template in the customer's language with a sentence of the lead's.
 */
class DemoReplyOnBothDatabasesTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theFirstTaskOfTheListHasTheLeadsDeliveredReply(String database) throws Exception {
        var dataSource = DemoData.migratedWithDemo(database, LocalDate.parse("2026-12-06"), NOW);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            var em = emf.createEntityManager();
            // the first task of the list: open, the earliest due (the list orders by status, then due date)
            FollowUp task = em.createQuery(
                            "SELECT f FROM FollowUp f WHERE f.status = :s ORDER BY f.dueDate, f.id", FollowUp.class)
                    .setParameter("s", FollowUpStatus.OPEN)
                    .setMaxResults(1)
                    .getSingleResult();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            var replies =
                    new CustomerReplies(em, null, null, null, new AuditLog(em, clock, "x"), clock).replies(task.id());
            assertEquals(1, replies.size());
            var reply = replies.get(0);
            assertEquals("lead", reply.sender());
            assertEquals(DemoAccounts.LEAD_EMAIL, reply.replyTo());
            assertEquals("DELIVERED", reply.delivery());
            var customer = em.find(app.resonance.customers.entity.Customer.class, task.customerId());
            assertEquals(customer.email(), reply.recipient());
            String greeting = reply.language().equals("de") ? "Hallo " : "Hello ";
            assertTrue(reply.body().startsWith(greeting + customer.name() + ",\n\n"), reply.body());
            assertTrue(reply.body().endsWith("\nSabine Support-Lead"), reply.body());
            assertTrue(reply.body().contains("Es tut uns leid") || reply.body().contains("We are sorry"), reply.body());
            assertEquals(
                    1L,
                    em.createQuery("SELECT COUNT(r) FROM FollowUpReply r", Long.class)
                            .getSingleResult(),
                    "one reply in the demo");
            em.close();
        } finally {
            emf.close();
        }
    }
}
