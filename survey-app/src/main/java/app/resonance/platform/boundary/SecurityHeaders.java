package app.resonance.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The headers every response carries; HSTS only where the request came over TLS. */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The console's pages: PrimeFaces sends a second policy of its own, "script-src 'self' 'nonce-…'", and
     * a browser enforces both, so only PrimeFaces' nonce-tagged scripts run; this one allows the inline
     * styles PrimeFaces components set and the QR code images.
     */
    static final String CONSOLE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; object-src 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** The console's policy with the single sign-on provider's origin among the form targets (logout goes there). */
    private static volatile String consolePolicy = CONSOLE_CONTENT_SECURITY_POLICY;

    private SecurityHeaders() {}

    /**
     * Lets the console's forms lead to this origin too (set once at start when single sign-on is configured):
     * logging out ends the session at the provider, a redirect that browsers check against form-action.
     */
    public static void allowConsoleFormTarget(String origin) {
        if (!origin.matches("https?://[A-Za-z0-9.:\\[\\]-]+")) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        consolePolicy = CONSOLE_CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        boolean console = request.getRequestURI().startsWith(request.getContextPath() + "/admin");
        response.setHeader("Content-Security-Policy", console ? consolePolicy : CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (console || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
