package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
import app.resonance.followups.control.FollowUps;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's feedback in the admin API: latest NPS, score history and follow-up tasks. */
@Path("admin/feedback/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminCustomerFeedbackResource {

    @Inject
    FollowUps followUps;

    @Inject
    app.resonance.followups.control.CustomerReplies replies;

    @Inject
    CustomerDirectory customers;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{externalId}")
    @Transactional
    @Operation(summary = "A customer's feedback: latest NPS, score history and follow-up tasks")
    public FollowUpJson.CustomerFeedback customer(@PathParam("externalId") String externalId) {
        Messages messages = RequestLanguage.messages(headers);
        Customer customer = customers
                .visibleByExternalId(externalId)
                .orElseThrow(() -> ProblemException.notFound("problem.customerNotFound"));
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        var history = followUps.history(customer.id(), 200).stream()
                .map(e -> new FollowUpJson.ScoreEntry(
                        e.responseId(),
                        e.survey(),
                        e.questionKey(),
                        e.questionType(),
                        e.score(),
                        e.submittedAt().toString()))
                .toList();
        var latest = history.stream()
                .filter(e -> e.type().equals("NPS"))
                .findFirst()
                .map(e -> new FollowUpJson.LatestNps(e.score(), e.survey(), e.submittedAt()))
                .orElse(null);
        var tasks = followUps.list(new FollowUps.Query(null, null, customer.id(), false, today), 0, 100).stream()
                .map(task -> FollowUpJson.Task.of(task, followUps, replies.replies(task.id()), messages, today))
                .toList();
        return new FollowUpJson.CustomerFeedback(externalId, customer.name(), latest, history, tasks);
    }
}
