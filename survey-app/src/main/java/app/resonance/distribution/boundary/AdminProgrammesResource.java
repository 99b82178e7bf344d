package app.resonance.distribution.boundary;

import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.Programmes;
import app.resonance.distribution.entity.Programme;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The recurring programmes: a survey for a segment every so many days, spread over a window, with pause, resume and
 * end, and the history per cycle. Every console role reads them; ADMINs change them (audited).
 */
@Path("admin/programmes")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminProgrammesResource {

    /** A programme as the API takes it. */
    @Schema(name = "ProgrammeDefinition", description = "A recurring programme as given")
    public record Definition(
            @Schema(
                    required = true,
                    description = "The programme's name (up to 120 characters)",
                    example = "Relationship check-in every 90 days")
            String name,

            @Schema(required = true, description = "The survey's slug", example = "relationship-nps")
            String survey,

            @Schema(
                    required = true,
                    description = "The segment's key: its members at each cycle's start are asked",
                    example = "business")
            String segment,

            @Schema(required = true, description = "Days from one cycle's start to the next (1 to 730)", example = "90")
            Integer cadenceDays,

            @Schema(
                    description = "Days over which a cycle's invitations are spread (1 to the cadence, default 14 or"
                            + " the cadence if shorter)",
                    example = "14")
            Integer windowDays,

            @Schema(
                    required = true,
                    description = "The first cycle's start, 00:00 UTC of this day (today or later;"
                            + " fixed once the first cycle was planned)",
                    example = "2026-12-14")
            String startDate) {

        Programmes.Definition toControl() {
            return new Programmes.Definition(name, survey, segment, cadenceDays, windowDays, startDate);
        }
    }

    /** A programme and its schedule. */
    @Schema(name = "Programme", description = "A recurring programme, its status and when its next cycle starts")
    @JsonbPropertyOrder({
        "id",
        "name",
        "survey",
        "segment",
        "cadenceDays",
        "windowDays",
        "startDate",
        "status",
        "plannedCycle",
        "nextCycleAt"
    })
    public record ProgrammeJson(
            long id,
            String name,
            String survey,
            String segment,
            int cadenceDays,
            int windowDays,
            String startDate,

            @Schema(enumeration = {"ACTIVE", "PAUSED", "ENDED"})
            String status,

            @Schema(description = "The last cycle planned, from 0; -1 before the first")
            int plannedCycle,

            @Schema(description = "When the next cycle starts (absent once ended)")
            String nextCycleAt) {

        static ProgrammeJson of(Programme p, Optional<java.time.Instant> next) {
            return new ProgrammeJson(
                    p.id(),
                    p.name(),
                    p.survey().slug(),
                    p.segmentKey(),
                    p.cadenceDays(),
                    p.windowDays(),
                    p.startAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    p.status().name(),
                    p.plannedCycle(),
                    next.map(Object::toString).orElse(null));
        }
    }

    /** How many sends of a cycle a reason held back. */
    @Schema(name = "ProgrammeSkip", description = "Sends of a cycle not made for one reason")
    @JsonbPropertyOrder({"reason", "count"})
    public record SkipJson(
            @Schema(
                    enumeration = {
                        "CONTACTED_RECENTLY",
                        "SAME_KIND_RECENTLY",
                        "SUPPRESSED",
                        "NO_EMAIL",
                        "SURVEY_NOT_OPEN"
                    })
            String reason,

            int count) {}

    /** One cycle's figures. */
    @Schema(
            name = "ProgrammeCycle",
            description = "One cycle of a programme: planned (one per customer), waiting, sent, skipped (with the"
                    + " reasons), cancelled (the programme ended or the next cycle began) and answered")
    @JsonbPropertyOrder({
        "cycle",
        "startsAt",
        "planned",
        "waiting",
        "sent",
        "skipped",
        "skippedBy",
        "cancelled",
        "answered"
    })
    public record CycleJson(
            int cycle,
            String startsAt,
            int planned,
            int waiting,
            int sent,
            int skipped,
            List<SkipJson> skippedBy,
            int cancelled,
            int answered) {

        static CycleJson of(Programmes.Cycle c) {
            return new CycleJson(
                    c.cycle(),
                    c.startsAt().toString(),
                    Math.toIntExact(c.planned()),
                    Math.toIntExact(c.waiting()),
                    Math.toIntExact(c.sent()),
                    Math.toIntExact(c.skipped()),
                    c.skippedBy().entrySet().stream()
                            .map(e -> new SkipJson(e.getKey(), Math.toIntExact(e.getValue())))
                            .toList(),
                    Math.toIntExact(c.cancelled()),
                    Math.toIntExact(c.answered()));
        }
    }

    @Inject
    Programmes programmes;

    @Inject
    MailSettings settings;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The recurring programmes (every console role)")
    public List<ProgrammeJson> list() {
        return programmes.all().stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recurring programme")
    public ProgrammeJson get(@PathParam("id") long id) {
        return json(found(id));
    }

    @GET
    @Path("{id}/cycles")
    @Operation(summary = "A programme's history per cycle, the newest first")
    public List<CycleJson> cycles(@PathParam("id") long id) {
        return programmes.history(found(id)).stream().map(CycleJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a recurring programme (ADMIN)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Programme")))
    public Response create(Definition body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Programme programme = programmes.create(
                body.toControl(), baseUrl(), security.getUserPrincipal().getName(), RequestLanguage.messages(headers));
        return Response.created(URI.create("admin/programmes/" + programme.id()))
                .entity(json(programme))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a programme (ADMIN); the next cycles follow the new cadence, planned sends keep their"
                    + " time; an ended programme is a conflict (409)")
    public ProgrammeJson update(@PathParam("id") long id, Definition body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        return json(state(() -> programmes.update(id, body.toControl(), RequestLanguage.messages(headers))));
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause an active programme (ADMIN): nothing is sent or planned until it is resumed")
    public ProgrammeJson pause(@PathParam("id") long id) {
        return json(state(() -> programmes.pause(id)));
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused programme (ADMIN): its planned sends move later by the pause's length")
    public ProgrammeJson resume(@PathParam("id") long id) {
        return json(state(() -> programmes.resume(id)));
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End a programme (ADMIN): what it has not sent is cancelled")
    public ProgrammeJson end(@PathParam("id") long id) {
        return json(state(() -> programmes.end(id)));
    }

    private ProgrammeJson json(Programme p) {
        return ProgrammeJson.of(p, programmes.nextCycleStart(p));
    }

    private Programme found(long id) {
        return programmes.byId(id).orElseThrow(AdminProgrammesResource::notFound);
    }

    private static Programme state(Supplier<Optional<Programme>> change) {
        try {
            return change.get().orElseThrow(AdminProgrammesResource::notFound);
        } catch (Programmes.StateException e) {
            throw ProblemException.conflict(e.problem());
        }
    }

    private String baseUrl() {
        return settings.publicUrl().orElseGet(() -> {
            String b = uri.getBaseUri().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return b.endsWith("/api/v1") ? b.substring(0, b.length() - "/api/v1".length()) : b;
        });
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("problem.programmeNotFound");
    }
}
