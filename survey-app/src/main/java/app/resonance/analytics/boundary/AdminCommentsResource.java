package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Sentiment;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
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
    public JsonObject list(@BeanParam CommentParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        var request = parameters.read(validator, surveys, segments, messages);
        boolean anonymous = request.survey().anonymous();
        var page = comments.page(request.filter(), settings.zone(), request.offset(), request.limit());
        var items = Jsonp.createArrayBuilder();
        for (var c : page.comments()) {
            JsonObjectBuilder item = Jsonp.createObjectBuilder()
                    .add("responseId", c.responseId())
                    .add("submittedAt", c.submittedAt().toString())
                    .add("question", c.questionKey())
                    .add("text", c.text())
                    .add("locale", c.locale())
                    .add("channel", c.channel())
                    .add("sentiment", c.sentiment().name());
            if (c.score() == null) {
                item.addNull("score").addNull("scoreQuestion");
            } else {
                item.add("score", c.score()).add("scoreQuestion", c.scoreQuestion());
            }
            if (anonymous || c.customer() == null) {
                item.addNull("customer");
            } else {
                item.add("customer", c.customer());
            }
            var segmentKeys = Jsonp.createArrayBuilder();
            if (!anonymous) {
                c.segments().forEach(segmentKeys::add);
            }
            var themes = Jsonp.createArrayBuilder();
            c.themes().forEach(t -> themes.add(t.name()));
            items.add(item.add("segments", segmentKeys).add("themes", themes));
        }
        return Jsonp.createObjectBuilder()
                .add("total", page.total())
                .add("offset", request.offset())
                .add("limit", request.limit())
                .add("comments", items)
                .build();
    }

    @GET
    @Path("themes")
    @Transactional
    @Operation(
            summary = "Theme counts of the comments per segment and per period, with sentiment",
            description = "Filtered as the comment list; counted per period of the granularity (default MONTH).")
    public JsonObject themes(@BeanParam CommentParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        var request = parameters.read(validator, surveys, segments, messages);
        boolean anonymous = request.survey().anonymous();
        var summary = comments.themes(request.filter(), settings.zone(), request.granularity());
        var themes = Jsonp.createArrayBuilder();
        for (var count : summary.themes()) {
            var bySegment = Jsonp.createObjectBuilder();
            for (Map.Entry<String, Long> e : count.bySegment().entrySet()) {
                if (anonymous && e.getValue() < ReportingRules.ANONYMITY_GROUP) {
                    bySegment.addNull(e.getKey());
                } else {
                    bySegment.add(e.getKey(), e.getValue());
                }
            }
            var byPeriod = Jsonp.createObjectBuilder();
            count.byPeriod().forEach(byPeriod::add);
            themes.add(Jsonp.createObjectBuilder()
                    .add("theme", count.theme().name())
                    .add("name", messages.get("theme." + count.theme().name()))
                    .add("comments", count.comments())
                    .add("share", summary.comments() == 0 ? 0.0 : (double) count.comments() / summary.comments())
                    .add("bySegment", bySegment)
                    .add("byPeriod", byPeriod)
                    .add("sentiment", sentiments(count.bySentiment())));
        }
        return Jsonp.createObjectBuilder()
                .add("comments", summary.comments())
                .add("granularity", request.granularity().name())
                .add("sentiment", sentiments(summary.bySentiment()))
                .add("themes", themes)
                .build();
    }

    private static JsonObject sentiments(Map<Sentiment, Long> counts) {
        var json = Jsonp.createObjectBuilder();
        for (Sentiment s : Sentiment.values()) {
            json.add(s.name(), counts.getOrDefault(s, 0L));
        }
        return json.build();
    }
}
