package app.resonance.distribution.boundary;

import app.resonance.customers.control.CustomerProfileValidator;
import app.resonance.distribution.control.SuppressionList;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The suppression list: addresses no invitation or reminder goes to. Every console role reads it; ADMINs report a
 * bounce, a complaint or an address to block, and lift an entry (web.xml: writes under the admin API are ADMIN
 * only). Reports and lifts are audited.
 */
@Path("admin/suppressions")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminSuppressionsResource {

    /** What may be reported, and the reason each becomes. */
    enum Kind {
        BOUNCE(Suppression.Reason.BOUNCED),
        COMPLAINT(Suppression.Reason.COMPLAINED),
        MANUAL(Suppression.Reason.MANUAL);

        final Suppression.Reason reason;

        Kind(Suppression.Reason reason) {
            this.reason = reason;
        }
    }

    /** A bounce or complaint a mail provider reported, or an address an admin blocks. */
    @Schema(name = "SuppressionReport", description = "A bounce, a complaint or an address to block")
    public record Report(
            @Schema(required = true, description = "The address", example = "anna@example.com")
            String email,

            @Schema(
                    required = true,
                    description = "BOUNCE (a permanent bounce), COMPLAINT (marked as spam) or MANUAL (blocked"
                            + " on request)",
                    enumeration = {"BOUNCE", "COMPLAINT", "MANUAL"})
            String kind,

            @Schema(description = "When it happened (ISO 8601, default now)", example = "2026-12-01T09:30:00Z")
            String occurredAt) {}

    /** One entry of the list. */
    @Schema(name = "Suppression", description = "An address no invitation or reminder goes to")
    @JsonbPropertyOrder({"id", "email", "reason", "source", "createdAt"})
    public record Entry(
            long id,
            String email,

            @Schema(enumeration = {"UNSUBSCRIBED", "BOUNCED", "COMPLAINED", "MANUAL"})
            String reason,

            @Schema(description = "Where it came from: LINK, ONE_CLICK, SMTP: <reply>, API: <user>")
            String source,

            String createdAt) {

        static Entry of(Suppression s) {
            return new Entry(
                    s.id(),
                    s.email(),
                    s.reason().name(),
                    s.source(),
                    s.createdAt().toString());
        }
    }

    /** A page of the list and how many active entries there are. */
    @Schema(name = "SuppressionPage", description = "A page of the suppression list, newest first, and the total")
    @JsonbPropertyOrder({"total", "items"})
    public record Page(long total, List<Entry> items) {}

    @Inject
    SuppressionList suppressions;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The suppressed addresses, newest first, optionally of one reason (every console role)")
    public Page list(@Valid @BeanParam SuppressionParameters filter, @Valid @BeanParam PageParameters page) {
        var reason = filter.reason();
        return new Page(
                suppressions.count(reason),
                suppressions.page(reason, page.offset(), page.limit()).stream()
                        .map(Entry::of)
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a bounce or complaint, or block an address (ADMIN): no invitation goes to it any more",
            description = "An address already on the list keeps its entry, which is answered.")
    @APIResponse(
            responseCode = "201",
            description = "On the list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Suppression")))
    public Response report(Report report) {
        if (report == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        String email = report.email() == null ? "" : report.email().strip();
        if (email.isEmpty()) {
            errors.add(messages.error("email", "required"));
        } else if (email.length() > 254
                || !CustomerProfileValidator.EMAIL.matcher(email).matches()) {
            errors.add(messages.error("email", "email"));
        }
        Kind kind = kind(report.kind());
        if (kind == null) {
            errors.add(messages.error("kind", "oneOf", "BOUNCE, COMPLAINT, MANUAL"));
        }
        Instant occurredAt = null;
        if (report.occurredAt() != null) {
            try {
                occurredAt = OffsetDateTime.parse(report.occurredAt().strip()).toInstant();
                if (occurredAt.isAfter(clock.instant().plusSeconds(300))) {
                    errors.add(messages.error("occurredAt", "inFuture"));
                }
            } catch (DateTimeParseException e) {
                errors.add(messages.error("occurredAt", "expectedInstant"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidSuppression", errors);
        }
        var entry = suppressions.report(
                email, kind.reason, occurredAt, security.getUserPrincipal().getName());
        return Response.created(URI.create("admin/suppressions/" + entry.id()))
                .entity(Entry.of(entry))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Lift an entry (ADMIN): the address may be invited again")
    @APIResponse(responseCode = "204", description = "Lifted")
    public Response lift(@PathParam("id") long id) {
        suppressions
                .lift(id, security.getUserPrincipal().getName())
                .orElseThrow(() -> ProblemException.notFound("problem.suppressionNotFound"));
        return Response.noContent().build();
    }

    private static Kind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
