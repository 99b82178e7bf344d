package app.resonance.console.security;

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
import java.util.Optional;

/** Who is signed in and what the role allows, for the pages (which show only what may be used) and logout. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    private Optional<AppUser> user;

    public AppUser getUser() {
        if (user == null) {
            user = security.getCallerPrincipal() == null
                    ? Optional.empty()
                    : users.byUsername(security.getCallerPrincipal().getName());
        }
        return user.orElse(null);
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN.name());
    }

    /** Whether the caller leads follow-ups: a support lead or an admin (they see the overdue flag). */
    public boolean isLeadOrAdmin() {
        return isAdmin() || security.isCallerInRole(Role.SUPPORT_LEAD.name());
    }

    public String logout() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/admin/login.xhtml?faces-redirect=true";
    }
}
