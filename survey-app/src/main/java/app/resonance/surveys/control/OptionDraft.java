package app.resonance.surveys.control;

/** A choice, a matrix row or a matrix column: its stable id and its label. */
public record OptionDraft(String id, Texts label) {}
