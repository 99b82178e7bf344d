package app.resonance.webhooks.boundary;

import app.resonance.webhooks.control.WebhookEndpoints;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Webhook endpoints and deliveries as the admin API answers them (records bound by JSON-B). */
public final class WebhookJson {

    private WebhookJson() {}

    @Schema(
            name = "WebhookEndpoint",
            description = "A registered endpoint with its deliveries by status; the secret only in the answer to"
                    + " registering it")
    @JsonbPropertyOrder({"id", "url", "active", "description", "survey", "secret", "deliveries"})
    public record Endpoint(
            long id,
            String url,
            boolean active,
            String description,
            String survey,
            String secret,
            Map<String, Long> deliveries) {

        static Endpoint of(WebhookEndpoints.Endpoint e) {
            return new Endpoint(
                    e.id(),
                    e.url(),
                    e.active(),
                    e.description(),
                    e.survey(),
                    e.secret(),
                    new java.util.TreeMap<>(e.deliveries()));
        }
    }

    @Schema(name = "WebhookDelivery", description = "One delivery of an event to an endpoint")
    @JsonbPropertyOrder({
        "id",
        "event",
        "type",
        "status",
        "attempts",
        "lastStatus",
        "lastError",
        "nextAttemptAt",
        "deliveredAt"
    })
    public record Delivery(
            long id,
            String event,
            String type,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            String nextAttemptAt,
            String deliveredAt) {

        static Delivery of(WebhookEndpoints.Delivery d) {
            return new Delivery(
                    d.id(),
                    d.event(),
                    d.type(),
                    d.status(),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.nextAttemptAt() == null || "DELIVERED".equals(d.status())
                            ? null
                            : d.nextAttemptAt().toString(),
                    d.deliveredAt() == null ? null : d.deliveredAt().toString());
        }
    }
}
