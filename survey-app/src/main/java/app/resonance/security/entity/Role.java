package app.resonance.security.entity;

import app.resonance.platform.entity.Scope;
import java.util.EnumSet;
import java.util.Set;

/** ADMIN: everything. SUPPORT_LEAD: analytics, responses, follow-ups. VIEWER: read only. */
public enum Role {
    ADMIN(EnumSet.allOf(Scope.class)),
    SUPPORT_LEAD(EnumSet.of(Scope.READ_ANALYTICS, Scope.READ_RESPONSES, Scope.WRITE_RESPONSES)),
    VIEWER(EnumSet.of(Scope.READ_ANALYTICS, Scope.READ_RESPONSES));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    /**
     * The scopes a token of a user with this role may have: none that would only be refused by the role
     * anyway (a viewer changes nothing, so no write scope; only an admin has the admin scope).
     */
    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }
}
