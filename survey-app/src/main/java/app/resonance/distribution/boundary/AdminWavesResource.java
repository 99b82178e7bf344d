package app.resonance.distribution.boundary;

import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.WaveSender;
import app.resonance.distribution.control.WaveStats;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Jsonp;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every wave of the survey: invited, sent, opened, answered, response rate")
    public JsonArray list(@PathParam("slug") String slug) {
        var array = Jsonp.createArrayBuilder();
        stats.of(survey(slug)).forEach(w -> array.add(json(w)));
        return array.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the survey to a segment or to customers; personal links by mail, contact limit applied")
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

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }

    static JsonObject json(WaveStats.Wave w) {
        return Jsonp.createObjectBuilder()
                .add("id", w.id())
                .add("createdAt", w.createdAt().toString())
                .add("audience", w.audience())
                .add("createdBy", w.createdBy())
                .add("invited", w.invited())
                .add("skippedRecentlyContacted", w.skippedRecent())
                .add("skippedWithoutEmail", w.skippedNoEmail())
                .add("sent", w.sent())
                .add("opened", w.opened())
                .add("answered", w.answered())
                .add("responseRate", w.responseRate())
                .build();
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
