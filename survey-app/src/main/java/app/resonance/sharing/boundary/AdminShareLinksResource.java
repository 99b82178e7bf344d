package app.resonance.sharing.boundary;

import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.entity.SavedView;
import app.resonance.distribution.control.MailSettings;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.sharing.control.ShareLinks;
import app.resonance.sharing.entity.ShareLink;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Share links of a saved view: every role lists them (never their tokens); support leads and admins make and
 * revoke them (a viewer gets 403). Making and revoking are audited.
 */
@Path("admin/dashboard-views/{view}/share-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminShareLinksResource {

    @Inject
    SavedViews views;

    @Inject
    ShareLinks links;

    @Inject
    MailSettings settings;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    @Operation(summary = "The view's share links, newest first, with status, expiry, last use and uses")
    public List<ShareJson.Link> list(@PathParam("view") String view) {
        SavedView saved = view(view);
        return links.of(saved.id()).stream()
                .map(l -> ShareJson.Link.of(l, clock.instant()))
                .toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make a read-only link to the view for people without an account",
            description = "The answer holds the link's address once: only a hash of its token is kept. The link"
                    + " expires after expiresInDays (1 to 90, required; 422 naming expiresInDays otherwise) and shows"
                    + " figures only, comments (text only) just when includeComments is true.")
    @APIResponse(
            responseCode = "201",
            description = "Made; Location names the link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedShareLink")))
    public Response create(@PathParam("view") String view, ShareJson.Request request) {
        SavedView saved = view(view);
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, request, messages));
        for (FieldError e : ShareLinks.check(request.expiresInDays(), messages)) {
            if (!QueryParameters.named(errors, e.field())) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidShareLink", errors);
        }
        ShareLinks.Created created = links.create(
                saved,
                request.expiresInDays(),
                request.comments(),
                security.getUserPrincipal().getName());
        String path = "/share/" + created.token();
        return Response.created(URI.create("admin/dashboard-views/" + saved.id() + "/share-links/"
                        + created.link().id()))
                .entity(new ShareJson.Created(ShareJson.Link.of(created.link(), clock.instant()), base() + path, path))
                .build();
    }

    @DELETE
    @Transactional
    @Path("{link}")
    @Operation(summary = "Revoke a share link: from now on it answers 410 Gone")
    @APIResponse(responseCode = "204", description = "Revoked (also when it was revoked before)")
    public Response revoke(@PathParam("view") String view, @PathParam("link") String link) {
        SavedView saved = view(view);
        long id;
        try {
            id = Long.parseLong(link);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.shareLinkNotFound");
        }
        ShareLink found = links.byId(id)
                .filter(l -> l.view().id().equals(saved.id()))
                .orElseThrow(() -> ProblemException.notFound("problem.shareLinkNotFound"));
        links.revoke(found.id());
        return Response.noContent().build();
    }

    private SavedView view(String id) {
        return views.byId(id).orElseThrow(() -> ProblemException.notFound("problem.savedViewNotFound"));
    }

    private String base() {
        return settings.publicUrl().orElseGet(() -> {
            String b = uri.getBaseUri().toString();
            b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
            return b.endsWith("/api/v1") ? b.substring(0, b.length() - "/api/v1".length()) : b;
        });
    }
}
