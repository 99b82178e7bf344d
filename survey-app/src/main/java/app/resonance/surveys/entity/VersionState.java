package app.resonance.surveys.entity;

/** A draft may still change; a published version never does. */
public enum VersionState {
    DRAFT,
    PUBLISHED
}
