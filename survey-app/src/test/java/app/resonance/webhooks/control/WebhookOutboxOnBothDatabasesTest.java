package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook outbox on H2 and PostgreSQL: events fanned out once, claimed once, retried, given up. */
class WebhookOutboxOnBothDatabasesTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static void sql(Connection c, String sql, Object... params) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(
                        i + 1, params[i] instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : params[i]);
            }
            s.execute();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A survey with an NPS and a comment question, and one response with its CREATED event at T0. */
    static void seed(Connection c) throws SQLException {
        sql(
                c,
                "INSERT INTO survey (id, slug, kind, status, anonymous, created_at, updated_at) VALUES (1, 'nps', 'NPS', 'OPEN', FALSE, ?, ?)",
                T0,
                T0);
        sql(
                c,
                "INSERT INTO survey_version (id, survey_id, version_no, state, default_locale, languages, created_at)"
                        + " VALUES (1, 1, 1, 'PUBLISHED', 'de', 'de,en', ?)",
                T0);
        sql(
                c,
                "INSERT INTO question (id, survey_version_id, position, question_key, question_type, required)"
                        + " VALUES (1, 1, 0, 'nps', 'NPS', TRUE), (2, 1, 1, 'why', 'LONG_TEXT', FALSE)");
        sql(
                c,
                "INSERT INTO customer (id, external_id, name, created_at, updated_at) VALUES (1, 'C-1', 'Anna', ?, ?)",
                T0,
                T0);
        sql(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at) VALUES (7, 1, 1, 1, 'API', 'de', 'COMPLETE', ?, ?, ?)",
                T0,
                T0,
                T0);
        sql(
                c,
                "INSERT INTO answer (id, response_id, question_id, score, text_value) VALUES (1, 7, 1, 3, NULL), (2, 7, 2, NULL, 'Zu <b>langsam</b>')");
        sql(
                c,
                "INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at) VALUES (100, 7, 1, 'CREATED', ?)",
                T0);
        sql(
                c,
                "INSERT INTO webhook_endpoint (id, url, secret, active, created_at) VALUES"
                        + " (1, 'https://crm.example.com/hook', 'whsec_1', TRUE, ?),"
                        + " (2, 'https://late.example.com/hook', 'whsec_2', TRUE, ?)",
                T0.minusSeconds(60),
                T0.plusSeconds(60));
        c.commit();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eventsBecomeOneSignedDeliveryPerEndpointRetriedUntilAccepted(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            seed(c);

            assertEquals(1, WebhookOutbox.fanOut(c, T0, 500));
            c.commit();
            assertEquals(0, WebhookOutbox.fanOut(c, T0, 500), "the cursor moved: nothing is fanned out twice");
            c.commit();
            assertEquals(
                    1,
                    count(c, "SELECT COUNT(*) FROM webhook_delivery"),
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
                    1, count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED' AND attempts = 2"));
            assertEquals(
                    0,
                    WebhookOutbox.claimDue(c, T0.plus(Duration.ofDays(1)), 20, Duration.ofMinutes(2))
                            .size());

            // A receiver that never answers: the delivery gives up after the last attempt, and stays visible.
            var gaveUp = new WebhookOutbox.Due(
                    retry.get(0).id(), "x", "s", 100, "response.created", "{}", WebhookOutbox.MAX_ATTEMPTS - 1);
            sql(c, "UPDATE webhook_delivery SET status = 'PENDING'");
            WebhookOutbox.failed(c, gaveUp, null, "ConnectException", T0, Duration.ofSeconds(30));
            c.commit();
            assertEquals(1, count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'FAILED'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAnonymousSurveysEventsNameNoCustomer(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            seed(c);
            sql(c, "UPDATE survey SET anonymous = TRUE");
            WebhookOutbox.fanOut(c, T0, 500);
            var due = WebhookOutbox.claimDue(c, T0, 20, Duration.ofMinutes(2));
            assertTrue(!due.get(0).payload().contains("C-1"), due.get(0).payload());
        }
    }
}
