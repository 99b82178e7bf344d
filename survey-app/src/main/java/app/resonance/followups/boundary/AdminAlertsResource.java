package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.control.SegmentTrends;
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

/** Alerts in the admin API: the list, newest first, and the segment trend and topic checks on demand. */
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
    SegmentTrends trends;

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
            summary = "Run the segment trend alert rules (kind SEGMENT_TREND) now (they also run daily at 06:15)",
            description = "Each active SEGMENT_TREND rule compares every segment in its scope over its window up to"
                    + " asOf with the window before and raises an alert (with a task, as the rule says) for a"
                    + " segment whose figure fell with p below the rule's significance, both windows with at least"
                    + " its minimum of responses; once per rule, survey, segment and period. Query: asOf"
                    + " (YYYY-MM-DD, default today), days (only the rules with this window, 7-180; default: all).")
    public FollowUpJson.SegmentCheck segmentCheck(@Valid @BeanParam SegmentCheckParameters parameters)
            throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return new FollowUpJson.SegmentCheck(trends.check(parameters.asOf(today), parameters.window()));
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
