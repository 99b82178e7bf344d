package app.resonance.responses.entity;

/** Where a response came from. */
public enum Channel {
    /** The anonymous public link. */
    LINK,
    /** A personal invitation link. */
    INVITATION,
    /** A one-click score in an email. */
    EMAIL,
    /** The widget embedded in the company's own site. */
    WIDGET,
    /** The public REST API. */
    API,
    /** Imported by an admin (backfill from another tool). */
    IMPORT
}
