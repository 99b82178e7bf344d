package app.resonance.responses.boundary;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.Invitations;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Personal invitation links for a survey's customers, through the API. ADMIN only. */
@Path("admin/surveys/{slug}/invitations")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: surveys")
public class AdminInvitationsResource {

    static final int MAX_INVITATIONS = 1000;

    @Inject
    SurveyCatalog catalog;

    @Inject
    Invitations invitations;

    @Inject
    CustomerDirectory customers;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    /** Whom to invite: external ids of known customers. */
    @Schema(name = "InvitationRequest", description = "External ids of known customers (1 to 1000)")
    public record InvitationRequest(List<String> customers) {}

    /** A personal link, answered once: only a hash of its token is stored. */
    @Schema(name = "IssuedInvitation", description = "A customer's personal survey link (absolute) and its path")
    @JsonbPropertyOrder({"customer", "link", "path"})
    public record IssuedInvitation(String customer, String link, String path) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue personal invitation links for customers",
            description = "Answers each customer's personal link once; only a hash of its token is stored.")
    @APIResponse(
            responseCode = "201",
            description = "Issued: one link per customer, in the order asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = IssuedInvitation.class)))
    public Response invite(@PathParam("slug") String slug, InvitationRequest request) {
        requireBody(request);
        Survey survey = survey(slug);
        Messages messages = RequestLanguage.messages(headers);
        List<String> ids = request.customers() == null ? List.of() : request.customers();
        List<FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(messages.error("customers", "required"));
        } else if (ids.size() > MAX_INVITATIONS) {
            errors.add(messages.error("customers", "tooMany", MAX_INVITATIONS));
        }
        List<Customer> found = new ArrayList<>();
        for (int i = 0; i < ids.size() && errors.isEmpty(); i++) {
            var customer = ids.get(i) == null ? Optional.<Customer>empty() : customers.byExternalId(ids.get(i));
            if (customer.isEmpty()) {
                errors.add(messages.error("customers[" + i + "]", "unknownCustomer"));
            } else {
                found.add(customer.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidInvitation", errors);
        }
        List<IssuedInvitation> issued = new ArrayList<>();
        for (Customer customer : found) {
            String path = invitations.issue(survey, customer, null).path();
            issued.add(new IssuedInvitation(
                    customer.externalId(), uriInfo.getBaseUri().resolve(path).toString(), path));
        }
        return Response.status(Response.Status.CREATED)
                .entity(new GenericEntity<List<IssuedInvitation>>(issued) {})
                .build();
    }

    private Survey survey(String slug) {
        return catalog.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
    }
}
