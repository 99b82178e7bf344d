package app.resonance.security.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console and API users: list and create. ADMIN only (web.xml). */
@Path("admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class AdminUsersResource {

    /** A new user as the API takes it; {@code segments} limits a support lead or viewer to those segments. */
    public record NewUser(String username, String displayName, String password, String role, List<String> segments) {}

    /** The segments a user is limited to, as an admin sets them. */
    @Schema(
            name = "DataScopeChange",
            description = "The keys of the segments a support lead or viewer may see (a region is a segment on the"
                    + " customer's region); an empty list lifts the limit. Admins are never limited.")
    public record DataScopeChange(
            @Schema(
                    required = true,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = String.class,
                    description = "Segment keys")
            List<String> segments) {}

    @Inject
    UserDirectory users;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "All users with their role and whether they may log in")
    public List<UserJson> list() {
        var scopes = users.segmentKeysByUser();
        return users.all().stream()
                .map(u -> json(u, scopes.getOrDefault(u.username(), List.of())))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (role ADMIN, SUPPORT_LEAD or VIEWER; password of at least 12 characters)")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    public Response create(NewUser body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        var messages = RequestLanguage.messages(headers);
        Role role = null;
        for (Role candidate : Role.values()) {
            if (candidate.name().equals(body.role())) {
                role = candidate;
            }
        }
        if (role == null) {
            throw ProblemException.invalid(
                    "problem.invalidUser",
                    List.of(messages.error("role", "oneOf", java.util.Arrays.toString(Role.values()))));
        }
        if (body.segments() != null && !body.segments().isEmpty() && role == Role.ADMIN) {
            throw ProblemException.invalid("problem.invalidUser", List.of(messages.error("segments", "adminUnscoped")));
        }
        AppUser user = users.add(body.username(), body.displayName(), body.password(), role, messages);
        if (body.segments() != null && !body.segments().isEmpty()) {
            users.limit(user.username(), body.segments(), messages);
        }
        return Response.created(URI.create("admin/users/" + user.username()))
                .entity(json(user))
                .build();
    }

    @PUT
    @Path("{username}/data-scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Limit a support lead or viewer to some segments (an empty list: all data)",
            description = "A limited user sees only the responses, comments, customers, tasks, alerts and figures of"
                    + " those segments, in the console and the API, with their tokens too; figures over all"
                    + " responses are refused (403). Refused (422) for an admin and for an unknown segment.")
    @APIResponse(
            responseCode = "200",
            description = "The user with the new limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    public UserJson limit(@PathParam("username") String username, DataScopeChange body) {
        var messages = RequestLanguage.messages(headers);
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        if (body.segments() == null) {
            throw ProblemException.invalid("problem.invalidDataScope", List.of(messages.error("segments", "required")));
        }
        AppUser user = users.byUsername(username)
                .orElseThrow(() -> ProblemException.notFound("problem.userNotFound", username));
        try {
            users.limit(user.username(), body.segments(), messages);
        } catch (UserDirectory.InvalidUserException e) {
            throw ProblemException.invalid("problem.invalidDataScope", e.errors());
        }
        return json(users.byUsername(username).orElseThrow());
    }

    /** A user as the API answers it. */
    @Schema(
            name = "User",
            description = "A console and API user with the role, whether they may log in, and the segments they are"
                    + " limited to (empty: all data)")
    @JsonbPropertyOrder({"username", "displayName", "role", "enabled", "segments", "createdAt"})
    public record UserJson(
            String username,
            String displayName,
            String role,
            boolean enabled,
            List<String> segments,
            String createdAt) {}

    UserJson json(AppUser user) {
        return json(user, users.segmentKeys(user.username()));
    }

    static UserJson json(AppUser user, List<String> segments) {
        return new UserJson(
                user.username(),
                user.displayName(),
                user.role().name(),
                user.enabled(),
                segments,
                user.createdAt().toString());
    }

    @Provider
    public static class InvalidUser extends ProblemMappers.Localized<UserDirectory.InvalidUserException> {
        @Override
        public Response toResponse(UserDirectory.InvalidUserException e) {
            List<FieldError> errors = e.errors();
            return ProblemException.invalid("problem.invalidUser", errors)
                    .problem(messages())
                    .toResponse();
        }
    }
}
