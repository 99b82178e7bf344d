package app.resonance.analytics.control;

/** Whether a figure may be shown as a number. */
public enum Visibility {
    /** Enough responses: the figure is shown. */
    SHOWN,
    /** Fewer responses than the configured minimum: shown as "not enough responses", never as a number. */
    NOT_ENOUGH_RESPONSES,
    /** An anonymous survey's group of fewer than five: nothing about it is shown, not even its size. */
    HIDDEN_FOR_ANONYMITY
}
