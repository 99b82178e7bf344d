package app.resonance.responses.boundary;

import app.resonance.platform.control.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Backfill: a survey's responses imported for known customers with the time they were given. ADMIN only. */
@Path("admin/surveys/{slug}/responses")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: surveys")
public class AdminImportedResponsesResource {

    @Inject
    Submissions submissions;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Operation(
            summary = "Import a response for a known customer, with the time it was given (backfill)",
            description =
                    "Like the public submission, plus \"customer\" (external id) and \"submittedAt\" (ISO instant).")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportedSubmission")))
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location names the response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionReceipt")))
    public Response importResponse(
            @PathParam("slug") String slug, @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body)
            throws IOException {
        return submissions.submit(slug, idempotencyKey, JsonInput.readAll(body), true, headers);
    }
}
