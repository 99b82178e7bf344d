package app.resonance.responses.control;

import app.resonance.platform.control.Jsonp;
import app.resonance.responses.entity.Answer;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form holds, by field name: {@code q.<key>} for scores, choices and texts (several values for a
 * multiple choice), {@code q.<key>.<row>} for a matrix row. Turns them into the answers object the
 * validator checks, and stored answers back into fields to show again.
 */
public final class FormValues {

    private final Map<String, List<String>> fields;

    private FormValues(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static FormValues of(Map<String, List<String>> fields) {
        Map<String, List<String>> clean = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            List<String> nonBlank =
                    values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (name.startsWith("q.") && !nonBlank.isEmpty()) {
                clean.put(name, nonBlank);
            }
        });
        return new FormValues(clean);
    }

    public static FormValues empty() {
        return new FormValues(Map.of());
    }

    /**
     * The fields of an answers object as the API takes it, for evaluating skip logic before validation:
     * numbers and strings as they are, arrays item by item, matrices row by row.
     */
    public static FormValues ofJson(JsonObject answers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        answers.forEach((key, value) -> {
            String name = "q." + key;
            if (value instanceof jakarta.json.JsonNumber n) {
                fields.put(name, List.of(n.toString()));
            } else if (value instanceof jakarta.json.JsonString s
                    && !s.getString().isBlank()) {
                fields.put(name, List.of(s.getString()));
            } else if (value instanceof jakarta.json.JsonArray a && !a.isEmpty()) {
                fields.put(
                        name,
                        a.stream()
                                .map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())
                                .toList());
            } else if (value instanceof JsonObject o) {
                o.forEach((row, v) -> fields.put(name + "." + row, List.of(v.toString())));
            }
        });
        return new FormValues(fields);
    }

    /** The fields of stored answers. */
    public static FormValues ofAnswers(Collection<Answer> answers) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Answer answer : answers) {
            AnswerValue v = answer.value();
            String name = "q." + v.question().key();
            if (v.rowCode() != null) {
                fields.put(name + "." + v.rowCode(), List.of(v.optionCode()));
            } else if (v.score() != null) {
                fields.put(name, List.of(Integer.toString(v.score())));
            } else if (v.optionCode() != null) {
                fields.merge(name, List.of(v.optionCode()), (a, b) -> concat(a, b));
            } else if (v.text() != null) {
                fields.put(name, List.of(v.text()));
            }
        }
        return new FormValues(fields);
    }

    /** These values, with the fields of the given questions taken from {@code page} instead. */
    public FormValues with(Collection<Question> questions, FormValues page) {
        Map<String, List<String>> merged = new LinkedHashMap<>(fields);
        for (Question q : questions) {
            merged.keySet().removeIf(name -> belongsTo(name, q.key()));
            page.fields.forEach((name, values) -> {
                if (belongsTo(name, q.key())) {
                    merged.put(name, values);
                }
            });
        }
        return new FormValues(merged);
    }

    private static boolean belongsTo(String field, String key) {
        return field.equals("q." + key) || field.startsWith("q." + key + ".");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public List<String> values(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public String first(String field) {
        List<String> values = values(field);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Whether the question has any answer in these fields. */
    public boolean answered(Question question) {
        return fields.keySet().stream().anyMatch(name -> belongsTo(name, question.key()));
    }

    /** The scores or option codes chosen for a question (empty for texts and matrices). */
    public List<String> chosen(Question question) {
        return question.type().isText() || question.type() == QuestionType.MATRIX
                ? List.of()
                : values("q." + question.key());
    }

    /** The answers object, as the public API takes it, for the given questions. */
    public JsonObject answers(Collection<Question> questions) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        for (Question q : questions) {
            String name = "q." + q.key();
            switch (q.type()) {
                case NPS, CSAT, CES, RATING -> {
                    String v = first(name);
                    if (v != null) {
                        json.add(
                                q.key(),
                                v.matches("-?\\d{1,9}")
                                        ? Jsonp.createValue(Integer.parseInt(v))
                                        : Jsonp.createValue(v));
                    }
                }
                case MULTIPLE_CHOICE -> {
                    List<String> chosen = values(name);
                    if (!chosen.isEmpty()) {
                        JsonArrayBuilder array = Jsonp.createArrayBuilder();
                        chosen.forEach(array::add);
                        json.add(q.key(), array);
                    }
                }
                case MATRIX -> {
                    JsonObjectBuilder rows = Jsonp.createObjectBuilder();
                    boolean any = false;
                    for (var row : q.options(OptionRole.ROW)) {
                        String v = first(name + "." + row.code());
                        if (v != null) {
                            rows.add(row.code(), v);
                            any = true;
                        }
                    }
                    if (any) {
                        json.add(q.key(), rows);
                    }
                }
                default -> {
                    String v = first(name);
                    if (v != null) {
                        json.add(q.key(), v);
                    }
                }
            }
        }
        return json.build();
    }
}
