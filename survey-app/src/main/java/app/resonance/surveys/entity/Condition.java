package app.resonance.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Skip logic: a question is shown only when the answer to an earlier question matches. For example
 * "what should we improve?" only when the NPS score is between 0 and 6.
 */
@Embeddable
public class Condition {

    @Column(name = "show_if_question")
    private String questionKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "show_if_operator")
    private ConditionOperator operator;

    /** Comma-separated scores or option codes; for BETWEEN the lower and upper bound. */
    @Column(name = "show_if_values")
    private String values;

    protected Condition() {}

    public Condition(String questionKey, ConditionOperator operator, List<String> values) {
        this.questionKey = questionKey;
        this.operator = operator;
        this.values = values == null ? "" : String.join(",", values);
    }

    public String questionKey() {
        return questionKey;
    }

    public ConditionOperator operator() {
        return operator;
    }

    public List<String> values() {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(values.split(",")).map(String::trim).toList();
    }

    /** An empty embeddable read from a row without a condition. */
    public boolean isEmpty() {
        return questionKey == null || operator == null;
    }

    /**
     * Whether the condition holds for the earlier answer: its scores or chosen option codes (empty when
     * it was not answered, or only with text).
     */
    public boolean matches(boolean answered, Collection<String> chosen) {
        return switch (operator) {
            case ANSWERED -> answered;
            case ANY_OF -> chosen.stream().anyMatch(values()::contains);
            case NONE_OF -> answered && chosen.stream().noneMatch(values()::contains);
            case BETWEEN -> {
                List<String> bounds = values();
                int min = Integer.parseInt(bounds.get(0));
                int max = Integer.parseInt(bounds.get(1));
                yield chosen.stream()
                        .anyMatch(c -> isInt(c) && Integer.parseInt(c) >= min && Integer.parseInt(c) <= max);
            }
        };
    }

    private static boolean isInt(String s) {
        return s.matches("-?\\d{1,9}");
    }
}
