package app.resonance.surveys.entity;

/** OPTION: a choice; ROW and COLUMN: the statements and the scale of a matrix. */
public enum OptionRole {
    OPTION,
    ROW,
    COLUMN
}
