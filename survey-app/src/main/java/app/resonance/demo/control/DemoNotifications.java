package app.resonance.demo.control;

import app.resonance.followups.control.AlertsRaised;
import app.resonance.notifications.control.AlertNotifications;
import app.resonance.notifications.control.NotificationQueue;
import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The demo's notification destinations: a Slack one (English) and a Teams one (German), both pointed at the demo's
 * own receiver ({@code /demo/chat}, which records and shows what arrives), and the newest open tasks told to both so
 * that the receiver has messages to show right after the start. Every new detractor (the demo shop's widget, an
 * import) is told to them the way a real channel would hear of it.
 */
final class DemoNotifications {

    static final String SLACK_NAME = "#customer-success (demo)";
    static final String TEAMS_NAME = "Kundenerfolg (Demo)";
    static final int TOLD_TASKS = 3;

    private DemoNotifications() {}

    /** Registers the two destinations at {@code chatUrl} and queues the newest open tasks' messages. */
    static void write(Connection c, String chatUrl, Instant now) throws SQLException {
        destination(c, "SLACK", SLACK_NAME, chatUrl + "/slack/T0DEMO/B0DEMO/demo-secret", "en", now);
        destination(c, "TEAMS", TEAMS_NAME, chatUrl + "/teams/workflows/demo-secret", "de", now);
        List<Long> open = Jdbc.list(
                c,
                "SELECT id FROM follow_up WHERE status IN ('OPEN', 'IN_PROGRESS') AND response_id IS NOT NULL"
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + TOLD_TASKS + " ROWS ONLY",
                rs -> rs.getLong(1));
        AlertsRaised raised = new AlertsRaised(c, now, open);
        String console = chatUrl.endsWith("/demo/chat")
                ? chatUrl.substring(0, chatUrl.length() - "/demo/chat".length())
                : "http://localhost:8080";
        for (long id : open) {
            var task = raised.task(id);
            if (task.isPresent()) {
                var notice = AlertNotifications.notice(task.get(), console);
                for (NotificationQueue.Target target :
                        NotificationQueue.targets(c, task.get().surveyId())) {
                    NotificationQueue.enqueue(c, target, notice, now);
                }
            }
        }
    }

    private static void destination(Connection c, String kind, String name, String url, String language, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO notification_destination (id, kind, name, url, language, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, TRUE, ?)",
                Jdbc.nextval(c, "notification_destination_seq"),
                kind,
                name,
                url,
                language,
                now);
    }
}
