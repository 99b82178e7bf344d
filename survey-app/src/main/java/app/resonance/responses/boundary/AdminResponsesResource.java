package app.resonance.responses.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.responses.control.ResponseStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Responses for admins: read one with everything stored about it. */
@Path("admin/responses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: responses")
public class AdminResponsesResource {

    @Inject
    ResponseStore store;

    @Inject
    app.resonance.platform.control.DataScopes scopes;

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One response with its answers, channel, locale and the segments it was counted in")
    public ResponseJson.Detail response(@PathParam("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.responseNotFound");
        }
        var scope = scopes.current();
        return store.byId(number)
                // outside the caller's segments it is as if it did not exist
                .filter(r -> !scope.limited() || r.segments().stream().anyMatch(s -> scope.covers(s.id())))
                .map(ResponseJson::full)
                .orElseThrow(() -> ProblemException.notFound("problem.responseNotFound"));
    }
}
