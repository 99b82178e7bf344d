package app.resonance.distribution.boundary;

import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.RespondentMix;
import app.resonance.distribution.control.WaveSender;
import app.resonance.distribution.control.WaveStats;
import app.resonance.distribution.control.WhoAnswered;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invitation waves of a survey: send one (ADMIN), and read the figures of all (every console role). */
@Path("admin/surveys/{slug}/waves")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminWavesResource {

    /** A wave as the API takes it: a segment key or customers' external ids, and optional reminder days. */
    public record NewWave(String segment, List<String> customers, Integer reminderDays) {}

    @Inject
    SurveyCatalog catalog;

    @Inject
    WaveSender sender;

    @Inject
    WaveStats stats;

    @Inject
    MailSettings settings;

    @Inject
    WhoAnswered whoAnswered;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every wave of the survey: invited, sent, opened, answered, response rate")
    public List<WaveJson> list(@PathParam("slug") String slug) {
        return stats.of(survey(slug)).stream().map(AdminWavesResource::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the survey to a segment or to customers; personal links by mail, contact limit applied")
    @APIResponse(
            responseCode = "201",
            description = "Sent: the new wave with its figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Wave")))
    public Response send(@PathParam("slug") String slug, NewWave body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Survey survey = survey(slug);
        String base = settings.publicUrl().orElseGet(() -> {
            String b = uri.getBaseUri().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return b.endsWith("/api/v1") ? b.substring(0, b.length() - "/api/v1".length()) : b;
        });
        var wave = sender.send(
                survey,
                new WaveSender.Audience(body.segment(), body.customers()),
                body.reminderDays(),
                security.getUserPrincipal().getName(),
                base,
                RequestLanguage.messages(headers));
        var created = stats.of(survey).stream()
                .filter(w -> w.id() == wave.id())
                .findFirst()
                .orElseThrow();
        return Response.status(201).entity(json(created)).build();
    }

    @GET
    @Path("{wave}/respondents")
    @Operation(
            summary = "Who answered the wave: reached against answering customers by plan, region and lifecycle"
                    + " stage, with a chi-square test that flags a skewed response")
    @APIResponse(
            responseCode = "200",
            description = "The wave's respondent mix",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WaveRespondents")))
    @APIResponse(responseCode = "404", description = "No such survey, or no such wave of it")
    public WaveRespondentsJson respondents(@PathParam("slug") String slug, @PathParam("wave") long wave) {
        Survey survey = survey(slug);
        List<RespondentMix> mixes =
                whoAnswered.of(survey.id(), wave).orElseThrow(() -> ProblemException.notFound("problem.noSuchWave"));
        return new WaveRespondentsJson(
                wave, mixes.stream().map(AdminWavesResource::json).toList());
    }

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }

    /** A wave's figures as the API answers them. */
    @Schema(name = "Wave", description = "An invitation wave: invited, sent, opened, answered, response rate")
    @JsonbPropertyOrder({
        "id",
        "createdAt",
        "audience",
        "createdBy",
        "invited",
        "skippedRecentlyContacted",
        "skippedWithoutEmail",
        "skippedSuppressed",
        "sent",
        "opened",
        "answered",
        "responseRate"
    })
    public record WaveJson(
            long id,
            String createdAt,
            String audience,
            String createdBy,
            long invited,
            int skippedRecentlyContacted,
            int skippedWithoutEmail,

            @Schema(
                    description = "Customers whose address is on the suppression list (unsubscribed, bounced,"
                            + " complained or blocked by an admin)")
            int skippedSuppressed,

            long sent,
            long opened,
            long answered,
            double responseRate) {}

    static WaveJson json(WaveStats.Wave w) {
        return new WaveJson(
                w.id(),
                w.createdAt().toString(),
                w.audience(),
                w.createdBy(),
                w.invited(),
                w.skippedRecent(),
                w.skippedNoEmail(),
                w.skippedSuppressed(),
                w.sent(),
                w.opened(),
                w.answered(),
                w.responseRate());
    }

    /** Who answered a wave, along each customer attribute. */
    @Schema(
            name = "WaveRespondents",
            description = "Who answered an invitation wave: per customer attribute the customers the mail reached and"
                    + " those who answered, with Pearson's chi-square test of whether answering depended on it")
    @JsonbPropertyOrder({"wave", "dimensions"})
    public record WaveRespondentsJson(long wave, List<RespondentMixJson> dimensions) {}

    /** One attribute's groups and its test. */
    @Schema(name = "RespondentMix", description = "Reached and answering customers by one attribute, and its test")
    @JsonbPropertyOrder({"dimension", "verdict", "chiSquare", "degreesOfFreedom", "pValue", "groups"})
    public record RespondentMixJson(
            @Schema(enumeration = {"plan", "region", "lifecycleStage"})
            String dimension,

            @Schema(
                    description = "SKEWED: answering depended on the attribute (p < 0.05), so the wave speaks more for"
                            + " some values; BALANCED: no such evidence; TOO_FEW: fewer than two values, nobody or"
                            + " everybody answered, or more than a fifth of the expected counts under 5")
            RespondentMix.Verdict verdict,

            @Schema(nullable = true) Double chiSquare,
            @Schema(nullable = true) Integer degreesOfFreedom,
            @Schema(nullable = true) Double pValue,
            List<RespondentGroupJson> groups) {}

    /** Customers with one value of the attribute. */
    @Schema(name = "RespondentGroup", description = "Customers with one value of the attribute")
    @JsonbPropertyOrder({"value", "reached", "answered", "responseRate", "shareOfReached", "shareOfAnswered"})
    public record RespondentGroupJson(
            @Schema(nullable = true, description = "The attribute's value; null for customers without it")
            String value,

            @Schema(description = "Customers the wave's mail was sent to")
            long reached,

            long answered,
            double responseRate,
            double shareOfReached,
            double shareOfAnswered) {}

    static RespondentMixJson json(RespondentMix mix) {
        return new RespondentMixJson(
                mix.dimension(),
                mix.verdict(),
                mix.chiSquare(),
                mix.degreesOfFreedom(),
                mix.pValue(),
                mix.groups().stream()
                        .map(g -> new RespondentGroupJson(
                                g.value(),
                                g.reached(),
                                g.answered(),
                                g.responseRate(),
                                g.shareOfReached(),
                                g.shareOfAnswered()))
                        .toList());
    }

    @Provider
    public static class InvalidWave extends ProblemMappers.Localized<WaveSender.InvalidWaveException> {
        @Override
        public Response toResponse(WaveSender.InvalidWaveException e) {
            return ProblemException.invalid("problem.invalidWave", e.errors())
                    .problem(messages())
                    .toResponse();
        }
    }
}
