package app.resonance.responses.boundary;

import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.ValidSubmission.SignedCustomer;
import app.resonance.responses.control.WidgetIdentity;
import app.resonance.responses.entity.ContactSkip;
import app.resonance.surveys.boundary.SurveysResource;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the widget script asks before it shows itself: whether to show (not for an identified customer surveyed
 * within the contact limit) and which hidden fields to pass on from the page's URL. A missing, forged or expired
 * signature is simply anonymous: the answer never says why.
 */
@Path("surveys/{slug}/widget")
@RequestScoped
@Tag(name = "Public surveys")
public class WidgetResource {

    @Inject
    SurveyCatalog catalog;

    @Inject
    WidgetIdentity identity;

    @Inject
    ContactRules contactRules;

    @Inject
    Clock clock;

    @Schema(
            name = "WidgetConfig",
            description =
                    "Whether the widget shows itself (false: a contact rule holds this customer back), and the names of the page's URL parameters it passes on as hidden fields")
    @JsonbPropertyOrder({"show", "hiddenFields"})
    public record WidgetConfig(boolean show, List<String> hiddenFields) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "widgetConfig",
            summary = "Whether the widget shows itself for this visitor",
            description =
                    "With a valid signature (sig = hex HMAC-SHA256(widget secret, customer + \".\" + ts), ts in "
                            + "unix seconds, within 10 minutes) for a customer whom a contact rule holds back (asked by any survey"
                            + " within the overall limit, or by a survey of the same kind within that kind's limit), show is"
                            + " false, and the skip is recorded on the customer's contact history. Without one, or with an invalid one, the visitor is anonymous and show is true.")
    @APIResponse(
            responseCode = "200",
            description = "What the widget does",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WidgetConfig")))
    @APIResponse(responseCode = "404", description = "No survey with this slug, or not published")
    @APIResponse(responseCode = "410", description = "The survey is closed")
    public WidgetConfig config(
            @PathParam("slug") String slug,
            @Parameter(description = "The site's customer id (external id)") @QueryParam("customer") String customer,
            @Parameter(description = "Unix seconds when the site signed") @QueryParam("ts") String ts,
            @Parameter(description = "Hex HMAC-SHA256 of customer + \".\" + ts") @QueryParam("sig") String sig) {
        Survey survey = SurveysResource.openSurvey(catalog, slug);
        boolean show = customer == null
                || identity.verify(survey, new SignedCustomer(customer, ts, sig), clock.instant())
                        .map(c -> contactRules.mayAsk(survey, c, ContactSkip.Channel.WIDGET, clock.instant()))
                        .orElse(true);
        return new WidgetConfig(show, List.copyOf(survey.hiddenFields()));
    }
}
