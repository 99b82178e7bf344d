package app.resonance.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.distribution.control.WaveStats;
import app.resonance.surveys.entity.Survey;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.Jpa;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo shows the suppression list (one address for each reason, and a wave that skipped a suppressed customer)
 * and, with a chat receiver configured, a Slack and a Teams destination already told of the newest open tasks.
 */
class DemoSuppressionsOnBothDatabasesTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oneAddressPerReasonAndAWaveThatSkippedTheUnsubscribedCustomer(String database) throws Exception {
        var dataSource = DemoData.migratedWithDemo(database, LocalDate.parse("2026-12-06"), NOW);
        EntityManagerFactory emf = Jpa.on(dataSource);
        try {
            EntityManager em = emf.createEntityManager();
            List<?> reasons = em.createQuery(
                            "SELECT s.reason, s.source FROM Suppression s WHERE s.liftedAt IS NULL ORDER BY s.createdAt")
                    .getResultList();
            assertEquals(
                    List.of(
                            "UNSUBSCRIBED ONE_CLICK",
                            "BOUNCED SMTP: 550 5.1.1 User unknown",
                            "COMPLAINED API: admin",
                            "MANUAL API: admin"),
                    reasons.stream()
                            .map(r -> ((Object[]) r)[0] + " " + ((Object[]) r)[1])
                            .toList());
            assertEquals(
                    "feedback+c-00003@",
                    em.createQuery("SELECT s.email FROM Suppression s WHERE s.reason = :r", String.class)
                            .setParameter("r", app.resonance.distribution.entity.Suppression.Reason.UNSUBSCRIBED)
                            .getSingleResult()
                            .substring(0, 17));

            Survey survey = em.createQuery("SELECT s FROM Survey s WHERE s.slug = 'relationship-nps'", Survey.class)
                    .getSingleResult();
            var waves = new WaveStats(em).of(survey);
            assertEquals(
                    3,
                    waves.size(),
                    "the wave that respected the list, the planned wave of 100 days ago and the check-in wave of 120");
            assertEquals("plan:starter,enterprise-dach", waves.get(1).audience());
            var checkIn = waves.get(2);
            assertEquals("selection:" + DemoCheckInWave.REACHED, checkIn.audience());
            assertEquals(DemoCheckInWave.REACHED, checkIn.sent());
            assertTrue(checkIn.answered() > 0 && checkIn.answered() == checkIn.opened(), checkIn.toString());
            var wave = waves.get(0);
            assertEquals("selection:6", wave.audience());
            assertEquals(5, wave.invited());
            assertEquals(5, wave.sent());
            assertEquals(2, wave.opened());
            assertEquals(1, wave.skippedSuppressed());
            assertEquals(0, wave.skippedRecent());
            em.close();

            try (var c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                DemoNotifications.write(c, "http://localhost:8080/demo/chat", NOW);
                c.commit();
                var messages = app.resonance.platform.control.Jdbc.list(
                        c,
                        "SELECT n.kind, d.payload FROM notification_delivery d JOIN notification_destination n"
                                + " ON n.id = d.destination_id ORDER BY d.id",
                        rs -> java.util.Map.entry(rs.getString(1), rs.getString(2)));
                assertEquals(2 * DemoNotifications.TOLD_TASKS, messages.size(), "three tasks, told to both");
                for (var message : messages) {
                    jakarta.json.JsonObject json;
                    try (var reader = app.resonance.platform.control.Jsonp.createReader(
                            new java.io.StringReader(message.getValue()))) {
                        json = reader.readObject();
                    }
                    assertEquals(
                            List.of(),
                            message.getKey().equals("SLACK")
                                    ? app.resonance.notifications.control.ChatFormats.slackErrors(json)
                                    : app.resonance.notifications.control.ChatFormats.teamsErrors(
                                            message.getValue(), json));
                }
                org.junit.jupiter.api.Assertions.assertTrue(
                        messages.get(1).getValue().contains("Neuer Alarm: Kritiker"),
                        messages.get(1).getValue());
            }
        } finally {
            emf.close();
        }
    }
}
