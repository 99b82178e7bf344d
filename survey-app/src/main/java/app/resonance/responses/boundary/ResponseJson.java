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
    public record Submission(Map<String, Object> answers, String locale, Boolean partial) {}

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

    /** The full response, for admins. */
    public static JsonObject full(Response response) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", response.id())
                .add("survey", response.survey().slug())
                .add("version", response.version().number())
                .add("status", response.status().name())
                .add("channel", response.channel().name())
                .add("locale", response.locale())
                .add("submittedAt", response.submittedAt().toString())
                .add("receivedAt", response.receivedAt().toString());
        response.customer().ifPresent(c -> json.add("customer", c.externalId()));
        JsonArrayBuilder segments = JSON.createArrayBuilder();
        response.segments().stream().map(Segment::key).sorted().forEach(segments::add);
        json.add("segments", segments);
        return json.add("answers", answers(response.answers())).build();
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
