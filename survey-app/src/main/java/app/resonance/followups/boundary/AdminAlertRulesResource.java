package app.resonance.followups.boundary;

import app.resonance.followups.control.AlertRuleEditor;
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
 * The alert rules: which responses raise alerts, where, and whether they become tasks, notifications or both.
 * Reading needs read:analytics, changing admin; every change is audited.
 */
@Path("admin/alert-rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminAlertRulesResource {

    @Inject
    AlertRuleEditor editor;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Every alert rule, the default ones first, with how often each fired")
    public List<AlertRuleJson.Rule> list() {
        var routings = editor.routings();
        return editor.all().stream()
                .map(r -> AlertRuleJson.Rule.of(r, routings.get(r.id())))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One alert rule")
    public AlertRuleJson.Rule get(@PathParam("id") long id) {
        return rule(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an alert rule",
            description = "422 naming the field when the rule is incomplete (a LOW_SCORE rule without questionType"
                    + " or a threshold on its scale, a KEYWORD rule without keywords, a SEGMENT_TREND rule with a"
                    + " window outside 7-180 days, a level not 0.1, 0.05, 0.01 or 0.001, a minimum n outside"
                    + " 5-100000 or channels, an unknown survey or segment,"
                    + " quiet hours not as HH:MM, a route naming no or an unknown user or team: routes[0].team).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AlertRule")))
    public Response create(AlertRuleJson.Request request) {
        long id = editor.create(checked(request), request.routing());
        return Response.created(URI.create("admin/alert-rules/" + id))
                .entity(rule(id))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an alert rule (also a default one)")
    public AlertRuleJson.Rule change(@PathParam("id") long id, AlertRuleJson.Request request) {
        rule(id);
        editor.update(id, checked(request), request.routing());
        return rule(id);
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause a rule: it fires nothing until resumed")
    public AlertRuleJson.Rule pause(@PathParam("id") long id) {
        if (!editor.pause(id, true)) {
            throw ProblemException.notFound("problem.alertRuleNotFound");
        }
        return rule(id);
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused rule")
    public AlertRuleJson.Rule resume(@PathParam("id") long id) {
        if (!editor.pause(id, false)) {
            throw ProblemException.notFound("problem.alertRuleNotFound");
        }
        return rule(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a custom rule; its alerts stay. A default rule answers 409: pause it instead.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        if (rule(id).builtIn()) {
            throw ProblemException.conflict("problem.alertRuleBuiltIn");
        }
        editor.delete(id);
        return Response.noContent().build();
    }

    private AlertRuleEditor.Draft checked(AlertRuleJson.Request request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        AlertRuleEditor.Draft draft = request.draft();
        List<FieldError> errors = editor.check(draft, request.routing(), RequestLanguage.messages(headers));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidAlertRule", errors);
        }
        return draft;
    }

    private AlertRuleJson.Rule rule(long id) {
        return editor.byId(id)
                .map(r -> AlertRuleJson.Rule.of(r, editor.routings().get(id)))
                .orElseThrow(() -> ProblemException.notFound("problem.alertRuleNotFound"));
    }
}
