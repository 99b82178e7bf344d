package app.resonance.console.analytics;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * The Chart.js configuration of a trend: the value per period, its 95% band (value ± margin, drawn as a
 * filled area between low and high) and the markers as points on their period. Periods without a shown
 * figure are gaps, never zeros. A period the range covers only in part is named so on the axis ("2026-12
 * (partial)") and drawn as a hollow diamond; the page's extender (console/trend-chart.js) shows the band
 * once in the legend and writes each marker's label next to it. The JSON is safe inside a script element: every {@code <}, {@code >} and
 * {@code &} in labels someone typed is written as a Unicode escape.
 */
final class TrendChart {

    static final String VALUE_COLOR = "#1f5fa8";

    private TrendChart() {}

    /** Texts of the chart in the page's language. */
    record Texts(String value, String low, String high, String markers, String partial) {}

    static String json(
            List<TrendPoint> points, Granularity granularity, Map<Integer, String> markersByPoint, Texts texts) {
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        JsonArrayBuilder values = Jsonp.createArrayBuilder();
        JsonArrayBuilder lows = Jsonp.createArrayBuilder();
        JsonArrayBuilder highs = Jsonp.createArrayBuilder();
        JsonArrayBuilder marks = Jsonp.createArrayBuilder();
        JsonArrayBuilder styles = Jsonp.createArrayBuilder();
        JsonArrayBuilder fills = Jsonp.createArrayBuilder();
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            Estimate e = point.estimate();
            boolean partial = point.partial(granularity);
            labels.add(partial ? point.label() + " (" + texts.partial() + ")" : point.label());
            styles.add(partial ? "rectRot" : "circle");
            fills.add(partial ? "#ffffff" : VALUE_COLOR);
            if (e.shown()) {
                values.add(round(e.value()));
                lows.add(round(e.low()));
                highs.add(round(e.high()));
            } else {
                values.addNull();
                lows.addNull();
                highs.addNull();
            }
            if (markersByPoint.containsKey(i) && e.shown()) {
                marks.add(round(e.value()));
            } else {
                marks.addNull();
            }
        }
        JsonArrayBuilder markerLabels = Jsonp.createArrayBuilder();
        for (int i = 0; i < points.size(); i++) {
            markerLabels.add(markersByPoint.getOrDefault(i, ""));
        }
        JsonObjectBuilder data = Jsonp.createObjectBuilder()
                .add("labels", labels)
                .add(
                        "datasets",
                        Jsonp.createArrayBuilder()
                                .add(dataset(texts.value(), values, VALUE_COLOR, false)
                                        .add("borderWidth", 2)
                                        .add("pointRadius", 4)
                                        .add("pointStyle", styles)
                                        .add("pointBackgroundColor", fills))
                                .add(dataset(texts.low(), lows, "rgba(31,95,168,0.25)", false)
                                        .add("borderWidth", 0)
                                        .add("pointRadius", 0))
                                .add(dataset(texts.high(), highs, "rgba(31,95,168,0.25)", true)
                                        .add("borderWidth", 0)
                                        .add("pointRadius", 0))
                                .add(dataset(texts.markers(), marks, "#d9480f", false)
                                        .add("showLine", false)
                                        .add("pointStyle", "triangle")
                                        .add("pointRadius", 9)
                                        .add("markerLabels", markerLabels)));
        JsonObjectBuilder options = Jsonp.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("spanGaps", false)
                .add(
                        "plugins",
                        Jsonp.createObjectBuilder()
                                .add("legend", Jsonp.createObjectBuilder().add("position", "bottom")));
        String json = Jsonp.createObjectBuilder()
                .add("type", "line")
                .add("data", data)
                .add("options", options)
                .build()
                .toString();
        return scriptSafe(json);
    }

    private static JsonObjectBuilder dataset(
            String label, JsonArrayBuilder data, String color, boolean fillToPrevious) {
        JsonObjectBuilder set = Jsonp.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", color)
                .add("backgroundColor", color);
        if (fillToPrevious) {
            set.add("fill", "-1");
        } else {
            set.add("fill", false);
        }
        return set;
    }

    /** Bars of the score distribution 0..10 (or 1..n for shorter scales). */
    static String bars(List<String> labels, List<Long> counts, String label) {
        JsonArrayBuilder l = Jsonp.createArrayBuilder();
        labels.forEach(l::add);
        JsonArrayBuilder c = Jsonp.createArrayBuilder();
        counts.forEach(c::add);
        String json = Jsonp.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        Jsonp.createObjectBuilder()
                                .add("labels", l)
                                .add(
                                        "datasets",
                                        Jsonp.createArrayBuilder()
                                                .add(Jsonp.createObjectBuilder()
                                                        .add("label", label)
                                                        .add("data", c)
                                                        .add("backgroundColor", "#1f5fa8"))))
                .add(
                        "options",
                        Jsonp.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "plugins",
                                        Jsonp.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        Jsonp.createObjectBuilder()
                                                                .add("display", false))))
                .build()
                .toString();
        return scriptSafe(json);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** JSON that cannot end a script element or start markup: {@code < > &} only occur inside strings. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
