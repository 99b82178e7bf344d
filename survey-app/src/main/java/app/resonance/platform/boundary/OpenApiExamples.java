package app.resonance.platform.boundary;

import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Examples for the OpenAPI schemas, taken from the demo (README's API tour). */
final class OpenApiExamples {

    private OpenApiExamples() {}

    static final Map<String, Object> EXAMPLES = Map.of(
            "Figure",
            json("""
                    {"metric": "NPS", "visibility": "SHOWN", "responses": 412, "value": 31.2, "standardError": 4.1,
                     "marginOfError": 8.0, "low": 23.2, "high": 39.2}"""),
            "Change",
            json("""
                    {"difference": 31.2, "standardError": 6.3, "z": 4.95, "pValue": 0.0000007, "significant": true}"""),
            "Texts",
            json("""
                    {"de": "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
                     "en": "How likely are you to recommend us?"}"""),
            "Submission",
            json("""
                    {"answers": {"nps": 9, "focus": "support", "reason": "Quick help"}, "locale": "en"}"""),
            "SubmissionReceipt",
            json("""
                    {"id": 22051, "survey": "relationship-nps", "version": 1, "status": "COMPLETE",
                     "submittedAt": "2026-11-22T09:30:00Z"}"""),
            "MarkerDraft",
            json("""
                    {"date": "2026-06-26", "label": "Check-in calls started", "survey": "relationship-nps",
                     "segment": "business"}"""),
            "Marker",
            json("""
                    {"id": 50, "date": "2026-06-26", "label": "Check-in calls started", "createdBy": "admin",
                     "createdAt": "2026-06-26T09:12:00Z", "survey": "relationship-nps", "segment": "business",
                     "description": "Business customers with a detractor score get a call"}"""),
            "TrendPeriod",
            json("""
                    {"period": "2026-06", "from": "2026-06-01", "to": "2026-06-30",
                     "figure": {"metric": "NPS", "visibility": "SHOWN", "responses": 96, "value": -12.5,
                      "standardError": 9.4, "marginOfError": 18.4, "low": -30.9, "high": 5.9}}"""));

    static Object json(String text) {
        return java(Jsonp.createReader(new StringReader(text)).readValue());
    }

    private static Object java(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, java(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(java(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER ->
                ((JsonNumber) value).isIntegral()
                        ? (Object) ((JsonNumber) value).longValue()
                        : (Object) ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
