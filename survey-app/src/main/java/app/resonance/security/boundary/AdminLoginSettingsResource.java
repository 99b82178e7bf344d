package app.resonance.security.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.security.control.LoginSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Whether local accounts may sign in with a password, beside single sign-on. ADMIN only (web.xml); every
 * change is audited.
 */
@Path("admin/login-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class AdminLoginSettingsResource {

    @Inject
    LoginSettings settings;

    @Context
    HttpHeaders headers;

    /** The login settings as the API answers them. */
    @Schema(
            name = "LoginSettings",
            description = "Whether local accounts may sign in with their passwords (the console's form and HTTP"
                    + " Basic; API tokens always work), whether the break-glass override"
                    + " (resonance.login.local.force) lets them in anyway, and whether single sign-on is configured")
    @JsonbPropertyOrder({"localLogin", "forced", "singleSignOn"})
    public record LoginSettingsJson(boolean localLogin, boolean forced, boolean singleSignOn) {}

    /** The change an admin sends. */
    @Schema(
            name = "LoginSettingsChange",
            description = "Turns the local login on or off (off only with single sign-on)")
    public record LoginSettingsChange(
            @Schema(required = true) Boolean localLogin) {}

    @GET
    @Operation(summary = "Whether local accounts may sign in with a password, beside single sign-on")
    public LoginSettingsJson get() {
        return json(settings.state());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Turn the local login on or off",
            description = "Off is refused (422) while single sign-on is not configured; resonance.login.local.force"
                    + "=true lets local accounts in whatever this says (break-glass)")
    public LoginSettingsJson change(LoginSettingsChange body) {
        var messages = RequestLanguage.messages(headers);
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        if (body.localLogin() == null) {
            throw ProblemException.invalid(
                    "problem.invalidLoginSettings", List.of(messages.error("localLogin", "required")));
        }
        try {
            return json(settings.change(body.localLogin(), messages));
        } catch (LoginSettings.InvalidLoginSettingException e) {
            throw ProblemException.invalid("problem.invalidLoginSettings", e.errors());
        }
    }

    private static LoginSettingsJson json(LoginSettings.State state) {
        return new LoginSettingsJson(state.localLogin(), state.forced(), state.singleSignOn());
    }
}
