package app.resonance.digests.boundary;

import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.entity.SavedView;
import app.resonance.digests.control.DigestMail;
import app.resonance.digests.control.Digests;
import app.resonance.digests.entity.Digest;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Digests of a saved view: every role lists them; support leads and admins make, change, remove and send them (a
 * viewer gets 403, as for the view's share links). Every change is audited.
 */
@Path("admin/dashboard-views/{view}/digests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminDigestsResource {

    static final String RULES = " 422 naming the field: cadence (WEEKLY or MONTHLY); weekday (required with WEEKLY, an"
            + " ISO weekday, not with MONTHLY); dayOfMonth (required with MONTHLY, 1 to 28, not with WEEKLY); hour (0 to"
            + " 23); zone (an IANA time zone); recipients (1 to 50); recipients[i] (a user or an address, not both);"
            + " recipients[i].user (unknown, or without an e-mail address; a user gets their own language, so no"
            + " language); recipients[i].email (not an address, or twice); recipients[i].language (de or en).";

    @Inject
    SavedViews views;

    @Inject
    Digests digests;

    @Inject
    DigestMail mail;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    @Transactional
    @Operation(summary = "The view's digests, with the next send and the last period sent")
    public List<DigestJson.View> list(@PathParam("view") String view) {
        SavedView saved = view(view);
        return digests.ofView(saved.id()).stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One digest of the view")
    public DigestJson.View get(@PathParam("view") String view, @PathParam("id") String id) {
        return json(digest(view(view), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send the view weekly or monthly to users and addresses",
            description = "A weekly digest reports the last complete ISO week (Monday to Sunday) and is sent on its"
                    + " weekday of the next week, a monthly one the last complete month, sent on its day of the next"
                    + " month, both at the hour in the zone. The mail, in each recipient's language, holds the view's"
                    + " figure in the period with n and margin against the period before and whether the change is"
                    + " significant, the alerts raised in the period and the overdue follow-up tasks; the view's PDF"
                    + " report is attached."
                    + RULES)
    @APIResponse(
            responseCode = "201",
            description = "Made; Location names the digest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Digest")))
    public Response create(@PathParam("view") String view, DigestJson.Request request) {
        SavedView saved = view(view);
        Digests.Checked checked = checked(request);
        Digest digest =
                digests.create(saved, checked, security.getUserPrincipal().getName());
        return Response.created(URI.create("admin/dashboard-views/" + saved.id() + "/digests/" + digest.id()))
                .entity(json(digests.byId(digest.id()).orElseThrow()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a digest's schedule, recipients or pause", description = "The same checks." + RULES)
    public DigestJson.View change(
            @PathParam("view") String view, @PathParam("id") String id, DigestJson.Request request) {
        Digest digest = digest(view(view), id);
        Digests.Checked checked = checked(request);
        digests.update(digest.id(), checked).orElseThrow(AdminDigestsResource::notFound);
        return json(digests.byId(digest.id()).orElseThrow(AdminDigestsResource::notFound));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a digest")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("view") String view, @PathParam("id") String id) {
        Digest digest = digest(view(view), id);
        digests.delete(digest.id());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/send")
    @Transactional
    @Operation(
            summary = "Send the digest now",
            description = "Queues the mails of the last complete period (paused or not) in the outbox; the schedule"
                    + " still sends the period at its time. 409 when the view's filters no longer work; 429 with"
                    + " Retry-After when the digest was sent by hand in the last 10 minutes.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DigestSendResult")))
    public Response send(@PathParam("view") String view, @PathParam("id") String id) {
        Digest digest = digest(view(view), id);
        var period = Digests.schedule(digest).lastComplete(clock.instant());
        mail.broken(digest, period).ifPresent(reason -> {
            throw ProblemException.conflict("problem.digestViewBroken", reason);
        });
        Digests.Manual sent = digests.sendNow(digest.id());
        if (sent.sent() == null) {
            return Response.fromResponse(new ProblemException(
                                    "rate-limited",
                                    429,
                                    "Too Many Requests",
                                    "problem.digestSentRecently",
                                    List.of(),
                                    String.valueOf(Digests.MANUAL_PAUSE.toMinutes()))
                            .problem(RequestLanguage.messages(headers))
                            .toResponse())
                    .header("Retry-After", Math.max(1, sent.retryAfter().toSeconds()))
                    .build();
        }
        return Response.accepted(DigestJson.Sent.of(sent.sent())).build();
    }

    private Digests.Checked checked(DigestJson.Request request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        Digests.Result result = digests.check(request.draft(), messages);
        if (!result.errors().isEmpty()) {
            throw ProblemException.invalid("problem.invalidDigest", result.errors());
        }
        return result.checked();
    }

    private SavedView view(String id) {
        return views.byId(id).orElseThrow(() -> ProblemException.notFound("problem.savedViewNotFound"));
    }

    private Digest digest(SavedView view, String id) {
        try {
            return digests.byId(Long.parseLong(id))
                    .filter(d -> d.view().id().equals(view.id()))
                    .orElseThrow(AdminDigestsResource::notFound);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("problem.digestNotFound");
    }

    private DigestJson.View json(Digest digest) {
        return DigestJson.View.of(digest, digests.lastSent(digest.id()), clock.instant());
    }
}
