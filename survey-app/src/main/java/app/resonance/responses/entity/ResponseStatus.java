package app.resonance.responses.entity;

/** A partial response is saved page by page and completed later; it is never counted twice. */
public enum ResponseStatus {
    PARTIAL,
    COMPLETE
}
