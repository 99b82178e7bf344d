package app.resonance.distribution.boundary;

import app.resonance.distribution.control.EventRules;
import app.resonance.distribution.entity.EventRule;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event rules: an event type invites to a survey after a delay, for a share of the events, inside a sending window
 * in the customer's time zone. Every console role reads them with their figures; ADMINs change them (audited).
 */
@Path("admin/event-rules")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminEventRulesResource {

    /** A rule as the API takes it. */
    @Schema(name = "EventRuleDefinition", description = "An event rule as given")
    public record Definition(
            @Schema(required = true, description = "The event type", example = "ticket_solved")
            String eventType,

            @Schema(required = true, description = "The survey's slug", example = "post-support-csat")
            String survey,

            @Schema(description = "Minutes after the event (0 to 43200, default 0)", example = "120")
            Integer delayMinutes,

            @Schema(description = "The share of events invited, in percent (1 to 100, default 100)", example = "50")
            Integer samplePercent,

            @Schema(description = "The sending window's first hour, local time (0 to 23, default 0)", example = "9")
            Integer sendFrom,

            @Schema(description = "The hour the window closes, local time (1 to 24, default 24)", example = "20")
            Integer sendUntil,

            @Schema(
                    description = "The time zone (IANA) of customers whose events name none (default UTC)",
                    example = "Europe/Berlin")
            String zone,

            @Schema(description = "Whether new events are planned (default true)")
            Boolean enabled) {

        EventRules.Definition toControl() {
            return new EventRules.Definition(
                    eventType, survey, delayMinutes, samplePercent, sendFrom, sendUntil, zone, enabled);
        }
    }

    /** A rule and what it has done. */
    @Schema(
            name = "EventRule",
            description = "An event rule and what it has done with the events: due (waiting for their time), sent,"
                    + " skipped (contact rules, suppression, no address, survey not open) and notSampled (outside the"
                    + " share)")
    @JsonbPropertyOrder({
        "id",
        "eventType",
        "survey",
        "delayMinutes",
        "samplePercent",
        "sendFrom",
        "sendUntil",
        "zone",
        "enabled",
        "due",
        "sent",
        "skipped",
        "notSampled"
    })
    public record RuleJson(
            long id,
            String eventType,
            String survey,
            int delayMinutes,
            int samplePercent,
            int sendFrom,
            int sendUntil,
            String zone,
            boolean enabled,
            int due,
            int sent,
            int skipped,
            int notSampled) {

        static RuleJson of(EventRule r, EventRules.Figures f) {
            EventRules.Figures figures = f == null ? new EventRules.Figures(0, 0, 0, 0) : f;
            return new RuleJson(
                    r.id(),
                    r.eventType(),
                    r.survey().slug(),
                    r.delayMinutes(),
                    r.samplePercent(),
                    r.sendFrom(),
                    r.sendUntil(),
                    r.zone(),
                    r.enabled(),
                    Math.toIntExact(figures.due()),
                    Math.toIntExact(figures.sent()),
                    Math.toIntExact(figures.skipped()),
                    Math.toIntExact(figures.notSampled()));
        }
    }

    @Inject
    EventRules rules;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The event rules with their figures (every console role)")
    public List<RuleJson> list() {
        var figures = rules.figures();
        return rules.all().stream()
                .map(r -> RuleJson.of(r, figures.get(r.id())))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event rule with its figures")
    public RuleJson get(@PathParam("id") long id) {
        EventRule rule = rules.byId(id).orElseThrow(AdminEventRulesResource::notFound);
        return RuleJson.of(rule, rules.figures().get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event rule (ADMIN)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EventRule")))
    public Response create(Definition body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        EventRule rule = rules.create(body.toControl(), RequestLanguage.messages(headers));
        return Response.created(URI.create("admin/event-rules/" + rule.id()))
                .entity(RuleJson.of(rule, null))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an event rule (ADMIN): events already planned keep their time")
    public RuleJson update(@PathParam("id") long id, Definition body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        EventRule rule = rules.update(id, body.toControl(), RequestLanguage.messages(headers))
                .orElseThrow(AdminEventRulesResource::notFound);
        return RuleJson.of(rule, rules.figures().get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an event rule (ADMIN) and the invitations it still had to send")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        if (!rules.delete(id)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("problem.eventRuleNotFound");
    }
}
