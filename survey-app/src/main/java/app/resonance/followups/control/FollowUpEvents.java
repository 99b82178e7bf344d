package app.resonance.followups.control;

import app.resonance.distribution.control.MailSettings;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.FollowUp;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Jsonp;
import app.resonance.webhooks.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The webhook events of the loop, written as {@code webhook_event} rows in the transaction of what they tell (the
 * webhook dispatcher turns them into signed deliveries like {@code response.created}): {@code alert.raised} for
 * every alert of a new task and {@code followup.created} for the task, when the rules raise them, and {@code
 * alert.raised} (without {@code followUp}) for the alerts of rules that notify without making a task; {@code
 * followup.closed} when a task is done or cancelled.
 */
@ApplicationScoped
public class FollowUpEvents {

    public static final String ALERT_RAISED = "alert.raised";
    public static final String FOLLOWUP_CREATED = "followup.created";
    public static final String FOLLOWUP_CLOSED = "followup.closed";

    @Inject
    MailSettings mailSettings;

    public void raised(@Observes AlertsRaised event) {
        String base = base(mailSettings);
        try {
            for (long id : event.followUpIds()) {
                var task = event.task(id);
                if (task.isEmpty()) {
                    continue;
                }
                AlertsRaised.Task t = task.get();
                for (AlertsRaised.Raised alert : t.alerts()) {
                    JsonObjectBuilder json = Jsonp.createObjectBuilder()
                            .add("id", alert.id())
                            .add("kind", alert.kind().name())
                            .add("followUp", t.id());
                    figures(json, alert);
                    if (t.customerId() != null) {
                        json.add("customer", t.customerId());
                    }
                    if (t.responseId() != null) {
                        json.add("response", t.responseId());
                    }
                    insert(event.connection(), t.surveyId(), ALERT_RAISED, wrap("alert", json), event.now());
                }
                JsonObjectBuilder followUp = followUp(t.id(), "OPEN", t.assignee(), t.dueDate(), t.customerId(), base);
                var kinds = Jsonp.createArrayBuilder();
                t.alerts().stream().map(a -> a.kind().name()).distinct().forEach(kinds::add);
                followUp.add("alerts", kinds);
                insert(event.connection(), t.surveyId(), FOLLOWUP_CREATED, wrap("followUp", followUp), event.now());
            }
            for (long responseId : event.untaskedNotifyAt().keySet()) {
                var untasked = event.untasked(responseId);
                if (untasked.isEmpty()) {
                    continue;
                }
                AlertsRaised.Untasked u = untasked.get();
                for (AlertsRaised.Raised alert : u.alerts()) {
                    JsonObjectBuilder json = Jsonp.createObjectBuilder()
                            .add("id", alert.id())
                            .add("kind", alert.kind().name());
                    figures(json, alert);
                    if (u.customerId() != null) {
                        json.add("customer", u.customerId());
                    }
                    json.add("response", u.responseId());
                    insert(event.connection(), u.surveyId(), ALERT_RAISED, wrap("alert", json), event.now());
                }
            }
            for (long alertId : event.untaskedWindowAlerts().keySet()) {
                var window = event.windowAlert(alertId);
                if (window.isEmpty()) {
                    continue;
                }
                JsonObjectBuilder json = Jsonp.createObjectBuilder()
                        .add("id", window.get().alert().id())
                        .add("kind", window.get().alert().kind().name());
                figures(json, window.get().alert());
                insert(event.connection(), window.get().surveyId(), ALERT_RAISED, wrap("alert", json), event.now());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the webhook events of new tasks failed", e);
        }
    }

    /**
     * What an alert found: the score (and the earlier one) of a response's alert; the segment or the topic, the
     * two windows' figures and the p-value of a segment decline or a topic rise (as the API's Alert names them).
     */
    private static void figures(JsonObjectBuilder json, AlertsRaised.Raised alert) {
        if (alert.kind() != AlertKind.SEGMENT_DECLINE && alert.kind() != AlertKind.TOPIC_RISE) {
            if (alert.score() != null) {
                json.add("score", alert.score());
            }
            if (alert.previousScore() != null) {
                json.add("previousScore", alert.previousScore());
            }
            return;
        }
        if (alert.segment() != null) {
            json.add("segment", alert.segment());
        }
        if (alert.topic() != null) {
            json.add("topic", alert.topic());
        }
        if (alert.figure() != null) {
            json.add("figure", alert.figure());
        }
        if (alert.previousFigure() != null) {
            json.add("previousFigure", alert.previousFigure());
        }
        if (alert.pValue() != null) {
            json.add("pValue", alert.pValue());
        }
    }

    /** Records {@code followup.closed} for a task just closed, in the entity manager's transaction. */
    static void closed(EntityManager em, FollowUp task, String customerId, MailSettings settings, Instant now) {
        JsonObjectBuilder followUp = followUp(
                task.id(),
                task.status().name(),
                task.assignee().map(u -> u.username()).orElse(null),
                task.dueDate(),
                customerId,
                base(settings));
        followUp.add("closedAt", now.toString());
        em.persist(new WebhookEvent(task.surveyId(), FOLLOWUP_CLOSED, wrap("followUp", followUp), now));
    }

    /** A task as its events describe it. */
    static JsonObjectBuilder followUp(
            long id, String status, String assignee, LocalDate due, String customerId, String base) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", id)
                .add("status", status)
                .add("dueDate", due.toString())
                .add("url", base + "/admin/followup.xhtml?id=" + id);
        if (assignee != null) {
            json.add("assignee", assignee);
        }
        if (customerId != null) {
            json.add("customer", customerId);
        }
        return json;
    }

    private static String wrap(String name, JsonObjectBuilder object) {
        return Jsonp.createObjectBuilder().add(name, object).build().toString();
    }

    private static void insert(Connection c, long surveyId, String type, String data, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO webhook_event (id, response_id, survey_id, kind, occurred_at, data)"
                        + " VALUES (?, NULL, ?, ?, ?, ?)",
                Jdbc.nextval(c, "webhook_event_seq"),
                surveyId,
                type,
                now,
                data);
    }

    private static String base(MailSettings settings) {
        return settings == null ? "http://localhost:8080" : settings.publicUrl().orElse("http://localhost:8080");
    }
}
