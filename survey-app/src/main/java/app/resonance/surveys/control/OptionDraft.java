package app.resonance.surveys.control;

import app.resonance.platform.control.Texts;

/** A choice, a matrix row or a matrix column: its stable id and its label. */
public record OptionDraft(String id, Texts label) {}
