package app.resonance.surveys.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.JsonInput;
import app.resonance.responses.boundary.Submissions;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.control.SurveyDraft;
import app.resonance.surveys.control.SurveyEditor;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Survey design through the API: create, write the draft, publish, close, reopen. ADMIN only. */
@Path("admin/surveys")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: surveys")
public class AdminSurveysResource {

    @Inject
    SurveyCatalog catalog;

    @Inject
    SurveyEditor editor;

    @Inject
    Submissions submissions;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "All surveys with their status and versions")
    public JsonArray list() {
        var array = Json.createArrayBuilder();
        catalog.all().forEach(survey -> array.add(SurveyJson.summary(survey)));
        return array.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a survey; its definition becomes the draft of version 1")
    public Response create(SurveyDraft draft) {
        requireBody(draft);
        Survey survey = editor.create(draft, RequestLanguage.messages(headers));
        return Response.created(URI.create("admin/surveys/" + survey.slug()))
                .entity(SurveyJson.admin(survey))
                .build();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A survey with its versions, the published definition and the draft")
    public JsonObject get(@PathParam("slug") String slug) {
        return SurveyJson.admin(survey(slug));
    }

    @PUT
    @Path("{slug}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the draft; if the newest version is published, a new draft version is started")
    public JsonObject updateDraft(@PathParam("slug") String slug, SurveyDraft draft) {
        requireBody(draft);
        Survey survey = survey(slug);
        editor.update(survey, draft, RequestLanguage.messages(headers));
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/publish")
    @Operation(summary = "Publish the draft as an immutable version; the survey opens if it was a draft")
    public JsonObject publish(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.publish(survey, RequestLanguage.messages(headers));
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/close")
    @Operation(summary = "Close the survey: the public link answers 410")
    public JsonObject close(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.close(survey);
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/reopen")
    @Operation(summary = "Reopen a closed survey")
    public JsonObject reopen(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.reopen(survey);
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Operation(
            summary = "Import a response for a known customer, with the time it was given (backfill)",
            description =
                    "Like the public submission, plus \"customer\" (external id) and \"submittedAt\" (ISO instant).")
    public Response importResponse(
            @PathParam("slug") String slug, @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body)
            throws IOException {
        return submissions.submit(slug, idempotencyKey, JsonInput.readAll(body), true, headers);
    }

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
    }
}
