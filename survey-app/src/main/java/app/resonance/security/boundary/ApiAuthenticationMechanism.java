package app.resonance.security.boundary;

import app.resonance.platform.boundary.ErrorPageServlet;
import app.resonance.platform.boundary.SecurityHeaders;
import app.resonance.platform.control.AppSecrets;
import app.resonance.security.control.ApiTokens;
import app.resonance.security.control.LoginAudit;
import app.resonance.security.control.LoginDelays;
import app.resonance.security.control.LoginMetrics;
import app.resonance.security.control.LoginSettings;
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
import java.util.Locale;
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
 * <p>Failed logins (console form and API Basic) slow down the one who fails, never the account: per
 * name and client address ({@link LoginDelays}: after four failures that address waits 30 s, doubling up
 * to 15 minutes, before it may try that name again) and per client address across all names
 * ({@link LoginThrottle}: after {@code resonance.login.client-failures} failures (20) in 15 minutes). The
 * owner logging in from elsewhere is not held up; existing and unknown names get the same answer. While
 * an address waits, the console says for how long and the API answers 401 with Retry-After. Addresses
 * are kept only as keyed hashes. Wrong Bearer tokens are counted ({@link LoginMetrics}); an expired one is
 * answered 401 saying so. Console logins and failed logins are audited ({@link LoginAudit}); what a valid
 * token may do is left on the request for {@link ScopeFilter}.
 *
 * <p>Users and tokens live in the database: while it cannot be used, a request that needs them is answered
 * here with 503, Retry-After and the security headers (no filter or exception mapper runs this early).
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Resonance\", Bearer realm=\"Resonance\"";
    /** The session attribute that holds the user name of a console login. */
    public static final String SESSION_USER = "resonance.console.user";
    /** The request attribute that tells the login page why a login failed: "throttled" or "invalid". */
    public static final String LOGIN_FAILURE = "resonance.console.loginFailure";
    /** With "throttled": the request attribute with the seconds the client has to wait (a Long). */
    public static final String LOGIN_WAIT_SECONDS = "resonance.console.loginWaitSeconds";
    /** The request attribute with what a Bearer token may do ({@link ApiTokens.Grant}), for {@link ScopeFilter}. */
    public static final String TOKEN_GRANT = "resonance.api.tokenGrant";

    static final String EXPIRED_CHALLENGE =
            "Bearer realm=\"Resonance\", error=\"invalid_token\", error_description=\"The token expired\"";

    public static final String CONSOLE = "/admin";
    public static final String LOGIN_PAGE = "/admin/login.xhtml";

    @Inject
    UserDirectory users;

    @Inject
    ApiTokens tokens;

    @Inject
    LoginAudit audit;

    @Inject
    AppSecrets secrets;

    @Inject
    Clock clock;

    @Inject
    LoginMetrics metrics;

    @Inject
    LoginSettings loginSettings;

    @Inject
    @ConfigProperty(name = "resonance.login.client-failures", defaultValue = "20")
    int clientFailures;

    private LoginThrottle throttle;
    private LoginDelays delays;

    @PostConstruct
    void init() {
        throttle = new LoginThrottle(clientFailures, clock);
        delays = new LoginDelays(clock);
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
            return failed(request, response, e);
        }
    }

    /**
     * A failure here would reach the client as the container's bare 500 (no problem, no security headers,
     * nothing logged under an incident id): answered by the app instead, a 503 with Retry-After if the
     * database caused it or fails at the time. The answer is written and committed: the container sends it
     * as it is and calls nothing else.
     */
    private static AuthenticationStatus failed(
            HttpServletRequest request, HttpServletResponse response, RuntimeException failure) {
        try {
            ErrorPageServlet.failedEarly(request, response, failure);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus console(HttpServletRequest request, String path, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            String username = credential.getCaller();
            Optional<Duration> wait = waitFor(request, username);
            if (wait.isPresent()) {
                return throttled(request, wait.get());
            }
            if (!loginSettings.localAllowed()) {
                // single sign-on only: no password is checked, so none can be guessed here either
                audit.failed(username, "form");
                request.setAttribute(LOGIN_FAILURE, "localOff");
                return AuthenticationStatus.SEND_FAILURE;
            }
            var result = users.login(username, credential.getPasswordAsString());
            if (result instanceof UserDirectory.LoginResult.Success success) {
                delays.succeeded(attemptKey(request, username));
                // A new session id at login: a session id planted before the login is worth nothing.
                HttpSession existing = request.getSession(false);
                if (existing != null) {
                    request.changeSessionId();
                }
                request.getSession(true)
                        .setAttribute(SESSION_USER, success.user().username());
                audit.succeeded(success.user().username());
                return login(context, success.user());
            }
            metrics.failed("form");
            audit.failed(username, "form");
            Optional<Duration> next = failed(request, username);
            if (next.isPresent()) {
                return throttled(request, next.get());
            }
            request.setAttribute(LOGIN_FAILURE, "invalid");
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

    /** How long this address still has to wait before it may try this name (or any name), if at all. */
    private Optional<Duration> waitFor(HttpServletRequest request, String username) {
        return throttle.blocked(secrets.clientKey(request.getRemoteAddr()))
                .or(() -> delays.wait(attemptKey(request, username)));
    }

    /** Counts a failed login of this name from this address; answers the wait it starts, if any. */
    private Optional<Duration> failed(HttpServletRequest request, String username) {
        String client = secrets.clientKey(request.getRemoteAddr());
        throttle.failed(client);
        return delays.failed(attemptKey(request, username)).or(() -> throttle.blocked(client));
    }

    /** Name and address together, as a keyed hash: the same for existing and unknown names. */
    private String attemptKey(HttpServletRequest request, String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return secrets.clientKey(request.getRemoteAddr() + "\n" + name);
    }

    private static AuthenticationStatus throttled(HttpServletRequest request, Duration wait) {
        request.setAttribute(LOGIN_FAILURE, "throttled");
        request.setAttribute(LOGIN_WAIT_SECONDS, seconds(wait));
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Whole seconds, rounded up: a wait is never shown shorter than it is. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
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
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(request, response, context, authorization.substring(6).trim());
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var check = tokens.check(authorization.substring(7).trim());
            if (check instanceof ApiTokens.Check.Valid valid) {
                request.setAttribute(TOKEN_GRANT, valid.grant());
                return login(context, valid.user());
            }
            if (check instanceof ApiTokens.Check.Expired) {
                // 401 with a problem saying so (ErrorPageServlet), and RFC 6750's error in the challenge
                request.setAttribute(ErrorPageServlet.TOKEN_EXPIRED, Boolean.TRUE);
                response.setHeader("WWW-Authenticate", EXPIRED_CHALLENGE);
                return context.responseUnauthorized();
            }
            metrics.failed("bearer");
        }
        return challenge(response, context);
    }

    private AuthenticationStatus basic(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        // a malformed value is a failed login of the empty name, checked and counted like any other
        int colon = decoded.indexOf(':');
        String username = colon < 1 ? "" : decoded.substring(0, colon);
        String password = colon < 1 ? "" : decoded.substring(colon + 1);
        Optional<Duration> wait = waitFor(request, username);
        if (wait.isEmpty() && !loginSettings.localAllowed()) {
            // single sign-on only: the API takes tokens, no passwords
            audit.failed(username, "basic");
            return challenge(response, context);
        }
        if (wait.isEmpty()) {
            var result = users.login(username, password);
            if (result instanceof UserDirectory.LoginResult.Success success) {
                delays.succeeded(attemptKey(request, username));
                return login(context, success.user());
            }
            metrics.failed("basic");
            audit.failed(username, "basic");
            wait = failed(request, username);
        }
        wait.ifPresent(w -> response.setHeader("Retry-After", Long.toString(seconds(w))));
        return challenge(response, context);
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }
}
