package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Topics;
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
 * The comment topics: what the comments page, the response browser and the driver analysis tag comments with. A
 * change counts from the next read on. Reading needs read:analytics, changing admin; every change is audited.
 */
@Path("admin/topics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminTopicsResource {

    @Inject
    Topics topics;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Every comment topic, the default ones first")
    public List<TopicJson.TopicView> list() {
        return topics.all().stream().map(TopicJson.TopicView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One comment topic")
    public TopicJson.TopicView get(@PathParam("id") long id) {
        return topic(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a comment topic",
            description = "Its key is made of the English name. 422 naming the field when a name is missing or too"
                    + " long, no keyword is given, or a list is too long or has a too long word.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Topic")))
    public Response create(TopicJson.Request request) {
        long id = topics.create(checked(request));
        return Response.created(URI.create("admin/topics/" + id))
                .entity(topic(id))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a comment topic (also a default one); its key stays")
    public TopicJson.TopicView change(@PathParam("id") long id, TopicJson.Request request) {
        topic(id);
        topics.update(id, checked(request));
        return topic(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a custom topic. A default topic answers 409: disable it instead.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        if (topic(id).builtIn()) {
            throw ProblemException.conflict("problem.topicBuiltIn");
        }
        topics.delete(id);
        return Response.noContent().build();
    }

    private Topics.Draft checked(TopicJson.Request request) {
        if (request == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Topics.Draft draft = request.draft();
        List<FieldError> errors = Topics.validate(draft, RequestLanguage.messages(headers));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidTopic", errors);
        }
        return draft;
    }

    private TopicJson.TopicView topic(long id) {
        return topics.byId(id)
                .map(TopicJson.TopicView::of)
                .orElseThrow(() -> ProblemException.notFound("problem.topicNotFound"));
    }
}
