package app.resonance.webhooks.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every event type a webhook receiver can get, named once: the {@code type} field of the payload and the
 * {@code Resonance-Event-Type} header. Response events come from {@code webhook_event} rows of a response; alert
 * and task events carry their object in the row ({@code data}), written when they happened.
 */
public enum WebhookEventType {
    /** A response was submitted. */
    RESPONSE_CREATED("response.created"),
    /** A response was changed afterwards (a changeable answer, a later page). */
    RESPONSE_CHANGED("response.changed"),
    /** An alert rule fired on a response or a segment ({@code alert}: kind, score, customer, task). */
    ALERT_RAISED("alert.raised"),
    /** A follow-up task was created by the alert rules ({@code followUp}: id, status, assignee, due date, link). */
    FOLLOWUP_CREATED("followup.created"),
    /** A follow-up task was closed: done or cancelled ({@code followUp}, with its closing status). */
    FOLLOWUP_CLOSED("followup.closed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, such as {@code response.created}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type of a webhook event row's kind: a response event's {@code ResponseEvent.Kind} name ({@code CREATED}),
     * or the wire name itself for the events that carry their data ({@code alert.raised}).
     */
    public static Optional<WebhookEventType> ofResponseKind(String kind) {
        String wire = kind.contains(".") ? kind : "response." + kind.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wire)).findFirst();
    }
}
