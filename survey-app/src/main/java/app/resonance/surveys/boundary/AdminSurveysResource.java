package app.resonance.surveys.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.control.SurveyDraft;
import app.resonance.surveys.control.SurveyEditor;
import app.resonance.surveys.control.SurveySettings;
import app.resonance.surveys.control.SurveyTextsCsv;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Survey design through the API: create, write the draft, publish, close, reopen. ADMIN only. Invitations
 * and imported responses of a survey belong to the responses feature ({@code AdminInvitationsResource},
 * {@code AdminImportedResponsesResource}).
 */
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

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(
            summary = "All surveys with their status and versions",
            description = "Each with its number of complete responses (responses) and the time of the newest"
                    + " (lastResponse, ISO instant; missing while there is none).")
    public List<SurveyJson.Summary> list() {
        var activity = catalog.activity();
        return catalog.all().stream()
                .map(survey ->
                        SurveyJson.summary(survey, activity.getOrDefault(survey.id(), SurveyCatalog.Activity.NONE)))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a survey; its definition becomes the draft of version 1")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminSurvey")))
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
    public SurveyJson.Admin get(@PathParam("slug") String slug) {
        return SurveyJson.admin(survey(slug));
    }

    @PUT
    @Path("{slug}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the draft; if the newest version is published, a new draft version is started")
    public SurveyJson.Admin updateDraft(@PathParam("slug") String slug, SurveyDraft draft) {
        requireBody(draft);
        Survey survey = survey(slug);
        editor.update(survey, draft, RequestLanguage.messages(headers));
        return SurveyJson.admin(survey);
    }

    @GET
    @Path("{slug}/texts")
    @Produces("text/csv")
    @Operation(
            summary = "The texts of the survey's newest version for translators, as CSV",
            description = "One row per text: its key (title, intro, <question>.text, <question>.minLabel,"
                    + " <question>.maxLabel, <question>.option.<option>, <question>.row.<row>) and a column per"
                    + " respondent language (de, en, fr, it, es, nl, pl), empty where a text is missing. UTF-8 with"
                    + " a byte order mark; texts starting with =, +, -, @, tab or CR get a leading apostrophe.")
    @APIResponse(
            responseCode = "200",
            description = "The texts as a CSV file (Content-Disposition names it)",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(type = SchemaType.STRING, format = "binary", description = "The CSV file")))
    public Response texts(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        String csv = SurveyTextsCsv.write(SurveyEditor.draftOf(survey, survey.latestVersion()));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"resonance-texts-" + survey.slug() + ".csv\"")
                .build();
    }

    @PUT
    @Path("{slug}/texts")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Take translated texts back from CSV into the draft",
            description = "The file as GET texts writes it (comma or semicolon): only its rows and its language"
                    + " columns change, an empty cell removes that language's text; the apostrophe the export put"
                    + " before a formula-like text is taken off. If the newest version is published, a new draft is"
                    + " started. Nothing is stored if any row has an error (422 naming rows[n].key, rows[n].<language>"
                    + " or columns); publishing names every text missing in a language the survey offers.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
            })
    public SurveyJson.Admin updateTexts(@PathParam("slug") String slug, String csv) {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = survey(slug);
        var read = SurveyTextsCsv.read(
                csv == null ? "" : csv, SurveyEditor.draftOf(survey, survey.latestVersion()), messages);
        if (!read.errors().isEmpty()) {
            throw ProblemException.invalid("problem.invalidTexts", read.errors());
        }
        editor.update(survey, read.draft(), messages);
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/publish")
    @Operation(summary = "Publish the draft as an immutable version; the survey opens if it was a draft")
    public SurveyJson.Admin publish(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.publish(survey, RequestLanguage.messages(headers));
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/close")
    @Operation(summary = "Close the survey: the public link answers 410")
    public SurveyJson.Admin close(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.close(survey);
        return SurveyJson.admin(survey);
    }

    @POST
    @Path("{slug}/reopen")
    @Operation(summary = "Reopen a closed survey")
    public SurveyJson.Admin reopen(@PathParam("slug") String slug) {
        Survey survey = survey(slug);
        editor.reopen(survey);
        return SurveyJson.admin(survey);
    }

    @PUT
    @Path("{slug}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change when the survey opens and closes, its response limit, answer policy and widget origins")
    public SurveyJson.Admin updateSettings(@PathParam("slug") String slug, SurveySettings settings) {
        requireBody(settings);
        Survey survey = survey(slug);
        editor.updateSettings(survey, settings, RequestLanguage.messages(headers));
        return SurveyJson.admin(survey);
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
