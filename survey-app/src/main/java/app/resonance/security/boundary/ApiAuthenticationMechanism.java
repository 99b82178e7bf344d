package app.resonance.security.boundary;

import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the admin API: HTTP Basic for a user, or a Bearer API token. A protected address without
 * valid credentials answers 401 (problem+json through the error page), with WWW-Authenticate.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Resonance\", Bearer realm=\"Resonance\"";

    @Inject
    UserDirectory users;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        Optional<AppUser> user = Optional.empty();
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = basic(authorization.substring(6).trim());
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = users.byToken(authorization.substring(7).trim());
        }
        if (user.isEmpty()) {
            return challenge(response, context);
        }
        return context.notifyContainerAboutLogin(
                user.get().username(), Set.of(user.get().role().name()));
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
