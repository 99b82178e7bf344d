package app.resonance.console.security;

import app.resonance.security.boundary.SingleSignOnServlet;
import app.resonance.security.control.SingleSignOn;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** Who is signed in and what the role allows, for the pages (which show only what may be used) and logout. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    app.resonance.platform.control.DataScopes scopes;

    @Inject
    app.resonance.customers.control.SegmentCatalog segments;

    private Optional<AppUser> user;

    public AppUser getUser() {
        if (user == null) {
            user = security.getCallerPrincipal() == null
                    ? Optional.empty()
                    : users.byUsername(security.getCallerPrincipal().getName());
        }
        return user.orElse(null);
    }

    /**
     * Whether the caller sees only some segments: the pages then offer no "all responses" choice and no company-wide
     * lists (the queries refuse them anyway).
     */
    public boolean isLimited() {
        return scopes.current().limited();
    }

    /** The names of the segments a limited caller sees, in the console's language ("Business"). */
    public String getScopeNames() {
        var locale = app.resonance.console.platform.Faces.locale();
        return segments.visible().stream()
                .map(s -> s.name().in(locale))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN.name());
    }

    /** Whether the caller leads follow-ups: a support lead or an admin (they see the overdue flag). */
    public boolean isLeadOrAdmin() {
        return isAdmin() || security.isCallerInRole(Role.SUPPORT_LEAD.name());
    }

    /**
     * Ends the session; after a login through the provider, the browser then ends the provider's session too
     * (RP-initiated logout, back to the login page), where the provider offers that.
     */
    public String logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        Object idToken = session == null ? null : session.getAttribute(SingleSignOnServlet.ID_TOKEN);
        Optional<URI> provider =
                idToken instanceof String token ? singleSignOn.logoutAddress(token, request) : Optional.empty();
        request.logout();
        external.invalidateSession();
        if (provider.isPresent()) {
            external.redirect(provider.get().toString());
            FacesContext.getCurrentInstance().responseComplete();
            return null;
        }
        return "/admin/login.xhtml?faces-redirect=true";
    }
}
