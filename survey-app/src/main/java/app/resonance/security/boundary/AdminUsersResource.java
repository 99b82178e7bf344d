package app.resonance.security.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console and API users: list and create. ADMIN only (web.xml). */
@Path("admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class AdminUsersResource {

    /** A new user as the API takes it. */
    public record NewUser(String username, String displayName, String password, String role) {}

    @Inject
    UserDirectory users;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "All users with their role and whether they may log in")
    public JsonArray list() {
        var array = Jsonp.createArrayBuilder();
        users.all().forEach(user -> array.add(json(user)));
        return array.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (role ADMIN, SUPPORT_LEAD or VIEWER; password of at least 12 characters)")
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
        AppUser user = users.add(body.username(), body.displayName(), body.password(), role, messages);
        return Response.created(URI.create("admin/users/" + user.username()))
                .entity(json(user))
                .build();
    }

    static JsonObject json(AppUser user) {
        return Jsonp.createObjectBuilder()
                .add("username", user.username())
                .add("displayName", user.displayName())
                .add("role", user.role().name())
                .add("enabled", user.enabled())
                .add("createdAt", user.createdAt().toString())
                .build();
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
