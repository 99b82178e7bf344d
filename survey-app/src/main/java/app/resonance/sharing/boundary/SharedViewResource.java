package app.resonance.sharing.boundary;

import app.resonance.analytics.boundary.AnalyticsJson;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import app.resonance.sharing.control.SharedViews;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A share link's figures as JSON, for people without an account (the page {@code /share/{token}} shows the same):
 * no login; 404 for an unknown token, 410 for an expired or revoked one, nothing else told. Never indexed.
 */
@Path("share/{token}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Share links")
public class SharedViewResource {

    /** Search engines neither index a shared view nor follow its links. */
    public static final String ROBOTS = "noindex, nofollow";

    @Inject
    SharedViews views;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(
            summary = "What a share link shows: the view's figures per period with n and margins",
            description = "Periods below the minimum number of responses have no value. Comments (text only, no"
                    + " customer) only when the link was made with them. 404 unknown token, 410 expired or revoked."
                    + " Every use is audited. Language from Accept-Language (de, en).")
    @APIResponse(
            responseCode = "200",
            description = "The view's figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SharedView")))
    @APIResponse(responseCode = "404", description = "No such link")
    @APIResponse(responseCode = "410", description = "The link expired or was revoked")
    public Response shared(@PathParam("token") String token) {
        Messages messages = RequestLanguage.messages(headers);
        SharedViews.Shown shown = views.open(token);
        Response.ResponseBuilder answer;
        if (shown instanceof SharedViews.Shown.Found found) {
            answer = Response.ok(page(found.page(), messages), MediaType.APPLICATION_JSON);
        } else if (shown instanceof SharedViews.Shown.Gone) {
            answer = Response.fromResponse(ProblemException.gone("problem.shareLinkGone")
                    .problem(messages)
                    .toResponse());
        } else {
            answer = Response.fromResponse(ProblemException.notFound("problem.shareLinkNotFound")
                    .problem(messages)
                    .toResponse());
        }
        return answer.header("X-Robots-Tag", ROBOTS)
                .header("Referrer-Policy", "no-referrer")
                .header("Vary", "Accept-Language")
                .build();
    }

    static ShareJson.Page page(SharedViews.Page p, Messages messages) {
        var query = p.query();
        var filter = query.filter();
        return new ShareJson.Page(
                p.name(),
                query.survey() == null
                        ? null
                        : query.survey()
                                .publishedVersion()
                                .map(v -> v.title().in(messages.locale()))
                                .orElse(query.survey().slug()),
                query.segment() == null ? null : query.segment().name().in(messages.locale()),
                filter.metric(),
                query.granularity(),
                p.zone(),
                filter.from().toString(),
                filter.to().toString(),
                AnalyticsJson.estimate(p.total(), messages),
                p.latest().map(t -> AnalyticsJson.point(t, messages)).orElse(null),
                p.points().stream().map(t -> AnalyticsJson.point(t, messages)).toList(),
                p.withComments(),
                p.comments().stream().map(ShareJson.Comment::of).toList());
    }
}
