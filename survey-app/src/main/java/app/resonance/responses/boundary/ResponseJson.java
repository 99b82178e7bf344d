package app.resonance.responses.boundary;

import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.Jsonp;
import app.resonance.responses.entity.Answer;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.Question;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes responses as the API shows them; answers in the shape they were submitted in. */
public final class ResponseJson {

    private static final JsonProvider JSON = Jsonp.PROVIDER;

    private ResponseJson() {}

    /** What a client sends to submit answers (read strictly by {@code JsonInput}; described here for the OpenAPI). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "Submission",
            description = "Answers by question id: scores are integers, a single choice an option id, multiple"
                    + " choices an array of option ids, a matrix an object of row id to column id, texts strings")
    public record Submission(
            Map<String, Object> answers,
            String locale,
            Boolean partial,
            String channel,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "The survey's declared hidden fields (name to text); other names are"
                            + " ignored, values trimmed and cut to 200 characters")
            Map<String, String> hidden,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "The widget's signed customer id; invalid or expired: an anonymous answer")
            SignedCustomer identity) {}

    /** The customer id a widget site signed: sig = hex HMAC-SHA256(widget secret, customer + "." + ts). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "SignedCustomer",
            description = "An external customer id, the unix seconds it was signed at, and the hex HMAC-SHA256 of"
                    + " customer + \".\" + ts keyed with the survey's widget secret (valid for 10 minutes)")
    public record SignedCustomer(String customer, String ts, String sig) {}

    /** What an admin sends to import (backfill) a response for a known customer. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "ImportedSubmission",
            description = "A submission plus the customer's external id and the time the answers were given"
                    + " (ISO 8601 instant, not in the future; default now)")
    public record ImportedSubmission(
            Map<String, Object> answers,
            String customer,
            String submittedAt,
            String locale,
            Boolean partial,
            String channel,
            Map<String, String> hidden) {}

    /** What the submitter gets back with 201 (and again, unchanged, for a retry with the same Idempotency-Key). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SubmissionReceipt")
    public record Receipt(long id, String survey, int version, String status, String submittedAt) {}

    /** What the submitter gets back with 201. */
    public static JsonObject receipt(Response response) {
        return JSON.createObjectBuilder()
                .add("id", response.id())
                .add("survey", response.survey().slug())
                .add("version", response.version().number())
                .add("status", response.status().name())
                .add("submittedAt", response.submittedAt().toString())
                .build();
    }

    /** A response with everything stored about it, as admins read it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "ResponseDetail",
            description = "A response with its answers in the shape they were submitted in; customer is left out"
                    + " for an anonymous respondent")
    @jakarta.json.bind.annotation.JsonbPropertyOrder({
        "id",
        "survey",
        "version",
        "status",
        "channel",
        "locale",
        "submittedAt",
        "receivedAt",
        "customer",
        "segments",
        "hiddenFields",
        "eventAttributes",
        "answers"
    })
    public record Detail(
            long id,
            String survey,
            int version,
            String status,
            String channel,
            String locale,
            String submittedAt,
            String receivedAt,
            String customer,
            List<String> segments,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "The declared hidden fields the response arrived with")
            Map<String, String> hiddenFields,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "The attributes of the event (POST /api/v1/events) whose invitation the response"
                            + " answers")
            Map<String, String> eventAttributes,

            JsonObject answers) {}

    /** The full response, for admins. */
    public static Detail full(Response response) {
        return new Detail(
                response.id(),
                response.survey().slug(),
                response.version().number(),
                response.status().name(),
                response.channel().name(),
                response.locale(),
                response.submittedAt().toString(),
                response.receivedAt().toString(),
                response.customer().map(c -> c.externalId()).orElse(null),
                response.segments().stream().map(Segment::key).sorted().toList(),
                response.hiddenFields(),
                response.eventAttributes(),
                answers(response.answers()));
    }

    static JsonObject answers(List<Answer> answers) {
        Map<Question, List<Answer>> byQuestion = new LinkedHashMap<>();
        answers.stream()
                .sorted(Comparator.comparingInt((Answer a) -> a.question().position())
                        .thenComparing(a -> a.id()))
                .forEach(a -> byQuestion
                        .computeIfAbsent(a.question(), q -> new java.util.ArrayList<>())
                        .add(a));
        JsonObjectBuilder json = JSON.createObjectBuilder();
        byQuestion.forEach((question, values) -> {
            String key = question.key();
            switch (question.type()) {
                case NPS, CSAT, CES, RATING ->
                    json.add(key, values.get(0).value().score());
                case SINGLE_CHOICE -> json.add(key, values.get(0).value().optionCode());
                case MULTIPLE_CHOICE -> {
                    JsonArrayBuilder array = JSON.createArrayBuilder();
                    values.forEach(v -> array.add(v.value().optionCode()));
                    json.add(key, array);
                }
                case MATRIX -> {
                    JsonObjectBuilder matrix = JSON.createObjectBuilder();
                    values.forEach(
                            v -> matrix.add(v.value().rowCode(), v.value().optionCode()));
                    json.add(key, matrix);
                }
                case SHORT_TEXT, LONG_TEXT ->
                    json.add(key, values.get(0).value().text());
                default -> throw new IllegalStateException("Unhandled question type " + question.type());
            }
        });
        return json.build();
    }
}
