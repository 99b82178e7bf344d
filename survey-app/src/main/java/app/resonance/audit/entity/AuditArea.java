package app.resonance.audit.entity;

/** What kind of thing an audited change touched. */
public enum AuditArea {
    SURVEY,
    CUSTOMER,
    SEGMENT,
    USER,
    SETTING,
    DISTRIBUTION,
    /** Console logins and failed logins. */
    LOGIN,
    /** API tokens: created, revoked, the admin scope used. */
    TOKEN,
    /** Alert rules: created, changed, paused, resumed, removed. */
    ALERT_RULE,
    /** Comment topics: created, changed, removed. */
    TOPIC,
    /** Teams: created, changed, removed; tasks escalated to a team's lead. */
    TEAM,
    /** Saved dashboard views: created, changed, removed. */
    SAVED_VIEW,
    /** Share links of saved views: created, revoked, and every use of one. */
    SHARE_LINK,
    /** Digests of saved views: created, changed, removed, sent on request. */
    DIGEST
}
