package app.resonance.notifications.control;

import app.resonance.distribution.control.MailSettings;
import app.resonance.followups.control.AlertsRaised;
import app.resonance.followups.entity.AlertKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Queues one message per matching destination for every task the alert rules created, inside the transaction that
 * raised the alerts ({@link AlertsRaised}): a destination matches when it is enabled, takes the task's survey and
 * wants at least one of its alert kinds. A task whose rules only make tasks is told by no message; alerts of rules
 * that notify without making a task are told about their response, linking to it (a segment's decline: to the
 * segment's dashboard); a rule's quiet hours hold
 * the messages in the outbox until they end. A failure here rolls the alerts back with it, and the rules run again.
 */
@ApplicationScoped
public class AlertNotifications {

    @Inject
    MailSettings mailSettings;

    public AlertNotifications() {}

    /** Made by hand (tests and tools): links into the console at this public address. */
    public AlertNotifications(MailSettings mailSettings) {
        this.mailSettings = mailSettings;
    }

    public void raised(@Observes AlertsRaised event) {
        try {
            for (long id : event.followUpIds()) {
                Instant at = event.notifyAt().get(id);
                Optional<AlertsRaised.Task> task = at == null ? Optional.empty() : event.task(id);
                if (task.isEmpty()) {
                    continue;
                }
                AlertNotice notice = notice(task.get(), Destinations.consoleBase(mailSettings));
                for (NotificationQueue.Target target :
                        NotificationQueue.targets(event.connection(), task.get().surveyId())) {
                    NotificationQueue.enqueue(event.connection(), target, notice, event.now(), at);
                }
            }
            for (var entry : event.untaskedNotifyAt().entrySet()) {
                Optional<AlertsRaised.Untasked> alerts = event.untasked(entry.getKey());
                if (alerts.isEmpty()) {
                    continue;
                }
                AlertNotice notice = notice(alerts.get(), Destinations.consoleBase(mailSettings));
                for (NotificationQueue.Target target : NotificationQueue.targets(
                        event.connection(), alerts.get().surveyId())) {
                    NotificationQueue.enqueue(event.connection(), target, notice, event.now(), entry.getValue());
                }
            }
            for (var entry : event.untaskedWindowAlerts().entrySet()) {
                Optional<AlertsRaised.WindowAlert> alert = event.windowAlert(entry.getKey());
                if (alert.isEmpty()) {
                    continue;
                }
                AlertNotice notice = notice(alert.get(), Destinations.consoleBase(mailSettings));
                for (NotificationQueue.Target target : NotificationQueue.targets(
                        event.connection(), alert.get().surveyId())) {
                    NotificationQueue.enqueue(event.connection(), target, notice, event.now(), entry.getValue());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Queueing the notifications failed", e);
        }
    }

    /**
     * What the messages say about the alerts of a response whose rules notify without making a task: the same as
     * for a task, linking to the response in the console.
     */
    public static AlertNotice notice(AlertsRaised.Untasked alerts, String consoleBase) {
        return new AlertNotice(
                null,
                alerts.responseId(),
                alerts.survey(),
                alerts.alerts().stream()
                        .map(AlertsRaised.Raised::kind)
                        .distinct()
                        .toList(),
                alerts.customer() != null ? alerts.customer() + " (" + alerts.customerId() + ")" : null,
                alerts.alerts().stream()
                        .map(AlertsRaised.Raised::score)
                        .filter(s -> s != null)
                        .findFirst()
                        .orElse(null),
                alerts.comment().orElse(null),
                consoleBase + "/admin/response.xhtml?survey=" + alerts.survey() + "&id=" + alerts.responseId());
    }

    /**
     * What the messages say about a segment's decline whose rule notifies without a task: the segment, linking to
     * its dashboard in the console.
     */
    public static AlertNotice notice(AlertsRaised.WindowAlert alert, String consoleBase) {
        String segment = alert.alert().segment();
        return new AlertNotice(
                null,
                null,
                alert.survey(),
                List.of(alert.alert().kind()),
                segment,
                null,
                null,
                consoleBase + "/admin/dashboard.xhtml?survey=" + alert.survey()
                        + (segment == null ? "" : "&segment=" + segment),
                change(alert.alert()));
    }

    /** A decline in figures, the same in every language: "20.0 → -12.0 (p = 0.010)". */
    static String change(AlertsRaised.Raised alert) {
        if (alert.figure() == null || alert.previousFigure() == null) {
            return null;
        }
        return String.format(
                java.util.Locale.ROOT,
                "%.1f → %.1f%s",
                alert.previousFigure(),
                alert.figure(),
                alert.pValue() == null ? "" : String.format(java.util.Locale.ROOT, " (p = %.3f)", alert.pValue()));
    }

    /** What the messages say about the task: its alerts' kinds, who, the score, the comment, the link. */
    public static AlertNotice notice(AlertsRaised.Task task, String consoleBase) {
        List<AlertKind> kinds =
                task.alerts().stream().map(AlertsRaised.Raised::kind).distinct().toList();
        Integer score = task.alerts().stream()
                .map(AlertsRaised.Raised::score)
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
        String who = task.customer() != null
                ? task.customer() + " (" + task.customerId() + ")"
                : task.segment() != null ? task.segment()[0] : task.topic() != null ? task.topic()[0] : null;
        return new AlertNotice(
                task.id(),
                task.responseId(),
                task.survey(),
                kinds,
                who,
                score,
                task.comment().orElse(null),
                consoleBase + "/admin/followup.xhtml?id=" + task.id());
    }
}
