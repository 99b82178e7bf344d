package app.resonance.console.security;

import app.resonance.console.platform.Faces;
import app.resonance.security.boundary.ApiAuthenticationMechanism;
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

    private String username;
    private String password;

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
        if ("throttled".equals(failure)
                && request.getAttribute(ApiAuthenticationMechanism.LOGIN_WAIT_SECONDS) instanceof Long seconds) {
            Faces.error("login.throttled", waitText(seconds));
        } else {
            Faces.error("login.invalid");
        }
        return null;
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
