package app.resonance.security.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.entity.Scope;
import app.resonance.security.control.ApiTokens;
import app.resonance.security.control.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling user's API tokens: create (with scopes within the user's role and an expiry; the token is shown
 * once), list, revoke. Every role manages its own tokens; with a token, this needs the admin scope.
 */
@Path("admin/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tokens")
public class AdminTokensResource {

    /** The body of a token request. */
    @Schema(
            name = "TokenRequest",
            description = "A new token: its name (what it is for, at most 100 characters), its scopes (at least one"
                    + " of read:analytics, read:responses, write:responses, write:surveys, admin; only those the"
                    + " user's role allows) and the days until it expires (1 to 365, default 90)")
    public record TokenRequest(String name, List<String> scopes, Integer expiresInDays) {}

    /** A token as the list shows it; the token itself is never shown again. */
    @Schema(name = "ApiToken", description = "An API token of the calling user")
    @JsonbPropertyOrder({"id", "name", "scopes", "createdAt", "expiresAt", "lastUsedAt"})
    public record TokenJson(
            long id,
            String name,
            List<String> scopes,
            String createdAt,
            String expiresAt,

            @Schema(description = "To the minute; absent if never used")
            String lastUsedAt) {

        static TokenJson of(app.resonance.security.entity.ApiToken token) {
            return new TokenJson(
                    token.id(),
                    token.name(),
                    token.scopes().stream().map(Scope::wire).toList(),
                    token.createdAt().toString(),
                    token.expiresAt().toString(),
                    token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        }
    }

    /** A new token, shown once. */
    @Schema(name = "NewApiToken", description = "A new API token; the token is shown only here")
    @JsonbPropertyOrder({"id", "name", "scopes", "expiresAt", "token"})
    public record NewToken(long id, String name, List<String> scopes, String expiresAt, String token) {}

    @Inject
    UserDirectory users;

    @Inject
    ApiTokens tokens;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The calling user's tokens, newest first: name, scopes, created, expires, last used")
    public List<TokenJson> list() {
        return tokens.of(caller()).stream().map(TokenJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an API token for the calling user; use it as 'Authorization: Bearer <token>'",
            description = "Scopes beyond the user's role are refused (422 naming scopes): a VIEWER may have"
                    + " read:analytics and read:responses, a SUPPORT_LEAD also write:responses, an ADMIN every scope.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the token is not shown again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewApiToken")))
    public Response create(TokenRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        var user = users.byUsername(caller()).orElseThrow();
        int days = request.expiresInDays() == null ? ApiTokens.DEFAULT_DAYS : request.expiresInDays();
        var created = tokens.create(user, request.name(), request.scopes(), days, RequestLanguage.messages(headers));
        var token = created.token();
        return Response.created(URI.create("admin/tokens/" + token.id()))
                .entity(new NewToken(
                        token.id(),
                        token.name(),
                        token.scopes().stream().map(Scope::wire).toList(),
                        token.expiresAt().toString(),
                        created.secret()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of the calling user's tokens: it is refused from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(caller(), id).orElseThrow(() -> ProblemException.notFound("problem.tokenNotFound"));
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    @Provider
    public static class InvalidToken extends ProblemMappers.Localized<ApiTokens.InvalidTokenException> {
        @Override
        public Response toResponse(ApiTokens.InvalidTokenException e) {
            return ProblemException.invalid("problem.invalidToken", e.errors())
                    .problem(messages())
                    .toResponse();
        }
    }
}
