package app.resonance.console.platform;

import app.resonance.distribution.control.MailSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Cross-site request forgery, second line (the first is the view state): a console request that changes
 * something (every method but GET, HEAD and OPTIONS, so every Faces postback and PrimeFaces AJAX request,
 * the login included) must come from the console's own origin. The origin is the {@code Origin} header,
 * or the {@code Referer}'s when a browser sends no Origin; a foreign one (or {@code null}, as a sandboxed
 * frame sends it) is answered 403 before Faces sees the request.
 *
 * <p>The console's own origin is the configured public address ({@code resonance.public.url}) and the
 * address the request was sent to (its Host header, with the scheme of the connection or the
 * {@code X-Forwarded-Proto} a TLS proxy sets). A browser sets Host itself; a page on another site cannot
 * choose it. X-Forwarded-Host is not trusted: behind a proxy that rewrites Host, configure the public URL.
 *
 * <p>A request with neither header is let through: browsers send Origin on every cross-site POST, so
 * only other clients (scripts, or proxies that strip both headers) come without one, and a cross-site
 * page that made a browser strip them would still find no session cookie (SameSite=Lax) and need a view
 * state it cannot read.
 */
@WebFilter(urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleOriginFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ConsoleOriginFilter.class.getName());

    @Inject
    MailSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isSafeMethod(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> claimed = claimedOrigin(request.getHeader("Origin"), request.getHeader("Referer"));
        if (claimed.isPresent() && !isOwn(claimed.get(), request)) {
            LOG.warning(() -> "Refused a console " + request.getMethod() + " from a foreign origin");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isSafeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** The origin a request names: its Origin header, else its Referer's origin; empty with neither. */
    static Optional<String> claimedOrigin(String origin, String referer) {
        if (origin != null && !origin.isBlank()) {
            return Optional.of(origin.strip());
        }
        if (referer != null && !referer.isBlank()) {
            return Optional.of(origin(referer.strip()).orElse("null"));
        }
        return Optional.empty();
    }

    private boolean isOwn(String claimed, HttpServletRequest request) {
        String scheme = Optional.ofNullable(request.getHeader("X-Forwarded-Proto"))
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .filter(p -> p.equals("https") || p.equals("http"))
                .orElse(request.getScheme());
        return isOwn(claimed, settings.publicUrl(), scheme, request.getHeader("Host"));
    }

    /** Whether the claimed origin is the configured public one or the one the request was addressed to. */
    static boolean isOwn(String claimed, Optional<String> publicUrl, String scheme, String host) {
        Optional<String> normalised = origin(claimed);
        if (normalised.isEmpty()) {
            return false;
        }
        if (publicUrl.flatMap(ConsoleOriginFilter::origin).equals(normalised)) {
            return true;
        }
        return host != null
                && !host.isBlank()
                && origin(scheme + "://" + host.strip()).equals(normalised);
    }

    /** scheme://host[:port] in lower case, the default port left out; empty for anything else ("null"). */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
