package app.resonance.followups.boundary;

import app.resonance.followups.control.Teams;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teams alert rules route tasks to: members, and a lead to whom overdue tasks escalate. Reading needs
 * read:responses, changing admin; every change is audited.
 */
@Path("admin/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminTeamsResource {

    @Inject
    Teams teams;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Every team by name, with its lead, members, open and overdue tasks")
    public List<TeamJson.Team> list() {
        return teams.all().stream().map(TeamJson.Team::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One team")
    public TeamJson.Team get(@PathParam("id") long id) {
        return team(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a team",
            description = "422 naming the field: a name missing or taken, a lead missing, unknown or neither"
                    + " SUPPORT_LEAD nor ADMIN, an unknown member.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Team")))
    public Response create(TeamJson.Request request) {
        long id = teams.create(checked(request, null));
        return Response.created(URI.create("admin/teams/" + id))
                .entity(team(id))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a team's name, lead and members")
    public TeamJson.Team change(@PathParam("id") long id, TeamJson.Request request) {
        team(id);
        teams.update(id, checked(request, id));
        return team(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Remove a team; its tasks keep their assignee. A team a routing entry names answers 409:"
                    + " change the alert rule first.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        team(id);
        if (teams.routed(id)) {
            throw ProblemException.conflict("problem.teamRouted");
        }
        teams.delete(id);
        return Response.noContent().build();
    }

    private Teams.Draft checked(TeamJson.Request request, Long id) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Teams.Draft draft = request.draft();
        List<FieldError> errors = teams.check(draft, id, RequestLanguage.messages(headers));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidTeam", errors);
        }
        return draft;
    }

    private TeamJson.Team team(long id) {
        return teams.byId(id)
                .map(TeamJson.Team::of)
                .orElseThrow(() -> ProblemException.notFound("problem.teamNotFound"));
    }
}
