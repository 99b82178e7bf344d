package app.resonance.security.boundary;

import app.resonance.forms.control.AppSecrets;
import app.resonance.platform.boundary.DatabaseUnavailable;
import app.resonance.platform.boundary.ErrorPageServlet;
import app.resonance.platform.boundary.SecurityHeaders;
import app.resonance.security.control.LoginThrottle;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates both ways in: the admin API by HTTP Basic for a user or a Bearer API token (never by
 * a session, so a browser's cookies cannot act on the API), and the console under {@code /admin} by form
 * login into the HTTP session. A protected API address without valid credentials answers 401
 * (problem+json through the error page) with WWW-Authenticate; a protected console page sends the
 * browser to the login page (with the security headers: the redirect leaves before any filter runs).
 *
 * <p>Every failed login counts against the client's address too ({@link LoginThrottle}, by keyed hash):
 * after {@code resonance.login.client-failures} failures (20) in 15 minutes, logins from that address are
 * refused, the console says so and the API answers 401.
 *
 * <p>Users and tokens live in the database: while it cannot be used, a request that needs them is answered
 * here with 503, Retry-After and the security headers (no filter or exception mapper runs this early).
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Resonance\", Bearer realm=\"Resonance\"";
    /** The session attribute that holds the user name of a console login. */
    public static final String SESSION_USER = "resonance.console.user";
    /** The request attribute that tells the login page why a login failed: "locked", "throttled" or "invalid". */
    public static final String LOGIN_FAILURE = "resonance.console.loginFailure";
    /** With "throttled": the request attribute with the minutes the client has to wait (an Integer). */
    public static final String LOGIN_WAIT_MINUTES = "resonance.console.loginWaitMinutes";

    public static final String CONSOLE = "/admin";
    public static final String LOGIN_PAGE = "/admin/login.xhtml";

    @Inject
    UserDirectory users;

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "resonance.login.client-failures", defaultValue = "20")
    int clientFailures;

    private LoginThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new LoginThrottle(clientFailures, clock);
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
                return console(request, path, context);
            }
            return api(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            return unavailable(request, response);
        }
    }

    /** The answer is written and committed: the container sends it as it is and calls nothing else. */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            ErrorPageServlet.databaseUnavailable(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus console(HttpServletRequest request, String path, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            String client = secrets.clientKey(request.getRemoteAddr());
            Optional<Duration> wait = throttle.blocked(client);
            if (wait.isPresent()) {
                request.setAttribute(LOGIN_FAILURE, "throttled");
                request.setAttribute(
                        LOGIN_WAIT_MINUTES, (int) Math.max(1, (wait.get().toSeconds() + 59) / 60));
                return AuthenticationStatus.SEND_FAILURE;
            }
            var result = users.login(credential.getCaller(), credential.getPasswordAsString());
            if (result instanceof UserDirectory.LoginResult.Success success) {
                // A new session id at login: a session id planted before the login is worth nothing.
                HttpSession existing = request.getSession(false);
                if (existing != null) {
                    request.changeSessionId();
                }
                request.getSession(true)
                        .setAttribute(SESSION_USER, success.user().username());
                return login(context, success.user());
            }
            throttle.failed(client);
            request.setAttribute(
                    LOGIN_FAILURE, ((UserDirectory.LoginResult.Failure) result).locked() ? "locked" : "invalid");
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(SESSION_USER);
        if (username instanceof String name) {
            // Read the user on every request: a disabled user or a changed role counts at once.
            Optional<AppUser> user = users.byUsername(name).filter(AppUser::enabled);
            if (user.isPresent()) {
                return login(context, user.get());
            }
            session.invalidate();
        }
        if (context.isProtected() && !path.equals(LOGIN_PAGE)) {
            SecurityHeaders.apply(request, context.getResponse());
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus login(HttpMessageContext context, AppUser user) {
        return context.notifyContainerAboutLogin(
                user.username(), Set.of(user.role().name()));
    }

    private AuthenticationStatus api(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        Optional<AppUser> user = Optional.empty();
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String client = secrets.clientKey(request.getRemoteAddr());
            if (throttle.blocked(client).isPresent()) {
                return challenge(response, context);
            }
            user = basic(authorization.substring(6).trim());
            if (user.isEmpty()) {
                throttle.failed(client);
            }
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = users.byToken(authorization.substring(7).trim());
        }
        if (user.isEmpty()) {
            return challenge(response, context);
        }
        return login(context, user.get());
    }

    private Optional<AppUser> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        var result = users.login(decoded.substring(0, colon), decoded.substring(colon + 1));
        return result instanceof UserDirectory.LoginResult.Success success
                ? Optional.of(success.user())
                : Optional.empty();
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }
}
