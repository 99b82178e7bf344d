package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.customers.entity.Customer;
import app.resonance.demo.control.DemoDataLoader;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.ContactRules.ContactEvent;
import app.resonance.responses.entity.ContactSkip;
import app.resonance.surveys.entity.ContactKind;
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
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contact rules against the stored invitations and answers on H2 and PostgreSQL, on the demo: who is held back
 * and why, the widget's skip recorded once a day, and the customer's contact history as the customer page shows it.
 */
class ContactRulesOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rulesHistoryAndTheWidgetsSkip(String database) throws Exception {
        DataSource dataSource = DemoData.migratedWithDemo(database, TODAY, NOW);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            ContactRules rules = new ContactRules();
            rules.em = em;
            rules.overallDays = 30;
            rules.relationshipDays = 90;
            rules.transactionalDays = 30;

            Survey relationship = survey(em, "relationship-nps");
            Survey transactional = survey(em, "support-effort-ces");
            assertEquals(ContactKind.RELATIONSHIP, relationship.contactKind());
            assertEquals(ContactKind.TRANSACTIONAL, transactional.contactKind(), "the demo's support surveys");

            // The demo shop's customer was never asked; 45 days ago a relationship invitation is added.
            Customer shop = customer(em, DemoDataLoader.WIDGET_CUSTOMER);
            Customer invited = customer(em, "C-00021"); // invited by the relationship wave three days ago
            assertEquals(
                    Map.of(invited.id(), ContactSkip.Reason.CONTACTED_RECENTLY),
                    rules.heldBack(transactional, List.of(shop.id(), invited.id()), NOW));
            try (Connection c = dataSource.getConnection()) {
                Jdbc.update(
                        c,
                        "INSERT INTO invitation (id, survey_id, customer_id, token_hash, created_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        999_999L,
                        relationship.id(),
                        shop.id(),
                        "contact-rules-test",
                        LocalDateTime.ofInstant(NOW.minus(java.time.Duration.ofDays(45)), ZoneOffset.UTC));
            }
            assertEquals(
                    Map.of(shop.id(), ContactSkip.Reason.SAME_KIND_RECENTLY),
                    rules.heldBack(relationship, List.of(shop.id()), NOW));
            assertEquals(Map.of(), rules.heldBack(transactional, List.of(shop.id()), NOW));

            // The widget asks on every page view; its skip is recorded once a day.
            em.getTransaction().begin();
            assertFalse(rules.mayAsk(relationship, shop, ContactSkip.Channel.WIDGET, NOW));
            em.getTransaction().commit();
            em.getTransaction().begin();
            assertFalse(rules.mayAsk(relationship, shop, ContactSkip.Channel.WIDGET, NOW.plusSeconds(3600)));
            assertTrue(rules.mayAsk(transactional, shop, ContactSkip.Channel.WIDGET, NOW));
            em.getTransaction().commit();
            em.clear();

            List<ContactEvent> history = rules.history(customer(em, DemoDataLoader.WIDGET_CUSTOMER), 10);
            assertEquals(
                    List.of(
                            "2026-12-06T12:00:00Z relationship-nps SKIPPED WIDGET SAME_KIND_RECENTLY",
                            "2026-10-22T12:00:00Z relationship-nps INVITED null null"),
                    history.stream().map(ContactRulesOnBothDatabasesTest::line).toList());

            // The demo: C-00021 was invited by the relationship wave and skipped by the transactional one.
            List<String> demo = rules.history(customer(em, "C-00021"), 10).stream()
                    .map(ContactRulesOnBothDatabasesTest::line)
                    .map(l -> l.substring(l.indexOf(' ') + 1))
                    .toList();
            assertEquals("support-effort-ces SKIPPED WAVE CONTACTED_RECENTLY", demo.get(0), demo.toString());
            assertTrue(demo.contains("relationship-nps INVITED null null"), demo.toString());
            em.close();
        } finally {
            emf.close();
        }
    }

    static String line(ContactEvent e) {
        return e.at() + " " + e.survey() + " " + e.what() + " " + e.channel() + " " + e.reason();
    }

    static Survey survey(EntityManager em, String slug) {
        return em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                .setParameter("slug", slug)
                .getSingleResult();
    }

    static Customer customer(EntityManager em, String externalId) {
        return em.createQuery("SELECT c FROM Customer c WHERE c.externalId = :id", Customer.class)
                .setParameter("id", externalId)
                .getSingleResult();
    }
}
