package app.resonance.customers.boundary;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.platform.boundary.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Segments through the API, each with the number of customers it holds today. ADMIN only. */
@Path("admin/segments")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: customers and segments")
public class AdminSegmentsResource {

    @Inject
    SegmentCatalog catalog;

    @Inject
    SegmentEditor editor;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "All segments with their rules and how many customers match today")
    public java.util.List<SegmentJson> list() {
        var segments = catalog.visible();
        var counts = catalog.countMembers(segments, LocalDate.now(clock));
        return segments.stream()
                .map(segment -> SegmentJson.of(segment, counts.get(segment)))
                .toList();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One segment")
    public SegmentJson get(@PathParam("key") String key) {
        return json(catalog.visibleByKey(key).orElseThrow(() -> ProblemException.notFound("problem.segmentNotFound")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a segment")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the segment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Segment")))
    public Response create(SegmentDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        if (draft.key() != null && catalog.byKey(draft.key()).isPresent()) {
            throw ProblemException.conflict("problem.segmentExists");
        }
        Segment segment = editor.save(draft.key(), draft, RequestLanguage.messages(headers));
        return Response.created(URI.create("admin/segments/" + segment.key()))
                .entity(json(segment))
                .build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or redefine the segment with this key; stored responses keep their segments")
    public SegmentJson put(@PathParam("key") String key, SegmentDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        return json(editor.save(key, draft, RequestLanguage.messages(headers)));
    }

    private SegmentJson json(Segment segment) {
        var segments = java.util.List.of(segment);
        return SegmentJson.of(
                segment, catalog.countMembers(segments, LocalDate.now(clock)).get(segment));
    }

    @Provider
    public static class InvalidSegment extends ProblemMappers.Localized<SegmentEditor.InvalidSegmentException> {
        @Override
        public Response toResponse(SegmentEditor.InvalidSegmentException e) {
            return ProblemException.invalid("problem.invalidSegment", e.errors())
                    .problem(messages())
                    .toResponse();
        }
    }
}
