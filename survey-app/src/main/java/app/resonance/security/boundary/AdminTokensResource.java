package app.resonance.security.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.TextRules;
import app.resonance.security.control.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens for scripts: created for the calling user and shown once. */
@Path("admin/tokens")
@RequestScoped
@Tag(name = "Admin: tokens")
public class AdminTokensResource {

    /** The body of a token request. */
    public record TokenRequest(String name) {}

    /** A new token, shown once. */
    @Schema(name = "ApiToken", description = "A new API token for the calling user; the token is shown only here")
    @JsonbPropertyOrder({"name", "token"})
    public record ApiToken(String name, String token) {}

    @Inject
    UserDirectory users;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token for the calling user; use it as 'Authorization: Bearer <token>'")
    @APIResponse(
            responseCode = "201",
            description = "Created; the token is not shown again",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiToken.class)))
    public Response create(TokenRequest request) {
        String name = request == null ? null : request.name();
        if (name == null || name.isBlank() || name.length() > 100 || !TextRules.isClean(name)) {
            throw ProblemException.invalid(
                    "problem.invalidToken",
                    List.of(RequestLanguage.messages(headers).error("name", "required")));
        }
        var user = users.byUsername(security.getUserPrincipal().getName()).orElseThrow();
        String token = users.createToken(user, name.strip());
        return Response.status(201).entity(new ApiToken(name.strip(), token)).build();
    }
}
