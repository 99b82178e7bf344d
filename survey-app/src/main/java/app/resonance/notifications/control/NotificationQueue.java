package app.resonance.notifications.control;

import app.resonance.followups.entity.AlertKind;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Notifications in the one outbox ({@link Outbox}), in plain JDBC on the caller's connection and transaction:
 * chat messages as {@code notification_delivery} rows (delivered by {@link NotificationDispatcher}), e-mails as
 * {@code mail_outbox} rows (delivered with every other mail). Written in the transaction that raised the alert, so
 * a message goes out exactly when the alert exists.
 */
public final class NotificationQueue {

    /** After this many failed attempts (about two days with the default pause) a chat message gives up. */
    public static final int MAX_ATTEMPTS = 15;

    /**
     * Chat messages in the one outbox: 15 attempts, 30 seconds (configurable) doubling up to six hours; only
     * messages to an enabled destination are due.
     */
    public static final Outbox.Channel CHANNEL = new Outbox.Channel(
            "notification_delivery",
            MAX_ATTEMPTS,
            Duration.ofSeconds(30),
            Duration.ofHours(6),
            "destination_id IN (SELECT id FROM notification_destination WHERE enabled = TRUE)",
            List.of());

    private NotificationQueue() {}

    /** A destination as the queue needs it. */
    public record Target(
            long id, DestinationRules.Kind kind, String language, List<String> addresses, List<AlertKind> alertKinds) {

        /** The notice as this destination wants it: only its alert kinds (all when none are chosen). */
        AlertNotice filter(AlertNotice notice) {
            return alertKinds.isEmpty() ? notice : notice.only(alertKinds);
        }
    }

    /** The enabled destinations for alerts of this survey (those without surveys take every survey's). */
    public static List<Target> targets(Connection c, long surveyId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT d.id, d.kind, d.language, d.addresses, d.alert_kinds FROM notification_destination d"
                        + " WHERE d.enabled = TRUE AND (NOT EXISTS (SELECT 1 FROM notification_destination_survey s"
                        + " WHERE s.destination_id = d.id) OR EXISTS (SELECT 1 FROM notification_destination_survey s"
                        + " WHERE s.destination_id = d.id AND s.survey_id = ?)) ORDER BY d.id",
                NotificationQueue::target,
                surveyId);
    }

    static Target target(java.sql.ResultSet rs) throws SQLException {
        return new Target(
                rs.getLong(1),
                DestinationRules.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                split(rs.getString(4)),
                split(rs.getString(5)).stream()
                        .map(k -> DestinationRules.alertKind(k).orElse(null))
                        .filter(k -> k != null)
                        .toList());
    }

    /** Comma-separated values; none for null. */
    static List<String> split(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }

    /**
     * Queues the notice for a destination in its language: one chat message, or one mail per address. Nothing when
     * none of the notice's alert kinds is one the destination wants (a test notice has none and always goes).
     * Answers the number of messages queued.
     */
    public static int enqueue(Connection c, Target target, AlertNotice notice, Instant now) throws SQLException {
        return enqueue(c, target, notice, now, now);
    }

    /** Queues the messages to go out at {@code sendAt} (the end of quiet hours) or later. */
    public static int enqueue(Connection c, Target target, AlertNotice notice, Instant now, Instant sendAt)
            throws SQLException {
        boolean test = notice.kinds().isEmpty();
        AlertNotice wanted = target.filter(notice);
        if (!test && wanted.kinds().isEmpty()) {
            return 0;
        }
        Messages messages = Messages.of(Locale.forLanguageTag(target.language()));
        if (target.kind() == DestinationRules.Kind.EMAIL) {
            ChatMessages.Mail mail = ChatMessages.mail(wanted, messages);
            for (String address : target.addresses()) {
                Jdbc.update(
                        c,
                        "INSERT INTO mail_outbox (id, kind, recipient, subject, body_text, created_at, next_attempt_at,"
                                + " attempts, status, row_version) VALUES (?, 'FOLLOW_UP', ?, ?, ?, ?, ?, 0, 'PENDING', 0)",
                        Jdbc.nextval(c, "mail_outbox_seq"),
                        address,
                        mail.subject(),
                        mail.text(),
                        now,
                        sendAt);
            }
            return target.addresses().size();
        }
        String payload = target.kind() == DestinationRules.Kind.SLACK
                ? ChatMessages.slack(wanted, messages)
                : ChatMessages.teams(wanted, messages);
        Jdbc.update(
                c,
                "INSERT INTO notification_delivery (id, destination_id, follow_up_id, payload, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                Jdbc.nextval(c, "notification_delivery_seq"),
                target.id(),
                test ? null : notice.followUpId(),
                payload,
                sendAt,
                now);
        return 1;
    }

    /** A chat message to send now. */
    public record Due(long id, long destinationId, String url, String payload, int attempts) {}

    /** Claims up to {@code limit} due chat messages for {@code lease}; another instance skips them meanwhile. */
    public static List<Due> claimDue(Connection c, Instant now, int limit, Duration lease) throws SQLException {
        List<Due> claimed = new ArrayList<>();
        for (Outbox.Claimed row : Outbox.claim(c, CHANNEL, now, limit, lease)) {
            Jdbc.first(
                            c,
                            "SELECT d.destination_id, n.url, d.payload FROM notification_delivery d"
                                    + " JOIN notification_destination n ON n.id = d.destination_id WHERE d.id = ?",
                            rs -> new Due(row.id(), rs.getLong(1), rs.getString(2), rs.getString(3), row.attempts()),
                            row.id())
                    .ifPresent(claimed::add);
        }
        return claimed;
    }
}
