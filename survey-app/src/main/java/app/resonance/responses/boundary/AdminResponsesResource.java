package app.resonance.responses.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.control.JsonInput;
import app.resonance.responses.control.ResponseStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Responses for admins: read one, and import responses from another tool (with customer and time). */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: responses")
public class AdminResponsesResource {

    @Inject
    ResponseStore store;

    @Inject
    Submissions submissions;

    @Context
    HttpHeaders headers;

    @GET
    @Path("responses/{id}")
    @Transactional
    @Operation(summary = "One response with its answers, channel, locale and the segments it was counted in")
    public JsonObject response(@PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("There is no response with this id.");
        }
        return store.byId(number).map(ResponseJson::full)
                .orElseThrow(() -> ProblemException.notFound("There is no response with this id."));
    }

    @POST
    @Path("surveys/{slug}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a response for a known customer, with the time it was given (backfill)",
            description = "Like the public submission, plus \"customer\" (external id) and \"submittedAt\" (ISO instant).")
    public Response importResponse(@PathParam("slug") String slug,
            @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) throws IOException {
        return submissions.submit(slug, idempotencyKey, JsonInput.readAll(body), true, headers);
    }
}
