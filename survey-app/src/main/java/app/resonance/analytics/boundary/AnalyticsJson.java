package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.Significance;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.control.Visibility;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.Messages;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Analytics as the admin API answers them: records bound by JSON-B, so that the OpenAPI document describes
 * them. A figure that may not be shown has {@code "value": null} and a {@code "display"} text ("Not enough
 * responses"); an anonymous group below five has no {@code responses} either. Nullable numbers are written
 * as {@code null} (never left out); {@code display} is left out when the figure is shown.
 */
public final class AnalyticsJson {

    private AnalyticsJson() {}

    private static final String DATE = "date";

    @Schema(name = "Figure", description = "One figure with its 95 % margin of error; numbers are null unless SHOWN")
    @JsonbPropertyOrder({
        "metric",
        "visibility",
        "responses",
        "value",
        "standardError",
        "marginOfError",
        "low",
        "high",
        "display"
    })
    public record Figure(
            Metric metric,
            Visibility visibility,
            @JsonbNillable Long responses,
            @JsonbNillable Double value,
            @JsonbNillable Double standardError,
            @JsonbNillable Double marginOfError,
            @JsonbNillable Double low,
            @JsonbNillable Double high,
            String display) {}

    @Schema(name = "Change", description = "Two-sided z test of the difference; numbers null when a side is not shown")
    @JsonbPropertyOrder({"difference", "standardError", "z", "pValue", "significant"})
    public record Change(
            @JsonbNillable Double difference,
            @JsonbNillable Double standardError,
            @JsonbNillable Double z,
            @JsonbNillable Double pValue,
            boolean significant) {}

    @Schema(name = "TrendPeriod", description = "One period of a trend")
    @JsonbPropertyOrder({"period", "from", "to", "figure"})
    public record Period(String period, String from, String to, Figure figure) {}

    @Schema(name = "Marker", description = "An action marked on the trend")
    @JsonbPropertyOrder({"id", "date", "label", "createdBy", "createdAt", "survey", "segment", "description"})
    public record Marker(
            long id,
            String date,
            String label,
            String createdBy,
            String createdAt,
            @JsonbNillable String survey,
            @JsonbNillable String segment,
            @JsonbNillable String description) {}

    @Schema(name = "Trend", description = "A metric per period with margins, and the markers in the range")
    @JsonbPropertyOrder({
        "metric",
        "survey",
        "question",
        "segment",
        "granularity",
        "zone",
        "from",
        "to",
        "total",
        "points",
        "markers"
    })
    public record Trend(
            Metric metric,
            String survey,
            String question,
            String segment,
            Granularity granularity,
            String zone,
            String from,
            String to,
            Figure total,
            List<Period> points,
            List<Marker> markers) {}

    @Schema(name = "SegmentFigure", description = "One segment (segment null: all responses) now and before")
    @JsonbPropertyOrder({"segment", "name", "current", "previous", "change"})
    public record SegmentRow(
            @JsonbNillable String segment, String name, Figure current, Figure previous, Change change) {}

    @Schema(name = "SegmentComparison", description = "Every segment against the previous period of the same length")
    @JsonbPropertyOrder({"metric", "zone", "from", "to", "previousFrom", "previousTo", "segments"})
    public record SegmentComparison(
            Metric metric,
            String zone,
            String from,
            String to,
            String previousFrom,
            String previousTo,
            List<SegmentRow> segments) {}

    @Schema(name = "Window", description = "The days on one side of a marker and their figure")
    @JsonbPropertyOrder({"from", "to", "figure"})
    public record Window(String from, String to, Figure figure) {}

    @Schema(name = "BeforeAfter", description = "The days before a marker against the days from it")
    @JsonbPropertyOrder({"before", "after", "change"})
    public record BeforeAfter(Window before, Window after, Change change) {}

    @Schema(name = "MarkerImpact", description = "Did the action work?")
    @JsonbPropertyOrder({"marker", "metric", "days", "result"})
    public record Impact(Marker marker, Metric metric, int days, BeforeAfter result) {}

    @Schema(name = "RollupRebuild", description = "Responses counted again and the zone they were counted in")
    @JsonbPropertyOrder({"responses", "zone"})
    public record Rebuild(long responses, String zone) {}

    public static Figure estimate(Estimate e, Messages messages) {
        String display = null;
        if (e.visibility() == Visibility.NOT_ENOUGH_RESPONSES) {
            display = messages.get("analytics.notEnoughResponses");
        } else if (e.visibility() == Visibility.HIDDEN_FOR_ANONYMITY) {
            display = messages.get("analytics.hiddenForAnonymity");
        }
        return new Figure(
                e.metric(),
                e.visibility(),
                e.responses(),
                e.value(),
                e.standardError(),
                e.marginOfError(),
                e.low(),
                e.high(),
                display);
    }

    static Change significance(Significance s) {
        return new Change(s.difference(), s.standardError(), s.z(), s.pValue(), s.significant());
    }

    public static Period point(TrendPoint point, Messages messages) {
        return new Period(
                point.label(), point.start().toString(), point.end().toString(), estimate(point.estimate(), messages));
    }

    static Marker marker(TrendMarker marker) {
        return new Marker(
                marker.id(),
                marker.date().toString(),
                marker.label(),
                marker.createdBy(),
                marker.createdAt().toString(),
                marker.survey().map(s -> s.slug()).orElse(null),
                marker.segment().map(s -> s.key()).orElse(null),
                marker.description());
    }

    static BeforeAfter beforeAfter(TrendAnalysis.BeforeAfter result, Messages messages) {
        return new BeforeAfter(
                new Window(
                        result.beforeFrom().toString(),
                        result.beforeTo().toString(),
                        estimate(result.before(), messages)),
                new Window(
                        result.afterFrom().toString(), result.afterTo().toString(), estimate(result.after(), messages)),
                significance(result.change()));
    }
}
