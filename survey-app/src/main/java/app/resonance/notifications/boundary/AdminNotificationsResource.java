package app.resonance.notifications.boundary;

import app.resonance.notifications.control.DestinationRules;
import app.resonance.notifications.control.Destinations;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.webhooks.boundary.DeliveryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where alerts are told: Slack, Microsoft Teams and e-mail destinations, a test message to one, and its chat
 * messages with their failures. ADMIN only (a webhook URL is a credential for a company's chat).
 */
@Path("admin/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: notifications")
public class AdminNotificationsResource {

    @Inject
    Destinations destinations;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a destination for alert notifications",
            description = "SLACK and TEAMS need an https webhook URL to a public host (422 naming url otherwise);"
                    + " EMAIL needs addresses. The answer shows the URL masked.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NotificationDestination")))
    public Response register(NotificationJson.DestinationRequest request) throws SQLException {
        DestinationRules.Draft draft = checked(request, false);
        long id = destinations.create(draft);
        return Response.created(URI.create("admin/notifications/" + id))
                .entity(NotificationJson.Destination.of(destination(id)))
                .build();
    }

    @GET
    @Operation(summary = "Every destination, its URL masked, with its chat messages by status")
    public List<NotificationJson.Destination> list() throws SQLException {
        return destinations.all().stream().map(NotificationJson.Destination::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One destination, its URL masked")
    public NotificationJson.Destination get(@PathParam("id") long id) throws SQLException {
        return NotificationJson.Destination.of(destination(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a destination (without a url the stored one stays)")
    public NotificationJson.Destination change(@PathParam("id") long id, NotificationJson.DestinationRequest request)
            throws SQLException {
        destination(id);
        destinations.update(id, checked(request, true));
        return NotificationJson.Destination.of(destination(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a destination with its messages")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) throws SQLException {
        destination(id);
        destinations.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a test message to the destination now (through the outbox, like an alert's)")
    @APIResponse(
            responseCode = "202",
            description = "Queued; a chat message's outcome shows in the deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NotificationTest")))
    public Response test(@PathParam("id") long id) throws SQLException {
        destination(id);
        return Response.accepted(new NotificationJson.Test(destinations.test(id)))
                .build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The newest chat messages of a destination (at most 100), optionally of one status")
    public List<NotificationJson.Delivery> deliveries(
            @PathParam("id") long id, @Valid @BeanParam DeliveryParameters filter) throws SQLException {
        destination(id);
        return destinations.deliveries(id, filter.status(), 100).stream()
                .map(NotificationJson.Delivery::of)
                .toList();
    }

    @POST
    @Path("{id}/deliveries/{delivery}/retry")
    @Operation(summary = "Send a pending or failed chat message again now")
    @APIResponse(responseCode = "204", description = "Queued to be sent again now")
    public Response retry(@PathParam("id") long id, @PathParam("delivery") long delivery) throws SQLException {
        destination(id);
        if (!destinations.retry(id, delivery)) {
            throw ProblemException.notFound("problem.deliveryNotFound");
        }
        return Response.noContent().build();
    }

    private DestinationRules.Draft checked(NotificationJson.DestinationRequest request, boolean keepUrl)
            throws SQLException {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        DestinationRules.Draft draft = new DestinationRules.Draft(
                request.kind(),
                request.name(),
                request.url(),
                request.addresses(),
                request.language(),
                request.alertKinds(),
                request.surveys(),
                request.enabled());
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = destinations.check(draft, keepUrl, messages);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidDestination", errors);
        }
        return draft;
    }

    private Destinations.Destination destination(long id) throws SQLException {
        return destinations.byId(id).orElseThrow(() -> ProblemException.notFound("problem.destinationNotFound"));
    }
}
