package app.resonance.security.entity;

/** ADMIN: everything. SUPPORT_LEAD: analytics, responses, follow-ups. VIEWER: read only. */
public enum Role {
    ADMIN,
    SUPPORT_LEAD,
    VIEWER
}
