package app.resonance.webhooks.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.webhooks.control.WebhookEndpoints;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook endpoints for response events and their deliveries. ADMIN only. */
@Path("admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: webhooks")
public class AdminWebhooksResource {

    static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    SurveyCatalog catalog;

    @Context
    HttpHeaders headers;

    /** A new endpoint: where to post, optionally only one survey's events. */
    public record EndpointRequest(String url, String description, String survey) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an endpoint for response events",
            description = "Answers the signing secret once. Deliveries carry Resonance-Signature: t=<unix>,v1=<hex"
                    + " HMAC-SHA256 of \"<t>.<body>\">.")
    public Response register(EndpointRequest request) throws SQLException {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>(endpoints.check(request.url(), request.description(), messages));
        Survey survey = null;
        if (request.survey() != null) {
            survey = catalog.bySlug(request.survey()).orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidWebhook", errors);
        }
        var endpoint = endpoints.register(
                request.url(), request.description(), survey == null ? null : survey.id(), request.survey());
        return Response.created(URI.create("admin/webhooks/" + endpoint.id()))
                .entity(json(endpoint))
                .build();
    }

    @GET
    @Operation(summary = "Every endpoint with its deliveries by status")
    public JsonArray list() throws SQLException {
        var array = Jsonp.createArrayBuilder();
        endpoints.all().forEach(e -> array.add(json(e)));
        return array.build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The newest deliveries of an endpoint (at most 100), optionally of one status")
    public JsonArray deliveries(@PathParam("id") long id, @QueryParam("status") String status) throws SQLException {
        endpoint(id);
        if (status != null && !STATUSES.contains(status)) {
            Messages messages = RequestLanguage.messages(headers);
            throw ProblemException.invalid(
                    "problem.invalidParameters",
                    List.of(messages.error("status", "oneOf", "PENDING, DELIVERED, FAILED")));
        }
        var array = Jsonp.createArrayBuilder();
        for (var d : endpoints.deliveries(id, status, 100)) {
            JsonObjectBuilder json = Jsonp.createObjectBuilder()
                    .add("id", d.id())
                    .add("event", d.event())
                    .add("type", d.type())
                    .add("status", d.status())
                    .add("attempts", d.attempts());
            if (d.lastStatus() != null) {
                json.add("lastStatus", d.lastStatus());
            }
            if (d.lastError() != null) {
                json.add("lastError", d.lastError());
            }
            if (d.nextAttemptAt() != null && !"DELIVERED".equals(d.status())) {
                json.add("nextAttemptAt", d.nextAttemptAt().toString());
            }
            if (d.deliveredAt() != null) {
                json.add("deliveredAt", d.deliveredAt().toString());
            }
            array.add(json);
        }
        return array.build();
    }

    @POST
    @Path("{id}/deliveries/{delivery}/retry")
    @Operation(summary = "Send a pending or failed delivery again now")
    public Response retry(@PathParam("id") long id, @PathParam("delivery") long delivery) throws SQLException {
        endpoint(id);
        if (!endpoints.retry(id, delivery)) {
            throw ProblemException.notFound("problem.deliveryNotFound");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop delivering to an endpoint")
    public Response deactivate(@PathParam("id") long id) throws SQLException {
        endpoint(id);
        endpoints.deactivate(id);
        return Response.noContent().build();
    }

    private WebhookEndpoints.Endpoint endpoint(long id) throws SQLException {
        return endpoints.byId(id).orElseThrow(() -> ProblemException.notFound("problem.webhookNotFound"));
    }

    static JsonObject json(WebhookEndpoints.Endpoint e) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", e.id())
                .add("url", e.url())
                .add("active", e.active());
        if (e.description() != null) {
            json.add("description", e.description());
        }
        if (e.survey() != null) {
            json.add("survey", e.survey());
        }
        if (e.secret() != null) {
            json.add("secret", e.secret());
        }
        var counts = Jsonp.createObjectBuilder();
        e.deliveries().forEach(counts::add);
        return json.add("deliveries", counts).build();
    }
}
