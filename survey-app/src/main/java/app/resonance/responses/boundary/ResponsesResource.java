package app.resonance.responses.boundary;

import app.resonance.platform.control.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public submission of answers to an open survey. */
@Path("surveys/{slug}/responses")
@RequestScoped
@Tag(name = "Public surveys")
public class ResponsesResource {

    @Inject
    Submissions submissions;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit answers",
            description = "Body: {\"answers\": {\"<questionId>\": value}, \"locale\": \"de|en\", \"partial\": false}. "
                    + "Scores are integers, single choices an option id, multiple choices an array of option ids, "
                    + "a matrix an object of row id to column id, texts strings.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Submission")))
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location names the response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionReceipt")))
    @APIResponse(responseCode = "400", description = "The body is not one JSON object")
    @APIResponse(responseCode = "404", description = "No such survey")
    @APIResponse(responseCode = "410", description = "The survey is closed")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MB")
    @APIResponse(responseCode = "422", description = "Invalid answers, each named; or a reused Idempotency-Key")
    public Response submit(
            @PathParam("slug") String slug,
            @Parameter(description = "Makes retries safe: the same key and body replay the first outcome")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            InputStream body)
            throws IOException {
        return submissions.submit(slug, idempotencyKey, JsonInput.readAll(body), false, headers);
    }
}
