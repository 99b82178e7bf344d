package app.resonance.responses.control;

import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseEvent;
import app.resonance.webhooks.entity.WebhookEvent;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Tells everyone who follows responses that one was created or changed, in the transaction of the change:
 * analytics (response_event) and webhooks (webhook_event) each consume their own outbox.
 */
public final class ResponseEvents {

    private ResponseEvents() {}

    public static void record(EntityManager em, Response response, ResponseEvent.Kind kind, Instant now) {
        em.persist(new ResponseEvent(response.id(), response.survey().id(), kind, now));
        em.persist(new WebhookEvent(response.id(), response.survey().id(), kind.name(), now));
    }
}
