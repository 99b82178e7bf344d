package app.resonance.surveys.control;

import java.util.List;

/**
 * Skip logic as the admin API takes it: show the question only when the answer to the earlier question
 * {@code question} matches: {@code operator} ANY_OF / NONE_OF with scores or option codes as
 * {@code values}, BETWEEN with {@code [min, max]}, or ANSWERED.
 */
public record ConditionDraft(String question, String operator, List<String> values) {}
