package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Topics;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Comments in the admin API: the paged list with scores, segments, themes and sentiment, full-text
 * search and theme filter; and the theme counts per segment and period. For anonymous surveys the
 * customer and segments of a comment are never shown, and no segment count below five.
 */
@Path("admin/analytics/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminCommentsResource {

    @Inject
    Comments comments;

    @Inject
    AnalyticsSettings settings;

    @Inject
    SurveyCatalog surveys;

    @Inject
    SegmentCatalog segments;

    @Inject
    Topics topics;

    @Context
    HttpHeaders headers;

    @Inject
    Validator validator;

    @GET
    @Transactional
    @Operation(
            summary = "Comments (free-text answers), newest first, with score, segments, themes and sentiment",
            description = "Filtered by survey (required), search text, theme, segment, channel, language and days;"
                    + " paged by offset and limit.")
    public CommentJson.Page list(@BeanParam CommentParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        var request = parameters.read(validator, surveys, segments, topics, messages);
        boolean anonymous = request.survey().anonymous();
        var page = comments.page(request.filter(), settings.zone(), request.offset(), request.limit());
        return new CommentJson.Page(
                page.total(),
                request.offset(),
                request.limit(),
                page.comments().stream()
                        .map(c -> CommentJson.Comment.of(c, anonymous))
                        .toList());
    }

    @GET
    @Path("themes")
    @Transactional
    @Operation(
            summary = "Theme counts of the comments per segment and per period, with sentiment",
            description = "Filtered as the comment list; counted per period of the granularity (default MONTH).")
    public CommentJson.Themes themes(@BeanParam CommentParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        var request = parameters.read(validator, surveys, segments, topics, messages);
        var summary = comments.themes(request.filter(), settings.zone(), request.granularity());
        return CommentJson.Themes.of(
                summary, request.granularity().name(), request.survey().anonymous(), messages);
    }
}
