package app.resonance.webhooks.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every event type a webhook receiver can get, named once: the {@code type} field of the payload and the
 * {@code Resonance-Event-Type} header. Later events (alerts, follow-ups) are added here.
 */
public enum WebhookEventType {
    /** A response was submitted. */
    RESPONSE_CREATED("response.created"),
    /** A response was changed afterwards (a changeable answer, a later page). */
    RESPONSE_CHANGED("response.changed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, such as {@code response.created}. */
    public String wireName() {
        return wireName;
    }

    /** The type of a response event of this kind (the {@code ResponseEvent.Kind} name). */
    public static Optional<WebhookEventType> ofResponseKind(String kind) {
        String wire = "response." + kind.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wire)).findFirst();
    }
}
