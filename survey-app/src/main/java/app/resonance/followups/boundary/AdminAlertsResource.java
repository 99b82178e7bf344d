package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.followups.control.FollowUps;
import app.resonance.platform.boundary.PageParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts in the admin API: the list, newest first, and the segment decline check on demand. */
@Path("admin/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: follow-ups")
public class AdminAlertsResource {

    @Inject
    FollowUps followUps;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(summary = "Alerts, newest first")
    public List<FollowUpJson.Alert> alerts(@Valid @BeanParam PageParameters page) {
        Messages messages = RequestLanguage.messages(headers);
        return followUps.alerts(page.offset(), page.limit()).stream()
                .map(alert -> FollowUpJson.Alert.of(alert, messages))
                .toList();
    }

    @POST
    @Path("segment-check")
    @Operation(
            summary = "Check every segment's NPS for a significant decline now (also runs daily at 06:15)",
            description = "Query: asOf (YYYY-MM-DD, default today), days (window, 7-180, default 30).")
    public FollowUpJson.SegmentCheck segmentCheck(@Valid @BeanParam SegmentCheckParameters parameters)
            throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return new FollowUpJson.SegmentCheck(maintenance.checkSegments(parameters.asOf(today), parameters.days()));
    }

    @POST
    @Path("topic-check")
    @Operation(
            summary = "Check every topic's share of each survey's comments for a significant rise now (also runs"
                    + " daily at 06:20)",
            description = "Per survey with text questions: each enabled topic's share of the comments in the window"
                    + " up to asOf against the window before, by a two-proportion z test, Holm-adjusted over the"
                    + " topics; windows with fewer comments than the reporting minimum are not tested. One alert"
                    + " and one task per survey, topic and ISO week. Query: asOf (YYYY-MM-DD, default today), days"
                    + " (window, 7-180, default 30).")
    public FollowUpJson.TopicCheck topicCheck(@Valid @BeanParam SegmentCheckParameters parameters) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return new FollowUpJson.TopicCheck(maintenance.checkTopics(parameters.asOf(today), parameters.days()));
    }
}
