package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Sentiment;
import app.resonance.platform.control.Messages;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Comments and theme counts as the admin API answers them (records bound by JSON-B). For an anonymous survey
 * a comment names no customer and no segments, and a segment's theme count below five is null.
 */
final class CommentJson {

    private CommentJson() {}

    @Schema(name = "CommentPage", description = "A page of comments, newest first, and how many match in all")
    @JsonbPropertyOrder({"total", "offset", "limit", "comments"})
    public record Page(long total, int offset, int limit, List<Comment> comments) {}

    @Schema(
            name = "Comment",
            description = "A free-text answer with the response's score, segments, themes and sentiment")
    @JsonbPropertyOrder({
        "responseId",
        "submittedAt",
        "question",
        "text",
        "locale",
        "channel",
        "sentiment",
        "score",
        "scoreQuestion",
        "customer",
        "segments",
        "themes"
    })
    public record Comment(
            long responseId,
            String submittedAt,
            String question,
            String text,
            String locale,
            String channel,
            String sentiment,
            @JsonbNillable Integer score,
            @JsonbNillable String scoreQuestion,
            @JsonbNillable String customer,
            List<String> segments,
            List<String> themes) {

        static Comment of(Comments.Comment c, boolean anonymous) {
            return new Comment(
                    c.responseId(),
                    c.submittedAt().toString(),
                    c.questionKey(),
                    c.text(),
                    c.locale(),
                    c.channel(),
                    c.sentiment().name(),
                    c.score(),
                    c.score() == null ? null : c.scoreQuestion(),
                    anonymous ? null : c.customer(),
                    anonymous ? List.of() : c.segments(),
                    c.themes());
        }
    }

    @Schema(name = "CommentThemes", description = "Theme counts of the comments per segment and period, with sentiment")
    @JsonbPropertyOrder({"comments", "granularity", "sentiment", "themes"})
    public record Themes(long comments, String granularity, Map<String, Long> sentiment, List<ThemeCount> themes) {

        static Themes of(Comments.ThemeSummary summary, String granularity, boolean anonymous, Messages messages) {
            return new Themes(
                    summary.comments(),
                    granularity,
                    sentiments(summary.bySentiment()),
                    summary.themes().stream()
                            .map(count ->
                                    ThemeCount.of(count, summary.comments(), summary.byPeriod(), anonymous, messages))
                            .toList());
        }
    }

    @Schema(
            name = "ThemeCount",
            description = "One topic (theme: its key): its comments in all, their share, per segment (null where an"
                    + " anonymous survey's count is below five), per period, by sentiment, and per period its share of"
                    + " the period's comments and its sentiment")
    @JsonbPropertyOrder({
        "theme",
        "name",
        "comments",
        "share",
        "bySegment",
        "byPeriod",
        "sentiment",
        "shareByPeriod",
        "sentimentByPeriod"
    })
    public record ThemeCount(
            String theme,
            String name,
            long comments,
            double share,
            Map<String, Long> bySegment,
            Map<String, Long> byPeriod,
            Map<String, Long> sentiment,
            Map<String, Double> shareByPeriod,
            Map<String, Map<String, Long>> sentimentByPeriod) {

        static ThemeCount of(
                Comments.ThemeCount count,
                long all,
                Map<String, Long> commentsByPeriod,
                boolean anonymous,
                Messages messages) {
            Map<String, Double> shares = new LinkedHashMap<>();
            Map<String, Map<String, Long>> sentimentByPeriod = new LinkedHashMap<>();
            count.byPeriod().forEach((period, n) -> {
                shares.put(period, count.share(period, commentsByPeriod));
                sentimentByPeriod.put(
                        period, sentiments(count.sentimentByPeriod().getOrDefault(period, Map.of())));
            });
            Map<String, Long> bySegment = new LinkedHashMap<>();
            count.bySegment()
                    .forEach((segment, n) ->
                            bySegment.put(segment, anonymous && n < ReportingRules.ANONYMITY_GROUP ? null : n));
            return new ThemeCount(
                    count.topic().key(),
                    count.topic().name(messages.locale()),
                    count.comments(),
                    all == 0 ? 0.0 : (double) count.comments() / all,
                    bySegment,
                    new LinkedHashMap<>(count.byPeriod()),
                    sentiments(count.bySentiment()),
                    shares,
                    sentimentByPeriod);
        }
    }

    /** Every sentiment, in order, with its count (0 when none). */
    static Map<String, Long> sentiments(Map<Sentiment, Long> counts) {
        Map<String, Long> json = new LinkedHashMap<>();
        for (Sentiment s : Sentiment.values()) {
            json.put(s.name(), counts.getOrDefault(s, 0L));
        }
        return json;
    }
}
