package app.resonance.security.boundary;

import app.resonance.platform.boundary.Problem;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.ScopeRules;
import app.resonance.platform.entity.Scope;
import app.resonance.security.control.ApiTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * A request made with an API token needs the scope its endpoint names in {@link ScopeRules}; without it the
 * answer is 403 problem+json naming the missing scope (and RFC 6750's {@code insufficient_scope} challenge).
 * The role was checked before (web.xml, by the token's user), so a scope never adds to the role. Each use of
 * the admin scope is audited, at most once a minute per token. Basic and console logins carry no token and
 * pass unchanged.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class ScopeFilter implements ContainerRequestFilter {

    @Inject
    ApiTokens tokens;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        // servlet request attributes are the JAX-RS request's properties
        if (!(request.getProperty(ApiAuthenticationMechanism.TOKEN_GRANT) instanceof ApiTokens.Grant grant)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        Optional<Scope> needed = ScopeRules.required(request.getMethod(), path);
        if (needed.isEmpty()) {
            return;
        }
        Scope scope = needed.get();
        if (!grant.scopes().contains(scope)) {
            request.abortWith(insufficient(scope, RequestLanguage.messages(headers)));
            return;
        }
        if (scope == Scope.ADMIN) {
            String user = request.getSecurityContext().getUserPrincipal().getName();
            tokens.adminScopeUsed(grant, user, request.getMethod(), "/api/v1/" + path.replaceFirst("^/", ""));
        }
    }

    static Response insufficient(Scope scope, Messages messages) {
        String text = messages.get("problem.insufficientScope", scope.wire());
        Problem problem = Problem.typed(
                "insufficient-scope",
                403,
                "Forbidden",
                text,
                List.of(new FieldError("Authorization", "insufficientScope", text)));
        return Response.fromResponse(problem.toResponse())
                .header(
                        "WWW-Authenticate",
                        "Bearer realm=\"Resonance\", error=\"insufficient_scope\", scope=\"" + scope.wire() + "\"")
                .build();
    }
}
