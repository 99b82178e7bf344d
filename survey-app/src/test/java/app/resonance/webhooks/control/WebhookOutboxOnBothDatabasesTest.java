package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.OutboxSetUp;
import app.resonance.testsupport.SampleData;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook outbox on H2 and PostgreSQL: events fanned out once, claimed once, retried, given up. */
class WebhookOutboxOnBothDatabasesTest {

    static final Instant T0 = SampleData.T0;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eventsBecomeOneSignedDeliveryPerEndpointRetriedUntilAccepted(String database) throws SQLException {
        try (Connection c = OutboxSetUp.seeded(OutboxSetUp.migrated(database))) {

            assertEquals(1, WebhookOutbox.fanOut(c, T0, 500));
            c.commit();
            assertEquals(0, WebhookOutbox.fanOut(c, T0, 500), "consumed: nothing is fanned out twice");
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(c, "SELECT COUNT(*) FROM webhook_delivery"),
                    "only the endpoint registered before the event gets it");

            var due = WebhookOutbox.claimDue(c, T0, 20, Duration.ofMinutes(2));
            c.commit();
            assertEquals(1, due.size());
            assertEquals("https://crm.example.com/hook", due.get(0).url());
            assertEquals("response.created", due.get(0).eventType());
            assertEquals(
                    "{\"id\":\"evt_100\",\"type\":\"response.created\",\"occurredAt\":\"2026-11-23T10:00:00Z\","
                            + "\"survey\":\"nps\",\"response\":{\"id\":7,\"status\":\"COMPLETE\",\"channel\":\"API\","
                            + "\"locale\":\"de\",\"submittedAt\":\"2026-11-23T10:00:00Z\",\"customer\":\"C-1\","
                            + "\"answers\":{\"nps\":3,\"why\":\"Zu <b>langsam</b>\"}}}",
                    due.get(0).payload());
            assertEquals(
                    0,
                    WebhookOutbox.claimDue(c, T0.plusSeconds(1), 20, Duration.ofMinutes(2))
                            .size(),
                    "claimed: no other instance sends it meanwhile");
            c.commit();

            WebhookOutbox.failed(c, due.get(0), 503, "HTTP 503", T0, Duration.ofSeconds(30));
            c.commit();
            assertEquals(
                    0,
                    WebhookOutbox.claimDue(c, T0.plusSeconds(29), 20, Duration.ofMinutes(2))
                            .size());
            var retry = WebhookOutbox.claimDue(c, T0.plusSeconds(30), 20, Duration.ofMinutes(2));
            assertEquals(1, retry.size(), "retried after the pause");
            assertEquals(1, retry.get(0).attempts());
            WebhookOutbox.delivered(c, retry.get(0).id(), 204, T0.plusSeconds(31));
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(
                            c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED' AND attempts = 2"));
            assertEquals(
                    0,
                    WebhookOutbox.claimDue(c, T0.plus(Duration.ofDays(1)), 20, Duration.ofMinutes(2))
                            .size());

            // A receiver that never answers: the delivery gives up after the last attempt, and stays visible.
            var gaveUp = new WebhookOutbox.Due(
                    retry.get(0).id(), "x", "s", 100, "response.created", "{}", WebhookOutbox.MAX_ATTEMPTS - 1);
            SampleData.sql(c, "UPDATE webhook_delivery SET status = 'PENDING'");
            WebhookOutbox.failed(c, gaveUp, null, "ConnectException", T0, Duration.ofSeconds(30));
            c.commit();
            assertEquals(1, SampleData.count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'FAILED'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAnonymousSurveysEventsNameNoCustomer(String database) throws SQLException {
        try (Connection c = OutboxSetUp.seeded(OutboxSetUp.migrated(database))) {
            SampleData.sql(c, "UPDATE survey SET anonymous = TRUE");
            WebhookOutbox.fanOut(c, T0, 500);
            var due = WebhookOutbox.claimDue(c, T0, 20, Duration.ofMinutes(2));
            assertTrue(!due.get(0).payload().contains("C-1"), due.get(0).payload());
        }
    }
}
