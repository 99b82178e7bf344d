package app.resonance.surveys.entity;

/** What a survey measures; it decides the headline figure on the dashboards. */
public enum SurveyKind {
    NPS,
    CSAT,
    CES,
    ENPS,
    CUSTOM
}
