package app.resonance.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.distribution.control.MailSettings;
import app.resonance.followups.control.AlertsRaised;
import app.resonance.followups.control.FollowUpEvents;
import app.resonance.platform.control.Jsonp;
import app.resonance.testsupport.OutboxSetUp;
import app.resonance.testsupport.SampleData;
import app.resonance.webhooks.control.WebhookOutbox;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new task's notifications and webhook events, written in the raising transaction on H2 and PostgreSQL: one chat
 * message per matching destination (enabled, its survey, one of its alert kinds), one mail per address, the
 * {@code alert.raised} and {@code followup.created} events fanned out to the endpoints like response events.
 */
class NotificationsOnBothDatabasesTest {

    static final Instant T0 = SampleData.T0;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNewTaskIsToldToEachMatchingDestinationOnceAndBecomesWebhookEvents(String database) throws SQLException {
        try (Connection c = OutboxSetUp.seeded(OutboxSetUp.migrated(database))) {
            SampleData.sql(
                    c,
                    "INSERT INTO follow_up (id, survey_id, response_id, customer_id, status, due_date, created_at,"
                            + " updated_at, dedup_key) VALUES (500, 1, 7, 1, 'OPEN', ?, ?, ?, 'response:7')",
                    java.time.LocalDate.of(2026, 11, 25),
                    T0,
                    T0);
            SampleData.sql(
                    c,
                    "INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,"
                            + " follow_up_id) VALUES (501, 'DETRACTOR', 1, 7, 1, 3, ?, 'DETRACTOR:response:7', 500)",
                    T0);
            SampleData.sql(
                    c,
                    "INSERT INTO notification_destination (id, kind, name, url, addresses, language, alert_kinds,"
                            + " enabled, created_at) VALUES"
                            + " (1, 'SLACK', 'slack', 'https://hooks.slack.com/services/x', NULL, 'en', NULL, TRUE, ?),"
                            + " (2, 'TEAMS', 'renewals only', 'https://x.example.com/wf', NULL, 'de', 'RENEWAL_AT_RISK',"
                            + " TRUE, ?),"
                            + " (3, 'EMAIL', 'team', NULL, 'a@example.com,b@example.com', 'de', 'DETRACTOR', TRUE, ?),"
                            + " (4, 'SLACK', 'paused', 'https://hooks.slack.com/services/y', NULL, 'en', NULL, FALSE, ?),"
                            + " (5, 'TEAMS', 'other survey', 'https://x.example.com/wf2', NULL, 'en', NULL, TRUE, ?)",
                    T0,
                    T0,
                    T0,
                    T0,
                    T0);
            SampleData.sql(
                    c,
                    "INSERT INTO survey (id, slug, kind, status, anonymous, created_at, updated_at)"
                            + " VALUES (2, 'other', 'NPS', 'OPEN', FALSE, ?, ?)",
                    T0,
                    T0);
            SampleData.sql(c, "INSERT INTO notification_destination_survey VALUES (5, 2), (1, 1)");
            // the seed wrote webhook event 100 by hand, past the sequence's first two values
            app.resonance.platform.control.Jdbc.nextval(c, "webhook_event_seq");
            app.resonance.platform.control.Jdbc.nextval(c, "webhook_event_seq");
            c.commit();

            AlertsRaised raised = new AlertsRaised(c, T0, List.of(500L));
            AlertNotifications notifications = new AlertNotifications();
            notifications.mailSettings = new MailSettings("localhost", 25, "resonance@example.com");
            notifications.raised(raised);
            new FollowUpEvents().raised(raised);
            c.commit();

            assertEquals(
                    1,
                    SampleData.count(c, "SELECT COUNT(*) FROM notification_delivery"),
                    "the Slack destination only: the others are paused, for another survey or other kinds");
            assertEquals(
                    2,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE recipient IN ('a@example.com', 'b@example.com')"
                                    + " AND subject = 'Resonance-Alarm: Neuer Alarm: Kritiker – Anna (C-1)'"));

            var due = NotificationQueue.claimDue(c, T0, 20, Duration.ofMinutes(2));
            c.commit();
            assertEquals(1, due.size());
            assertEquals("https://hooks.slack.com/services/x", due.get(0).url());
            JsonObject slack = json(due.get(0).payload());
            assertEquals(List.of(), ChatFormats.slackErrors(slack));
            assertEquals(
                    "Comment\nZu <b>langsam</b>",
                    slack.getJsonArray("blocks")
                            .getJsonObject(2)
                            .getJsonObject("text")
                            .getString("text"));
            assertEquals(
                    0,
                    NotificationQueue.claimDue(c, T0, 20, Duration.ofMinutes(2)).size(),
                    "claimed once");
            c.commit();

            assertEquals(3, WebhookOutbox.fanOut(c, T0, 500), "the response event, alert.raised, followup.created");
            c.commit();
            var events = WebhookOutbox.claimDue(c, T0, 20, Duration.ofMinutes(2));
            c.commit();
            JsonObject alert = events.stream()
                    .filter(e -> e.eventType().equals("alert.raised"))
                    .map(e -> json(e.payload()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("nps", alert.getString("survey"));
            assertEquals(
                    "{\"id\":501,\"kind\":\"DETRACTOR\",\"followUp\":500,\"score\":3,\"customer\":\"C-1\",\"response\":7}",
                    alert.getJsonObject("alert").toString());
            JsonObject task = events.stream()
                    .filter(e -> e.eventType().equals("followup.created"))
                    .map(e -> json(e.payload()).getJsonObject("followUp"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "{\"id\":500,\"status\":\"OPEN\",\"dueDate\":\"2026-11-25\","
                            + "\"url\":\"http://localhost:8080/admin/followup.xhtml?id=500\",\"customer\":\"C-1\","
                            + "\"alerts\":[\"DETRACTOR\"]}",
                    task.toString());
            assertTrue(events.stream().allMatch(e -> e.url().equals("https://crm.example.com/hook")));
        }
    }

    /**
     * Alerts of a rule that notifies without making a task: each matching destination hears about the response
     * (the link opens the response, the message says so), and {@code alert.raised} goes out without a task.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void alertsWithoutATaskAreToldAboutTheirResponse(String database) throws SQLException {
        try (Connection c = OutboxSetUp.seeded(OutboxSetUp.migrated(database))) {
            SampleData.sql(
                    c,
                    "INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,"
                            + " follow_up_id) VALUES (601, 'KEYWORD', 1, 7, 1, 3, ?, 'KEYWORD:61:response:7', NULL)",
                    T0);
            SampleData.sql(
                    c,
                    "INSERT INTO notification_destination (id, kind, name, url, addresses, language, alert_kinds,"
                            + " enabled, created_at) VALUES"
                            + " (1, 'SLACK', 'slack', 'https://hooks.slack.com/services/x', NULL, 'en', NULL, TRUE, ?),"
                            + " (2, 'TEAMS', 'detractors', 'https://x.example.com/wf', NULL, 'de', 'DETRACTOR', TRUE,"
                            + " ?), (3, 'EMAIL', 'team', NULL, 'a@example.com', 'de', 'KEYWORD', TRUE, ?)",
                    T0,
                    T0,
                    T0);
            app.resonance.platform.control.Jdbc.nextval(c, "webhook_event_seq");
            app.resonance.platform.control.Jdbc.nextval(c, "webhook_event_seq");
            c.commit();

            Instant afterQuietHours = T0.plus(Duration.ofHours(3));
            AlertsRaised raised =
                    new AlertsRaised(c, T0, List.of(), java.util.Map.of(), java.util.Map.of(7L, afterQuietHours));
            AlertNotifications notifications = new AlertNotifications();
            notifications.mailSettings = new MailSettings("localhost", 25, "resonance@example.com");
            notifications.raised(raised);
            new FollowUpEvents().raised(raised);
            c.commit();

            assertEquals(
                    0,
                    NotificationQueue.claimDue(c, T0, 20, Duration.ofMinutes(2)).size(),
                    "held until the quiet hours end");
            var due = NotificationQueue.claimDue(c, afterQuietHours, 20, Duration.ofMinutes(2));
            c.commit();
            assertEquals(1, due.size(), "Slack only: the Teams destination wants detractors");
            JsonObject slack = json(due.get(0).payload());
            assertEquals(List.of(), ChatFormats.slackErrors(slack));
            String blocks = slack.getJsonArray("blocks").toString();
            assertTrue(
                    blocks.contains(
                            "<http://localhost:8080/admin/response.xhtml?survey=nps&amp;id=7|Open the response>"),
                    blocks);
            assertTrue(blocks.contains("Survey nps · response 7"), blocks);
            assertEquals(
                    1,
                    SampleData.count(c, "SELECT COUNT(*) FROM notification_delivery WHERE follow_up_id IS NULL"),
                    "a delivery about no task");
            String mail = app.resonance.platform.control.Jdbc.first(
                            c,
                            "SELECT body_text FROM mail_outbox WHERE recipient = 'a@example.com'",
                            rs -> rs.getString(1))
                    .orElseThrow();
            assertTrue(
                    mail.contains("Antwort öffnen: http://localhost:8080/admin/response.xhtml?survey=nps&id=7"), mail);

            assertEquals(2, WebhookOutbox.fanOut(c, T0, 500), "the response event and alert.raised");
            c.commit();
            JsonObject alert = WebhookOutbox.claimDue(c, T0, 20, Duration.ofMinutes(2)).stream()
                    .filter(e -> e.eventType().equals("alert.raised"))
                    .map(e -> json(e.payload()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "{\"id\":601,\"kind\":\"KEYWORD\",\"score\":3,\"customer\":\"C-1\",\"response\":7}",
                    alert.getJsonObject("alert").toString());
        }
    }

    static JsonObject json(String text) {
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
