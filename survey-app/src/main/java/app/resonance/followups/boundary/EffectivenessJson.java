package app.resonance.followups.boundary;

import app.resonance.followups.control.ClosedLoopEffectiveness;
import app.resonance.followups.control.ClosedLoopEffectiveness.Group;
import app.resonance.followups.control.RecoveryStatistics.Comparison;
import app.resonance.platform.control.Messages;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The closed-loop effectiveness as the admin API answers it: the period, the minimum, the groups and the test. */
@Schema(
        name = "Effectiveness",
        description = "Did following up win detractors back? The follow-up tasks closed on the days from..to (the"
                + " reporting zone) whose customer gave the task's survey an NPS score again after the task was"
                + " closed, by assignee, team, alert rule and closing status, against the detractors of the period"
                + " who had no follow-up task open in it and answered again. Observational (see caveat).")
@JsonbPropertyOrder({
    "from",
    "to",
    "zone",
    "minimumResponses",
    "method",
    "caveat",
    "followedUp",
    "byAssignee",
    "byTeam",
    "byRule",
    "byAction",
    "notFollowedUp",
    "comparison"
})
public record EffectivenessJson(
        @Schema(format = "date") String from,
        @Schema(format = "date") String to,
        String zone,

        @Schema(description = "No rate or mean below this many cases")
        int minimumResponses,

        @Schema(description = "How the figures are computed, in the request's language")
        String method,

        @Schema(description = "That the comparison is observational, in the request's language")
        String caveat,

        @Schema(description = "All closed tasks with a later answer")
        Group followedUp,

        List<Group> byAssignee,
        List<Group> byTeam,
        List<Group> byRule,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Group.class,
                description = "By closing status: DONE or CANCELLED")
        List<Group> byAction,

        @Schema(description = "Detractors of the period without a follow-up who answered again")
        Group notFollowedUp,

        Comparison comparison) {

    static EffectivenessJson of(
            LocalDate from, LocalDate to, String zone, ClosedLoopEffectiveness.Report report, Messages messages) {
        return new EffectivenessJson(
                from.toString(),
                to.toString(),
                zone,
                report.minimumResponses(),
                messages.get("effectiveness.method"),
                messages.get("effectiveness.caveat"),
                report.followedUp(),
                report.byAssignee(),
                report.byTeam(),
                report.byRule(),
                report.byAction(),
                report.notFollowedUp(),
                report.comparison());
    }
}
