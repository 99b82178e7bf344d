package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Sentiment;
import app.resonance.analytics.control.Theme;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    @Context
    UriInfo uri;

    private record Request(CommentFilter filter, Survey survey, int offset, int limit, Granularity granularity) {}

    private Request read(Messages messages) {
        var params = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        Survey survey = null;
        String slug = params.getFirst("survey");
        if (slug == null) {
            errors.add(messages.error("survey", "required"));
        } else {
            survey = surveys.bySlug(slug).orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        LocalDate from = AnalyticsQuery.date(params.getFirst("from"), null, "from", errors, messages);
        LocalDate to = AnalyticsQuery.date(params.getFirst("to"), null, "to", errors, messages);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(messages.error("from", "fromAfterTo"));
        }
        Segment segment = null;
        if (params.getFirst("segment") != null) {
            segment = segments.byKey(params.getFirst("segment")).orElse(null);
            if (segment == null) {
                errors.add(messages.error("segment", "unknownSegment"));
            }
        }
        Channel channel = params.getFirst("channel") == null
                ? null
                : AnalyticsQuery.enumValue(Channel.class, params.getFirst("channel"), "channel", errors, messages);
        String locale = params.getFirst("locale");
        if (locale != null && !locale.equals("de") && !locale.equals("en")) {
            errors.add(messages.error("locale", "oneOf", "de, en"));
        }
        Theme theme = params.getFirst("theme") == null
                ? null
                : AnalyticsQuery.enumValue(Theme.class, params.getFirst("theme"), "theme", errors, messages);
        String search = params.getFirst("q");
        if (search != null && search.length() > 200) {
            errors.add(messages.error("q", "tooLong", 200));
        }
        int offset = number(params.getFirst("offset"), 0, 0, Integer.MAX_VALUE, "offset", errors, messages);
        int limit = number(params.getFirst("limit"), 50, 1, 500, "limit", errors, messages);
        Granularity granularity = params.getFirst("granularity") == null
                ? Granularity.DEFAULT
                : AnalyticsQuery.enumValue(
                        Granularity.class, params.getFirst("granularity"), "granularity", errors, messages);
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        return new Request(
                new CommentFilter(
                        survey.id(),
                        from,
                        to,
                        segment == null ? null : segment.id(),
                        channel == null ? null : channel.name(),
                        locale,
                        search,
                        theme),
                survey,
                offset,
                limit,
                granularity);
    }

    private static int number(
            String text, int fallback, int min, int max, String field, List<FieldError> errors, Messages messages) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(messages.error(field, "range", min, max));
        return fallback;
    }

    @GET
    @Transactional
    @Operation(
            summary = "Comments (free-text answers), newest first, with score, segments, themes and sentiment",
            description =
                    "Query: survey (required), q (search text, case-insensitive), theme, segment, channel, locale,"
                            + " from, to, offset, limit (1-500, default 50).")
    public JsonObject list() {
        Messages messages = RequestLanguage.messages(headers);
        Request request = read(messages);
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
            description = "Query: survey (required), segment, channel, locale, from, to, granularity (default MONTH).")
    public JsonObject themes() {
        Messages messages = RequestLanguage.messages(headers);
        Request request = read(messages);
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
