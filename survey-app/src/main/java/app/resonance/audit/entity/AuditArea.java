package app.resonance.audit.entity;

/** What kind of thing an audited change touched. */
public enum AuditArea {
    SURVEY,
    CUSTOMER,
    SEGMENT,
    USER,
    SETTING,
    DISTRIBUTION
}
