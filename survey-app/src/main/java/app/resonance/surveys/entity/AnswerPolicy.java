package app.resonance.surveys.entity;

/** What a second visit of a personal invitation link does once the survey was answered. */
public enum AnswerPolicy {
    /** Shows "already answered". */
    SINGLE_ANSWER,
    /** Opens the answers again to change them; the response stays one response. */
    CHANGEABLE
}
