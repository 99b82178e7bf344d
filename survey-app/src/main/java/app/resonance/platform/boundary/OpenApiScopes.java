package app.resonance.platform.boundary;

import app.resonance.platform.control.ScopeRules;
import app.resonance.platform.entity.Scope;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The scopes of API tokens in the OpenAPI document, from the one table the request filter uses
 * ({@link ScopeRules}): the Bearer scheme lists them all, each admin operation names the one it needs in its
 * description and in {@code x-required-scope}. (OpenAPI 3.0 allows scopes in security requirements only for
 * OAuth 2 and OpenID Connect schemes, so they are not listed there.)
 */
final class OpenApiScopes {

    static final String EXTENSION = "x-required-scope";

    private OpenApiScopes() {}

    static String bearerDescription() {
        return "An API token from POST /api/v1/admin/tokens, with scopes ("
                + Arrays.stream(Scope.values()).map(Scope::wire).collect(Collectors.joining(", "))
                + ") and an expiry. Each admin operation names the scope it needs (x-required-scope); the token's"
                + " user's role applies as well. A token without the scope gets 403 naming it, an expired one 401.";
    }

    static void document(PathItem.HttpMethod method, String path, Operation operation) {
        ScopeRules.required(method.name(), path).ifPresent(scope -> {
            operation.addExtension(EXTENSION, scope.wire());
            String note = "Bearer tokens need the scope `" + scope.wire() + "`.";
            String description = operation.getDescription();
            operation.setDescription(description == null || description.isBlank() ? note : description + "\n\n" + note);
        });
    }
}
