package app.resonance.forms.boundary;

import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.control.SurveySettingsValidator;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-origin access for the embeddable widget: a survey's public definition and its submissions may be
 * used from the origins its settings allow, and only from those. A submission posted from any other
 * foreign origin is refused, so that no other site can post in a visitor's name. The allowed origins come
 * from the survey catalog's published cache, not from a query per request.
 */
@WebFilter(urlPatterns = "/api/v1/surveys/*", asyncSupported = true)
public class WidgetCorsFilter extends HttpFilter {

    private static final Pattern PATH = Pattern.compile("/api/v1/surveys/([a-z0-9-]{1,80})(/responses|/widget)?/?");

    @Inject
    SurveyCatalog catalog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        Matcher path = PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (origin == null || FormRequests.sameOrigin(request) || !path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String canonical = SurveySettingsValidator.origin(origin);
        boolean allowed = canonical != null
                && catalog.published(path.group(1))
                        .map(s -> s.allowedOrigins().contains(canonical))
                        .orElse(false);
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        response.addHeader("Vary", "Origin");
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
        }
        if (preflight) {
            if (allowed) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST");
                response.setHeader("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Accept-Language");
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(204);
            } else {
                response.sendError(403);
            }
            return;
        }
        if (!allowed && "POST".equals(request.getMethod())) {
            response.sendError(403);
            return;
        }
        chain.doFilter(request, response);
    }
}
