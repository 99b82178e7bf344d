package app.resonance.followups.control;

import app.resonance.analytics.control.RollupsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the alert rules on what the rollups saw ({@link RollupsChanged}, fired inside the rollup transaction):
 * alerts and tasks are written on that transaction's connection; new tasks are announced as {@link AlertsRaised}
 * inside the transaction (notifications and webhook events are queued on its connection) and as
 * {@link FollowUpAssigned} after the commit.
 */
@ApplicationScoped
public class AlertRaiser {

    @Inject
    Event<FollowUpAssigned> assigned;

    @Inject
    Event<AlertsRaised> raised;

    @Inject
    FollowUps followUps;

    @Inject
    @ConfigProperty(name = "resonance.followups.due-days", defaultValue = "2")
    int dueDays;

    @Inject
    @ConfigProperty(name = "resonance.followups.renewal-days", defaultValue = "90")
    int renewalDays;

    void raise(@Observes RollupsChanged event) {
        AlertRules rules =
                new AlertRules(event.connection(), event.now(), event.today(), renewalDays, dueDays, followUps.caps());
        List<AlertRules.Created> created;
        try {
            if (event.evidence() instanceof RollupsChanged.TopicRise t) {
                created =
                        rules
                                .topicRise(
                                        t.surveyId(),
                                        t.topicKey(),
                                        t.share(),
                                        t.previousShare(),
                                        t.pValue(),
                                        t.period())
                                .stream()
                                .toList();
            } else {
                created = rules.apply(((RollupsChanged.ScoreChanges) event.evidence()).changes());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The alert rules failed", e);
        }
        if (!created.isEmpty() || !rules.untaskedNotifyAt().isEmpty()) {
            raised.fire(new AlertsRaised(
                    event.connection(),
                    event.now(),
                    created.stream().map(AlertRules.Created::followUpId).toList(),
                    rules.notifyAt(),
                    rules.untaskedNotifyAt()));
        }
        event.raised(created.size());
        event.afterCommit(() ->
                created.forEach(task -> assigned.fire(new FollowUpAssigned(task.followUpId(), task.assigneeId()))));
    }
}
