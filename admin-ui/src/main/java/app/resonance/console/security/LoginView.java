package app.resonance.console.security;

import app.resonance.console.platform.Faces;
import app.resonance.security.boundary.ApiAuthenticationMechanism;
import app.resonance.security.control.LoginSettings;
import app.resonance.security.control.SingleSignOn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * The login form: hands the credentials to Jakarta Security (ApiAuthenticationMechanism checks them,
 * slows down repeated failures, changes the session id and remembers the user in the session). A failure
 * says the same for unknown and existing names: wrong, or wait this long before the next try.
 */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext security;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    LoginSettings loginSettings;

    /** The reasons a login through the provider can come back with ({@code ?sso=...}), each a text. */
    static final Set<String> SSO_FAILURES =
            Set.of("unreachable", "refused", "state", "invalid_token", "no_role", "disabled", "no_scope");

    private String username;
    private String password;
    private String ssoFailure;

    public String login() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(
                                username == null ? "" : username.strip(),
                                new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            return "/admin/index.xhtml?faces-redirect=true";
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            FacesContext.getCurrentInstance().responseComplete();
            return null;
        }
        Object failure = request.getAttribute(ApiAuthenticationMechanism.LOGIN_FAILURE);
        if ("localOff".equals(failure)) {
            Faces.error("login.localOff");
        } else if ("throttled".equals(failure)
                && request.getAttribute(ApiAuthenticationMechanism.LOGIN_WAIT_SECONDS) instanceof Long seconds) {
            Faces.error("login.throttled", waitText(seconds));
        } else {
            Faces.error("login.invalid");
        }
        return null;
    }

    /** Says why a login through the provider came back without signing anybody in (an unknown reason: nothing). */
    public void showSsoFailure() {
        if (ssoFailure != null && SSO_FAILURES.contains(ssoFailure)) {
            Faces.error("login.sso." + ssoFailure);
        }
    }

    public boolean isSingleSignOn() {
        return singleSignOn.enabled();
    }

    /** "Sign in with Keycloak", or "Sign in with single sign-on" where the provider has no name configured. */
    public String getSingleSignOnLabel() {
        String name = singleSignOn.providerName();
        return name.isBlank() ? Faces.text("login.sso") : Faces.text("login.ssoWith", name);
    }

    /** Whether the password form is shown: local accounts may sign in. */
    public boolean isLocalLogin() {
        return loginSettings.localAllowed();
    }

    public String getSsoFailure() {
        return ssoFailure;
    }

    public void setSsoFailure(String ssoFailure) {
        this.ssoFailure = ssoFailure;
    }

    /** "30 seconds", "2 minutes" (rounded up) in the console's language. */
    static String waitText(long seconds) {
        return seconds < 60 ? Faces.text("login.seconds", seconds) : Faces.text("login.minutes", (seconds + 59) / 60);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
