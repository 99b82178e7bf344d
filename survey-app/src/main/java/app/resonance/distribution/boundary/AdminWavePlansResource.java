package app.resonance.distribution.boundary;

import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.SamplePlanner;
import app.resonance.distribution.control.SampleSize;
import app.resonance.distribution.control.WaveSender;
import app.resonance.distribution.control.WaveStats;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.boundary.Within;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sample planner of a survey's waves: a plan per segment for a target margin of the NPS (preview, nothing stored),
 * a planned wave sent from it (ADMIN, audited), and a planned wave's planned against achieved figures (every console
 * role).
 */
@Path("admin/surveys/{slug}/wave-plans")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminWavePlansResource {

    /** A segment and the margin wanted for it. */
    @Schema(name = "SegmentTarget", description = "A segment and the margin of error wanted for its NPS")
    public record SegmentTarget(
            @Schema(required = true, description = "The segment's key", maxLength = 60, example = "business")
            @NotNull(message = "{error.required}")
            @Within(min = 1, max = 60, message = "{error.unknownSegment}")
            String segment,

            @Schema(
                    required = true,
                    description = "The margin of error wanted, in NPS points (1 to 50): ±5 means the NPS lies within"
                            + " 5 points of the measured one at the chosen confidence",
                    minimum = "1",
                    maximum = "50",
                    example = "5")
            @NotNull(message = "{error.required}")
            @Within(min = 1, max = 50, message = "{error.planMargin}")
            Double margin) {}

    /** What to plan: the confidence, the segments with their margins, and for sending optional reminder days. */
    @Schema(name = "WavePlanRequest", description = "A sample plan: confidence and a target margin per segment")
    public record PlanRequest(
            @Schema(
                    required = true,
                    description = "Confidence level in per cent: 90, 95 or 99",
                    minimum = "90",
                    maximum = "99")
            @NotNull(message = "{error.required}")
            @Within(min = 90, max = 99, message = "{error.planConfidence}")
            Integer confidence,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = SegmentTarget.class,
                    description = "1 to 20 segments, each with its margin")
            @NotNull(message = "{error.required}")
            @Within(min = 1, max = SamplePlanner.MAX_SEGMENTS, message = "{error.planSegments}")
            @Valid
            List<SegmentTarget> segments,

            @Schema(description = "Only when sending: a reminder after so many days (1 to 60) to who has not answered")
            @Within(min = 1, max = WaveSender.MAX_REMINDER_DAYS, message = "{error.reminderDays}")
            Integer reminderDays) {}

    /** One segment's plan as the API answers it. */
    @Schema(
            name = "SegmentPlan",
            description = "One segment's plan: its history of the last 365 days, the spread and response rate used"
                    + " (the prior when the history is thin), the answers needed, the customers to invite and the"
                    + " margin to expect")
    @JsonbPropertyOrder({
        "segment",
        "targetMargin",
        "confidence",
        "historyResponses",
        "historyInvited",
        "historyAnswered",
        "variance",
        "responseRate",
        "basedOnPrior",
        "priorSpread",
        "priorRate",
        "reachable",
        "needed",
        "toInvite",
        "capped",
        "expectedResponses",
        "expectedMargin"
    })
    public record SegmentPlanJson(
            String segment,
            double targetMargin,
            int confidence,

            @Schema(description = "NPS answers to the survey from the segment in the last 365 days")
            long historyResponses,

            @Schema(description = "The survey's invitations to the segment's members in the last 365 days")
            long historyInvited,

            long historyAnswered,

            @Schema(description = "Variance of the NPS score per answer in share units: pP + pD - (pP - pD)^2")
            double variance,

            double responseRate,

            @Schema(description = "True when the spread or the rate is the prior (variance 1, rate 0.2)")
            boolean basedOnPrior,

            @Schema(description = "Fewer than 30 NPS answers: the worst-case variance 1 was used")
            boolean priorSpread,

            @Schema(description = "Fewer than 30 invitations or none answered: the rate 0.2 was used")
            boolean priorRate,

            @Schema(description = "Members with an address, not suppressed and not held back by a contact rule")
            int reachable,

            @Schema(description = "Answers needed, with the finite population correction")
            int needed,

            int toInvite,

            @Schema(description = "True when fewer customers are reachable than the plan needs")
            boolean capped,

            double expectedResponses,

            @Schema(nullable = true, description = "The margin to expect in NPS points; null when nobody is reachable")
            Double expectedMargin) {

        static SegmentPlanJson of(String segment, double target, int confidence, SampleSize.Plan p) {
            return new SegmentPlanJson(
                    segment,
                    target,
                    confidence,
                    p.history().responses(),
                    p.history().invited(),
                    p.history().answered(),
                    p.variance(),
                    p.responseRate(),
                    p.basedOnPrior(),
                    p.priorSpread(),
                    p.priorRate(),
                    p.reachable(),
                    p.needed(),
                    p.toInvite(),
                    p.capped(),
                    p.expectedResponses(),
                    p.expectedMargin());
        }
    }

    /** A plan over all its segments. */
    @Schema(name = "WavePlan", description = "A sample plan per segment; nothing is stored")
    @JsonbPropertyOrder({"confidence", "toInvite", "segments"})
    public record PlanJson(int confidence, int toInvite, List<SegmentPlanJson> segments) {}

    /** One segment of a sent plan: planned against achieved. */
    @Schema(name = "SegmentOutcome", description = "One segment of a planned wave: planned against achieved")
    @JsonbPropertyOrder({"plan", "drawn", "invited", "answered", "achievedRate", "nps", "achievedMargin"})
    public record SegmentOutcomeJson(
            SegmentPlanJson plan,

            @Schema(description = "Customers drawn at random for the segment")
            int drawn,

            @Schema(description = "Of them invited (a contact rule may have held one back since the plan)")
            long invited,

            long answered,

            @Schema(description = "Answered of invited") double achievedRate,

            @Schema(nullable = true, description = "The NPS of the answers so far")
            Double nps,

            @Schema(
                    nullable = true,
                    description = "The margin of error of the answers so far in NPS points, with the finite population"
                            + " correction; null without answers")
            Double achievedMargin) {}

    /** A planned wave. */
    @Schema(name = "PlannedWave", description = "A planned wave: its figures and per segment planned against achieved")
    @JsonbPropertyOrder({"wave", "segments"})
    public record PlannedWaveJson(AdminWavesResource.WaveJson wave, List<SegmentOutcomeJson> segments) {}

    @Inject
    SurveyCatalog catalog;

    @Inject
    SamplePlanner planner;

    @Inject
    WaveStats stats;

    @Inject
    MailSettings settings;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compute a sample plan per segment for target margins of the NPS; nothing is stored or sent")
    @RequestBody(content = @Content(schema = @Schema(implementation = PlanRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WavePlan")))
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(
            responseCode = "422",
            description = "A bad field, named (survey without NPS question, unknown segment)")
    public PlanJson preview(@PathParam("slug") String slug, PlanRequest body) {
        Messages messages = checked(body);
        Survey survey = survey(slug);
        var plans = planner.preview(survey, body.confidence(), targets(body), messages);
        return new PlanJson(
                body.confidence(),
                plans.stream().mapToInt(p -> p.plan().toInvite()).sum(),
                plans.stream()
                        .map(p -> SegmentPlanJson.of(p.segment().key(), p.targetMargin(), p.confidence(), p.plan()))
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Plan and send one wave: per segment just enough customers, drawn at random among the reachable,"
                    + " get a personal invitation (suppression list and contact rules applied)")
    @RequestBody(content = @Content(schema = @Schema(implementation = PlanRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Sent: the planned wave",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlannedWave")))
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "422", description = "A bad field, named; nothing was sent")
    public Response send(@PathParam("slug") String slug, PlanRequest body) {
        Messages messages = checked(body);
        Survey survey = survey(slug);
        String base = settings.publicUrl().orElseGet(() -> {
            String b = uri.getBaseUri().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return b.endsWith("/api/v1") ? b.substring(0, b.length() - "/api/v1".length()) : b;
        });
        var wave = planner.send(
                survey,
                body.confidence(),
                targets(body),
                body.reminderDays(),
                security.getUserPrincipal().getName(),
                base,
                messages);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(wave.id()))
                        .build())
                .entity(planned(survey, wave.id()))
                .build();
    }

    @GET
    @Path("{wave}")
    @Operation(summary = "A planned wave: per segment the plan against the achieved responses, rate and margin")
    @APIResponse(
            responseCode = "200",
            description = "The planned wave",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlannedWave")))
    @APIResponse(responseCode = "404", description = "No such survey, or no planned wave of it with this id")
    public PlannedWaveJson planned(@PathParam("slug") String slug, @PathParam("wave") long wave) {
        return planned(survey(slug), wave);
    }

    private PlannedWaveJson planned(Survey survey, long wave) {
        var figures = stats.of(survey).stream()
                .filter(w -> w.id() == wave)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("problem.noSuchWave"));
        var outcomes = planner.outcome(wave);
        if (outcomes.isEmpty()) {
            throw ProblemException.notFound("problem.noSuchWavePlan");
        }
        return new PlannedWaveJson(
                AdminWavesResource.json(figures),
                outcomes.stream()
                        .map(o -> new SegmentOutcomeJson(
                                SegmentPlanJson.of(
                                        o.plan().segmentKey(),
                                        o.plan().targetMargin(),
                                        o.plan().confidence(),
                                        SamplePlanner.planned(o.plan())),
                                o.plan().drawn(),
                                o.invited(),
                                o.answered(),
                                o.achievedRate(),
                                o.nps(),
                                o.achievedMargin()))
                        .toList());
    }

    /** The body's Bean Validation: 422 naming every bad field by its path ("segments[1].margin"). */
    private Messages checked(PlanRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = validator.validate(body).stream()
                .map(v -> {
                    String template = v.getMessageTemplate();
                    String code = template.startsWith("{error.") && template.endsWith("}")
                            ? template.substring("{error.".length(), template.length() - 1)
                            : "invalid";
                    Object[] args = code.equals("tooLong")
                            ? new Object[] {60}
                            : code.equals("planSegments") ? new Object[] {SamplePlanner.MAX_SEGMENTS} : new Object[0];
                    return messages.error(v.getPropertyPath().toString().replace(".<list element>", ""), code, args);
                })
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        // A null in the list: named here, as Payara's OpenAPI cannot read a constraint on the element type
        for (int i = 0; body.segments() != null && i < body.segments().size(); i++) {
            if (body.segments().get(i) == null) {
                errors.add(messages.error("segments[" + i + "]", "required"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidWavePlan", errors);
        }
        return messages;
    }

    private static List<SamplePlanner.Target> targets(PlanRequest body) {
        return body.segments().stream()
                .map(t -> new SamplePlanner.Target(t.segment(), t.margin()))
                .toList();
    }

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }
}
