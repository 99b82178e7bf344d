package app.resonance.webhooks.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.webhooks.control.WebhookEndpoints;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook endpoints for response events and their deliveries. ADMIN only. */
@Path("admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: webhooks")
public class AdminWebhooksResource {

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
    @APIResponse(
            responseCode = "201",
            description = "Registered; the answer carries the signing secret, once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
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
                .entity(WebhookJson.Endpoint.of(endpoint))
                .build();
    }

    @GET
    @Operation(summary = "Every endpoint with its deliveries by status")
    public List<WebhookJson.Endpoint> list() throws SQLException {
        return endpoints.all().stream().map(WebhookJson.Endpoint::of).toList();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The newest deliveries of an endpoint (at most 100), optionally of one status")
    public List<WebhookJson.Delivery> deliveries(@PathParam("id") long id, @Valid @BeanParam DeliveryParameters filter)
            throws SQLException {
        endpoint(id);
        return endpoints.deliveries(id, filter.status(), 100).stream()
                .map(WebhookJson.Delivery::of)
                .toList();
    }

    @POST
    @Path("{id}/deliveries/{delivery}/retry")
    @Operation(summary = "Send a pending or failed delivery again now")
    @APIResponse(responseCode = "204", description = "Queued to be sent again now")
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
    @APIResponse(responseCode = "204", description = "Stopped; nothing more is delivered to it")
    public Response deactivate(@PathParam("id") long id) throws SQLException {
        endpoint(id);
        endpoints.deactivate(id);
        return Response.noContent().build();
    }

    private WebhookEndpoints.Endpoint endpoint(long id) throws SQLException {
        return endpoints.byId(id).orElseThrow(() -> ProblemException.notFound("problem.webhookNotFound"));
    }
}
