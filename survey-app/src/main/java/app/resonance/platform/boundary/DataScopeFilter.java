package app.resonance.platform.boundary;

import app.resonance.platform.control.DataScopeRules;
import app.resonance.platform.control.DataScopes;
import app.resonance.platform.control.Messages;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A user limited to some segments gets 403 problem+json (type {@code outside-data-scope}) for the endpoints that
 * {@link DataScopeRules} keeps from them, before the endpoint runs; everything else is cut to their segments where it
 * is read. After the role (web.xml) and the token's scope.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class DataScopeFilter implements ContainerRequestFilter {

    @Inject
    DataScopes scopes;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        var principal = request.getSecurityContext().getUserPrincipal();
        if (principal == null || !DataScopeRules.refusedApi(request.getUriInfo().getPath())) {
            return;
        }
        if (scopes.of(principal.getName()).limited()) {
            Messages messages = RequestLanguage.messages(headers);
            request.abortWith(Problem.typed(
                            "outside-data-scope",
                            403,
                            "Forbidden",
                            messages.get("problem.outsideDataScope"),
                            List.of(messages.error(
                                    request.getUriInfo().getPath().replaceFirst("^/", ""), "outsideDataScope")))
                    .toResponse());
        }
    }
}
