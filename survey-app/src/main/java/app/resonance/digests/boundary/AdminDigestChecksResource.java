package app.resonance.digests.boundary;

import app.resonance.digests.control.DigestChecks;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The digests' scheduled check on demand (ADMIN): what the timer does, as of now or an earlier instant. */
@Path("admin/digests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminDigestChecksResource {

    @Inject
    DigestChecks checks;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @POST
    @Path("check")
    @Operation(
            summary = "Run the digests' scheduled check now",
            description = "Sends every active digest whose newest period due at 'at' (default now; not in the future,"
                    + " 422 naming at otherwise) has not been sent, each period once, as the timer does every"
                    + " resonance.digests.pollSeconds (900). An earlier 'at' catches up a period a stopped app missed.")
    public DigestJson.Check check(
            @QueryParam("at") @Parameter(description = "An instant (ISO 8601, e.g. 2026-12-07T08:00:00Z)") String at) {
        Instant now = clock.instant();
        Instant when = now;
        if (at != null && !at.isBlank()) {
            Messages messages = RequestLanguage.messages(headers);
            try {
                when = Instant.parse(at.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(
                        "problem.invalidDigestCheck", List.of(messages.error("at", "expectedInstant")));
            }
            if (when.isAfter(now)) {
                throw ProblemException.invalid("problem.invalidDigestCheck", List.of(messages.error("at", "inFuture")));
            }
        }
        List<DigestJson.Sent> sent =
                checks.run(when).stream().map(DigestJson.Sent::of).toList();
        return new DigestJson.Check(when.toString(), sent);
    }
}
