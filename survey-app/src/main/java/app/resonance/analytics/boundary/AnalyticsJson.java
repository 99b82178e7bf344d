package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Significance;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.control.Visibility;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Analytics as JSON. A figure that may not be shown has {@code "value": null} and a {@code "display"}
 * text ("Not enough responses"); an anonymous group below five has no {@code responses} either.
 */
final class AnalyticsJson {

    private AnalyticsJson() {}

    static JsonObject estimate(Estimate e, Messages messages) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("metric", e.metric().name())
                .add("visibility", e.visibility().name());
        number(json, "responses", e.responses() == null ? null : e.responses().doubleValue(), true);
        number(json, "value", e.value(), false);
        number(json, "standardError", e.standardError(), false);
        number(json, "marginOfError", e.marginOfError(), false);
        number(json, "low", e.low(), false);
        number(json, "high", e.high(), false);
        if (e.visibility() == Visibility.NOT_ENOUGH_RESPONSES) {
            json.add("display", messages.get("analytics.notEnoughResponses"));
        } else if (e.visibility() == Visibility.HIDDEN_FOR_ANONYMITY) {
            json.add("display", messages.get("analytics.hiddenForAnonymity"));
        }
        return json.build();
    }

    static JsonObject significance(Significance s) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        number(json, "difference", s.difference(), false);
        number(json, "standardError", s.standardError(), false);
        number(json, "z", s.z(), false);
        number(json, "pValue", s.pValue(), false);
        return json.add("significant", s.significant()).build();
    }

    static JsonObject point(TrendPoint point, Messages messages) {
        return Jsonp.createObjectBuilder()
                .add("period", point.label())
                .add("from", point.start().toString())
                .add("to", point.end().toString())
                .add("figure", estimate(point.estimate(), messages))
                .build();
    }

    static JsonObject marker(TrendMarker marker) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", marker.id())
                .add("date", marker.date().toString())
                .add("label", marker.label())
                .add("createdBy", marker.createdBy())
                .add("createdAt", marker.createdAt().toString());
        marker.survey().ifPresentOrElse(s -> json.add("survey", s.slug()), () -> json.addNull("survey"));
        marker.segment().ifPresentOrElse(s -> json.add("segment", s.key()), () -> json.addNull("segment"));
        if (marker.description() == null) {
            json.addNull("description");
        } else {
            json.add("description", marker.description());
        }
        return json.build();
    }

    static JsonObject beforeAfter(TrendAnalysis.BeforeAfter result, Messages messages) {
        return Jsonp.createObjectBuilder()
                .add(
                        "before",
                        Jsonp.createObjectBuilder()
                                .add("from", result.beforeFrom().toString())
                                .add("to", result.beforeTo().toString())
                                .add("figure", estimate(result.before(), messages)))
                .add(
                        "after",
                        Jsonp.createObjectBuilder()
                                .add("from", result.afterFrom().toString())
                                .add("to", result.afterTo().toString())
                                .add("figure", estimate(result.after(), messages)))
                .add("change", significance(result.change()))
                .build();
    }

    private static void number(JsonObjectBuilder json, String name, Double value, boolean integer) {
        if (value == null) {
            json.addNull(name);
        } else if (integer) {
            json.add(name, value.longValue());
        } else {
            json.add(name, value);
        }
    }
}
