package app.resonance.surveys.entity;

/** DRAFT: never published; OPEN: answers are taken; CLOSED: the public link answers 410. */
public enum SurveyStatus {
    DRAFT,
    OPEN,
    CLOSED
}
