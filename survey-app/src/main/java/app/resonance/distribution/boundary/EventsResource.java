package app.resonance.distribution.boundary;

import app.resonance.distribution.control.EventIntake;
import app.resonance.distribution.control.EventRules;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.entity.EventDispatch;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a CRM or helpdesk posts its customers' events (an ADMIN user, or a token with the write:responses scope). The
 * event rules for its type plan an invitation after their delay; the sender's id makes a repeated post harmless.
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Customers' events, posted by a CRM or helpdesk (administrators and API tokens)")
public class EventsResource {

    /** An event as a CRM posts it. */
    @Schema(name = "CustomerEvent", description = "An event of a customer, posted by a CRM or helpdesk")
    public record EventJson(
            @Schema(
                    required = true,
                    description = "The sender's own id of the event (1 to 100 visible ASCII characters): the same id"
                            + " again is the same event and sends nothing more",
                    example = "ticket-48213-solved")
            String id,

            @Schema(required = true, description = "The event type the rules name", example = "ticket_solved")
            String type,

            @Schema(required = true, description = "The customer's external id", example = "C-00001")
            String customer,

            @Schema(description = "When it happened (ISO 8601, default now)", example = "2026-12-01T09:30:00Z")
            String occurredAt,

            @Schema(
                    description = "The customer's time zone (IANA) for the sending window; default the rule's",
                    example = "Europe/Berlin")
            String timeZone,

            @Schema(
                    description = "Up to 20 attributes (names [a-z0-9_]{1,40}, values up to 200 characters), stored"
                            + " with the response that answers the invitation",
                    example = "{\"ticket_id\": \"48213\", \"agent\": \"Mia\"}")
            Map<String, String> attributes) {}

    /** What a rule does with the event. */
    @Schema(name = "EventDispatch", description = "What one event rule does with the event")
    @JsonbPropertyOrder({"rule", "survey", "status", "dueAt", "reason"})
    public record DispatchJson(
            long rule,

            String survey,

            @Schema(enumeration = {"DUE", "SENT", "SKIPPED", "NOT_SAMPLED"})
            String status,

            @Schema(description = "When the invitation is (or was) due, inside the sending window")
            String dueAt,

            @Schema(
                    description =
                            "Why it was skipped (only then): CONTACTED_RECENTLY, SAME_KIND_RECENTLY, SUPPRESSED, NO_EMAIL,"
                                    + " SURVEY_NOT_OPEN")
            String reason) {

        static DispatchJson of(EventDispatch d) {
            return new DispatchJson(
                    d.rule().id(),
                    d.rule().survey().slug(),
                    d.status().name(),
                    d.dueAt().toString(),
                    d.reason().orElse(null));
        }
    }

    /** The stored event and what the rules do with it. */
    @Schema(name = "EventReceipt", description = "The stored event and what each matching rule does with it")
    @JsonbPropertyOrder({"id", "type", "customer", "occurredAt", "duplicate", "dispatches"})
    public record Receipt(
            String id,
            String type,
            String customer,
            String occurredAt,

            @Schema(description = "True when an event with this id had been posted before: nothing new was planned")
            boolean duplicate,

            List<DispatchJson> dispatches) {

        static Receipt of(EventIntake.Received r) {
            return new Receipt(
                    r.event().externalId(),
                    r.event().eventType(),
                    r.event().customer().externalId(),
                    r.event().occurredAt().toString(),
                    r.duplicate(),
                    r.dispatches().stream().map(DispatchJson::of).toList());
        }
    }

    @Inject
    EventIntake intake;

    @Inject
    MailSettings settings;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Post a customer's event; the event rules for its type plan an invitation",
            description = "A new event answers 202 with what every enabled rule for its type does (DUE at a time,"
                    + " or NOT_SAMPLED); an id posted before answers 200 with the first event, and nothing more is"
                    + " sent.")
    @APIResponse(
            responseCode = "202",
            description = "Stored; the rules' invitations are planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EventReceipt")))
    @APIResponse(
            responseCode = "200",
            description = "Posted before: the first event, nothing new planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EventReceipt")))
    public Response post(EventJson body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        var posted = new EventIntake.Posted(
                body.id(), body.type(), body.customer(), body.occurredAt(), body.timeZone(), body.attributes());
        var messages = RequestLanguage.messages(headers);
        EventIntake.Received received;
        try {
            received = intake.receive(posted, baseUrl(), messages);
        } catch (PersistenceException | TransactionalException e) {
            // the same id posted at the same moment: the other post stored it, this one answers it
            received = intake.receive(posted, baseUrl(), messages);
            if (!received.duplicate()) {
                throw e;
            }
        }
        return Response.status(received.duplicate() ? 200 : 202)
                .entity(Receipt.of(received))
                .build();
    }

    private String baseUrl() {
        return settings.publicUrl().orElseGet(() -> {
            String b = uri.getBaseUri().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return b.endsWith("/api/v1") ? b.substring(0, b.length() - "/api/v1".length()) : b;
        });
    }

    @Provider
    public static class InvalidEvent extends ProblemMappers.Localized<EventRules.InvalidEventException> {
        @Override
        public Response toResponse(EventRules.InvalidEventException e) {
            return ProblemException.invalid(e.problem(), e.errors())
                    .problem(messages())
                    .toResponse();
        }
    }
}
