package app.resonance.notifications.boundary;

import app.resonance.notifications.control.Destinations;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Notification destinations and their messages as the admin API takes and answers them (records, JSON-B). */
public final class NotificationJson {

    private NotificationJson() {}

    @Schema(
            name = "NotificationDestinationRequest",
            description = "A destination for alert notifications: a Slack incoming webhook, a Microsoft Teams workflow"
                    + " webhook or e-mail addresses")
    public record DestinationRequest(
            @Schema(
                    required = true,
                    enumeration = {"SLACK", "TEAMS", "EMAIL"})
            String kind,

            @Schema(required = true, maxLength = 100) String name,

            @Schema(
                    description = "The webhook URL (SLACK, TEAMS): https; on a change, leave it out to keep"
                            + " the stored one",
                    maxLength = 2000)
            String url,

            @Schema(
                    description = "The addresses (EMAIL), 1 to 20",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> addresses,

            @Schema(
                    description = "The messages' language (default en)",
                    enumeration = {"de", "en"})
            String language,

            @Schema(
                    description = "The alert kinds to tell about (default: all)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> alertKinds,

            @Schema(
                    description = "The surveys whose alerts to tell about, by slug (default: all)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> surveys,

            @Schema(description = "Whether messages are sent (default true)")
            Boolean enabled) {}

    @Schema(name = "NotificationDestination", description = "A destination; its URL masked, its messages by status")
    @JsonbPropertyOrder({
        "id",
        "kind",
        "name",
        "url",
        "addresses",
        "language",
        "alertKinds",
        "surveys",
        "enabled",
        "deliveries"
    })
    public record Destination(
            long id,

            @Schema(enumeration = {"SLACK", "TEAMS", "EMAIL"})
            String kind,

            String name,

            @Schema(description = "Scheme, host and the last four characters only: the URL is a secret")
            String url,

            List<String> addresses,
            String language,

            @Schema(description = "Empty: every kind", type = SchemaType.ARRAY, implementation = String.class)
            List<String> alertKinds,

            @Schema(description = "Empty: every survey", type = SchemaType.ARRAY, implementation = String.class)
            List<String> surveys,

            boolean enabled,

            @Schema(description = "Chat messages by status (PENDING, DELIVERED, FAILED)")
            Map<String, Long> deliveries) {

        static Destination of(Destinations.Destination d) {
            return new Destination(
                    d.id(),
                    d.kind().name(),
                    d.name(),
                    d.url(),
                    d.addresses(),
                    d.language(),
                    d.alertKinds().stream().map(Enum::name).toList(),
                    d.surveys(),
                    d.enabled(),
                    new TreeMap<>(d.deliveries()));
        }
    }

    @Schema(name = "NotificationDelivery", description = "One chat message to a destination")
    @JsonbPropertyOrder({
        "id",
        "followUp",
        "status",
        "attempts",
        "lastStatus",
        "lastError",
        "createdAt",
        "nextAttemptAt",
        "deliveredAt"
    })
    public record Delivery(
            long id,

            @Schema(description = "The task it tells about; none for a test message")
            Long followUp,

            @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"})
            String status,

            int attempts,
            Integer lastStatus,
            String lastError,
            String createdAt,
            String nextAttemptAt,
            String deliveredAt) {

        static Delivery of(Destinations.Delivery d) {
            return new Delivery(
                    d.id(),
                    d.followUp(),
                    d.status(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.createdAt().toString(),
                    d.nextAttemptAt() == null || !"PENDING".equals(d.status())
                            ? null
                            : d.nextAttemptAt().toString(),
                    d.deliveredAt() == null ? null : d.deliveredAt().toString());
        }
    }

    @Schema(name = "NotificationTest", description = "How many test messages were queued")
    public record Test(int queued) {}
}
