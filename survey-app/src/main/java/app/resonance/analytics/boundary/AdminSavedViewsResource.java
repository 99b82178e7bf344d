package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.entity.SavedView;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Saved dashboard views: every role reads them; support leads and admins save them, and a view is changed or
 * removed by whoever saved it or an admin. The filters are checked by the trend's own parameter checks; every
 * change is audited.
 */
@Path("admin/dashboard-views")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminSavedViewsResource {

    @Inject
    SavedViews views;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Every saved dashboard view by name, with the days it covers today")
    public List<SavedViewJson.View> list() {
        return views.all().stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One saved dashboard view")
    public SavedViewJson.View get(@PathParam("id") String id) {
        return json(view(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save a dashboard view",
            description = "422 naming the field: a name missing or longer than 100 characters; a filter the trend"
                    + " would refuse (survey, metric, question, segment, channel, locale, granularity); a period"
                    + " that is not one of the relative periods, or given together with from/to; from or to missing"
                    + " or not a day without a period, or from after to.")
    @APIResponse(
            responseCode = "201",
            description = "Saved; Location names the view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SavedView")))
    public Response create(SavedViewJson.Request request) {
        SavedView view =
                views.create(checked(request), security.getUserPrincipal().getName());
        return Response.created(URI.create("admin/dashboard-views/" + view.id()))
                .entity(json(view))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a saved view (its owner or an admin)",
            description = "The same checks as when saving; 403 for someone else's view unless ADMIN. Its share"
                    + " links show the changed view from now on.")
    public SavedViewJson.View change(@PathParam("id") String id, SavedViewJson.Request request) {
        SavedView view = owned(view(id));
        SavedViews.Draft draft = checked(request);
        return json(views.update(view.id(), draft).orElseThrow(() -> notFound()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a saved view (its owner or an admin); its share links stop working")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") String id) {
        SavedView view = owned(view(id));
        views.delete(view.id());
        return Response.noContent().build();
    }

    /** The draft of a request, or 422 naming every bad field: the trend's parameter checks, then the view's. */
    private SavedViews.Draft checked(SavedViewJson.Request request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        SavedViews.Draft draft = request.draft();
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, request, messages));
        for (FieldError e : request.parameters().errors(validator, messages, views.read(draft))) {
            if (!QueryParameters.named(errors, e.field())) {
                errors.add(e);
            }
        }
        for (FieldError e : views.check(draft, messages)) {
            if (!QueryParameters.named(errors, e.field())) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidSavedView", errors);
        }
        return draft;
    }

    /** The view, if the caller saved it or is an admin; 403 otherwise. */
    private SavedView owned(SavedView view) {
        if (!view.owner().equals(security.getUserPrincipal().getName()) && !security.isUserInRole(Role.ADMIN.name())) {
            throw new ProblemException("forbidden", 403, "Forbidden", "problem.notViewOwner", List.of());
        }
        return view;
    }

    private SavedView view(String id) {
        return views.byId(id).orElseThrow(AdminSavedViewsResource::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("problem.savedViewNotFound");
    }

    private SavedViewJson.View json(SavedView view) {
        AnalyticsQuery.Input today = views.input(view);
        return SavedViewJson.View.of(view, today);
    }
}
