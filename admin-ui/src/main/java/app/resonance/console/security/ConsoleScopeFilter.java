package app.resonance.console.security;

import app.resonance.platform.control.DataScopeRules;
import app.resonance.platform.control.DataScopes;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console pages a user limited to some segments may not open ({@link DataScopeRules}: figures over every
 * customer) answer 403 with the console's error page; the menu does not offer them either.
 */
@WebFilter(urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleScopeFilter extends HttpFilter {

    @Inject
    DataScopes scopes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() != null
                && DataScopeRules.refusedPage(path)
                && scopes.of(request.getUserPrincipal().getName()).limited()) {
            request.setAttribute(app.resonance.platform.control.OutsideDataScopeException.REFUSED, Boolean.TRUE);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
