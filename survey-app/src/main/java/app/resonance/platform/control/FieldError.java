package app.resonance.platform.control;

import java.io.Serializable;

/** One bad input: the JSON path of the field (for example {@code answers.nps}) and what is wrong with it. */
public record FieldError(String field, String code, String message) implements Serializable {}
