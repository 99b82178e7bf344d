package app.resonance.responses.boundary;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.ContactRules;
import app.resonance.surveys.entity.ContactKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contact rules and a customer's contact history: when the customer was invited or answered, and which
 * invitations the rules held back and why (every console role reads them).
 */
@Path("admin/contacts")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: distribution")
public class AdminContactsResource {

    static final int HISTORY = 100;

    /** The contact limits in days. */
    @Schema(
            name = "ContactLimits",
            description = "Nobody is asked again within overallDays of any survey, nor within relationshipDays or"
                    + " transactionalDays of a survey of that kind")
    @JsonbPropertyOrder({"overallDays", "relationshipDays", "transactionalDays"})
    public record Limits(int overallDays, int relationshipDays, int transactionalDays) {

        static Limits of(ContactRules.Limits limits) {
            return new Limits(limits.overallDays(), limits.relationshipDays(), limits.transactionalDays());
        }
    }

    /** One contact, or one invitation a rule held back. */
    @Schema(name = "ContactEvent", description = "An invitation, an answer, or an invitation held back and why")
    @JsonbPropertyOrder({"at", "survey", "contactKind", "what", "channel", "reason", "reasonText"})
    public record Event(
            String at,
            String survey,
            ContactKind contactKind,

            @Schema(enumeration = {"INVITED", "ANSWERED", "SKIPPED"})
            String what,

            @Schema(
                    description = "For SKIPPED: the channel that would have asked",
                    enumeration = {"WAVE", "WIDGET"})
            String channel,

            @Schema(
                    description = "For SKIPPED: why",
                    enumeration = {"CONTACTED_RECENTLY", "SAME_KIND_RECENTLY", "SUPPRESSED", "NO_EMAIL"})
            String reason,

            @Schema(description = "The reason in the requested language")
            String reasonText) {}

    /** A customer's contact history, newest first. */
    @Schema(name = "ContactHistory", description = "A customer's newest contacts (at most 100), newest first")
    @JsonbPropertyOrder({"customer", "limits", "events"})
    public record History(String customer, Limits limits, List<Event> events) {}

    @Inject
    ContactRules rules;

    @Inject
    CustomerDirectory customers;

    @Context
    HttpHeaders headers;

    @GET
    @Path("rules")
    @Operation(summary = "The contact limits in days: overall, and per kind of survey (every console role)")
    public Limits limits() {
        return Limits.of(rules.limits());
    }

    @GET
    @Path("customers/{externalId}")
    @Operation(
            summary = "A customer's contact history: invited, answered, and invitations held back with the reason"
                    + " (every console role)")
    public History history(@PathParam("externalId") String externalId) {
        Messages messages = RequestLanguage.messages(headers);
        Customer customer = customers
                .visibleByExternalId(externalId)
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
        List<Event> events = rules.history(customer, HISTORY).stream()
                .map(e -> new Event(
                        e.at().toString(),
                        e.survey(),
                        e.kind(),
                        e.what().name(),
                        e.channel() == null ? null : e.channel().name(),
                        e.reason() == null ? null : e.reason().name(),
                        e.reason() == null
                                ? null
                                : messages.get("contactReason." + e.reason().name())))
                .toList();
        return new History(externalId, Limits.of(rules.limits()), events);
    }
}
