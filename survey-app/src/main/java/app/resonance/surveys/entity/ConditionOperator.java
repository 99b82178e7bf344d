package app.resonance.surveys.entity;

/** How a question's condition compares the earlier answer it depends on. */
public enum ConditionOperator {
    /** The answer is one of the values (scores or option codes). */
    ANY_OF,
    /** The question was answered, and with none of the values. */
    NONE_OF,
    /** The score lies between the two values, both included. */
    BETWEEN,
    /** The question was answered at all. */
    ANSWERED
}
