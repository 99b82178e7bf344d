package app.resonance.responses.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.responses.control.WidgetSecrets;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The secret a survey's widget site signs customer ids with (the identified widget): created or rotated here, shown
 * once, stored sealed. ADMIN only; every change is audited.
 */
@Path("admin/surveys/{slug}/widget-secret")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: surveys")
public class AdminWidgetSecretResource {

    @Inject
    SurveyCatalog catalog;

    @Inject
    WidgetSecrets secrets;

    @Schema(name = "WidgetSecretState", description = "Whether the survey has a widget secret, and since when")
    @JsonbPropertyOrder({"configured", "createdAt"})
    public record State(boolean configured, String createdAt) {}

    @Schema(name = "IssuedWidgetSecret", description = "A new widget secret: shown this once, stored sealed")
    @JsonbPropertyOrder({"secret", "createdAt"})
    public record Issued(String secret, String createdAt) {}

    @GET
    @Operation(
            operationId = "widgetSecretState",
            summary = "Whether the survey's widget has a secret (never the secret)")
    @APIResponse(
            responseCode = "200",
            description = "The secret's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WidgetSecretState")))
    @APIResponse(responseCode = "404", description = "No survey with this slug")
    public State state(@PathParam("slug") String slug) {
        return secrets.createdAt(survey(slug).id())
                .map(at -> new State(true, at.toString()))
                .orElse(new State(false, null));
    }

    @POST
    @Operation(
            operationId = "rotateWidgetSecret",
            summary = "Create or rotate the survey's widget secret",
            description = "Answers the new secret once; the previous one stops working at once.")
    @APIResponse(
            responseCode = "201",
            description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedWidgetSecret")))
    @APIResponse(responseCode = "404", description = "No survey with this slug")
    public Response rotate(@PathParam("slug") String slug) {
        WidgetSecrets.Issued issued = secrets.rotate(survey(slug));
        return Response.status(Response.Status.CREATED)
                .entity(new Issued(issued.secret(), issued.createdAt().toString()))
                .build();
    }

    @DELETE
    @Operation(
            operationId = "removeWidgetSecret",
            summary = "Remove the widget secret: every widget answer is anonymous")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    @APIResponse(responseCode = "404", description = "No survey with this slug")
    public Response remove(@PathParam("slug") String slug) {
        secrets.remove(survey(slug));
        return Response.noContent().build();
    }

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }
}
