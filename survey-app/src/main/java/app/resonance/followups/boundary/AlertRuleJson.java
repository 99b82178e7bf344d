package app.resonance.followups.boundary;

import app.resonance.followups.control.AlertRuleEditor;
import app.resonance.followups.control.RuleRouting;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Alert rules as the admin API takes and answers them (records, JSON-B). */
public final class AlertRuleJson {

    private AlertRuleJson() {}

    @Schema(
            name = "AlertRuleRequest",
            description = "An alert rule: what fires it (kind and its settings), where (surveys, segments, channels;"
                    + " none: all), what happens (action), quiet hours for its notifications, paused or not")
    public record Request(
            @Schema(required = true, maxLength = 100) String name,

            @Schema(
                    required = true,
                    enumeration = {"LOW_SCORE", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK", "KEYWORD", "SEGMENT_TREND"})
            String kind,

            @Schema(
                    description = "LOW_SCORE: the question type whose score is compared; SEGMENT_TREND: the metric"
                            + " whose figure is tested (NPS of an NPS question, CSAT the share of 4-5, CES or RATING"
                            + " the mean)",
                    enumeration = {"NPS", "CSAT", "CES", "RATING"})
            String questionType,

            @Schema(description = "LOW_SCORE: fires at or below this score (NPS 0-10, CSAT 1-5, CES 1-7, RATING 0-10)")
            Integer threshold,

            @Schema(description = "RENEWAL_AT_RISK: the renewal window in days, 1-730 (default: the configured one)")
            Integer renewalDays,

            @Schema(
                    description = "KEYWORD: 1 to 20 words or phrases, found in a comment ignoring case",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> keywords,

            @Schema(
                    description = "The surveys, by slug (default: all)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> surveys,

            @Schema(
                    description = "The segments, by key (default: all)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> segments,

            @Schema(
                    description = "The channels: LINK, INVITATION, EMAIL, WIDGET, API, IMPORT (default: all; a"
                            + " SEGMENT_TREND rule takes none)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> channels,

            @Schema(
                    description = "What a firing does besides recording the alert (default BOTH; a SEGMENT_TREND"
                            + " rule makes a task: TASK or BOTH)",
                    enumeration = {"TASK", "NOTIFY", "BOTH"})
            String action,

            @Schema(description = "Start of the quiet hours, HH:MM in UTC", pattern = "^([01]\\d|2[0-3]):[0-5]\\d$")
            String quietStart,

            @Schema(description = "End of the quiet hours, HH:MM in UTC", pattern = "^([01]\\d|2[0-3]):[0-5]\\d$")
            String quietEnd,

            @Schema(description = "A paused rule fires nothing (default false)")
            Boolean paused,

            @Schema(description = "Hours until a task of this rule is due, 1-2160 (default: the configured days)")
            Integer dueHours,

            @Schema(
                    description = "How a team picks the member a routed task goes to (default LEAST_BUSY)",
                    enumeration = {"ROUND_ROBIN", "LEAST_BUSY"})
            String teamPick,

            @Schema(
                    description = "Routing entries in order: the first whose attribute the customer has with that"
                            + " value names the assignee; none matches: the least busy support lead. Absent: the"
                            + " routing stays as it is",
                    type = SchemaType.ARRAY,
                    implementation = Route.class)
            List<Route> routes,

            @Schema(
                    description = "SEGMENT_TREND: the window in days, 7-180 (default 30): the days up to the check's"
                            + " day against as many days before; the rule fires at most once per segment and block"
                            + " of this many days")
            Integer windowDays,

            @Schema(
                    description = "SEGMENT_TREND: the significance level, one of 0.1, 0.05, 0.01 or 0.001 (default"
                            + " 0.05); fires when the z test's two-sided p lies below it",
                    example = "0.01")
            Double significance,

            @Schema(
                    description = "SEGMENT_TREND: the least responses each window needs, 5-100000 (default 30; an"
                            + " anonymous survey's groups below five never count)")
            Integer minResponses) {

        RuleRouting.Draft routing() {
            if (dueHours == null && teamPick == null && routes == null) {
                return null;
            }
            return new RuleRouting.Draft(
                    dueHours,
                    teamPick,
                    routes == null
                            ? List.of()
                            : routes.stream()
                                    .map(r -> r == null
                                            ? null
                                            : new RuleRouting.RouteDraft(r.attribute(), r.value(), r.user(), r.team()))
                                    .toList());
        }

        AlertRuleEditor.Draft draft() {
            return new AlertRuleEditor.Draft(
                    name,
                    kind,
                    questionType,
                    threshold,
                    renewalDays,
                    keywords,
                    surveys,
                    segments,
                    channels,
                    action,
                    quietStart,
                    quietEnd,
                    paused,
                    windowDays,
                    significance,
                    minResponses);
        }
    }

    @Schema(
            name = "AlertRoute",
            description = "A routing entry: tasks of customers whose attribute has this value (ignoring case) go to"
                    + " the user or the team (exactly one)")
    @JsonbPropertyOrder({"attribute", "value", "user", "team"})
    public record Route(
            @Schema(
                    required = true,
                    description = "segment (a segment key of the response), region, plan, lifecycle_stage or any"
                            + " customer attribute",
                    pattern = "^[A-Za-z][A-Za-z0-9_]{0,59}$")
            String attribute,

            @Schema(required = true, maxLength = 200) String value,

            @Schema(description = "The username the tasks go to", nullable = true)
            String user,

            @Schema(description = "The team the tasks go to (its name)", nullable = true)
            String team) {

        static Route of(RuleRouting.RouteDraft r) {
            return new Route(r.attribute(), r.value(), r.user(), r.team());
        }
    }

    @Schema(
            name = "AlertRule",
            description =
                    "An alert rule with how many alerts it raised (fired) and when it last did (lastFiredAt, UTC)")
    @JsonbPropertyOrder({
        "id",
        "name",
        "kind",
        "questionType",
        "threshold",
        "renewalDays",
        "keywords",
        "surveys",
        "segments",
        "channels",
        "action",
        "quietStart",
        "quietEnd",
        "paused",
        "builtIn",
        "fired",
        "lastFiredAt",
        "dueHours",
        "teamPick",
        "routes",
        "windowDays",
        "significance",
        "minResponses"
    })
    public record Rule(
            long id,
            String name,

            @Schema(enumeration = {"LOW_SCORE", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK", "KEYWORD", "SEGMENT_TREND"})
            String kind,

            String questionType,
            Integer threshold,
            Integer renewalDays,
            List<String> keywords,
            List<String> surveys,
            List<String> segments,
            List<String> channels,

            @Schema(enumeration = {"TASK", "NOTIFY", "BOTH"})
            String action,

            String quietStart,
            String quietEnd,
            boolean paused,

            @Schema(description = "A default rule (one of the former fixed rules): editable, not removable")
            boolean builtIn,

            long fired,
            String lastFiredAt,

            @Schema(description = "Hours until a task is due; null: the configured days", nullable = true)
            Integer dueHours,

            @Schema(enumeration = {"ROUND_ROBIN", "LEAST_BUSY"})
            String teamPick,

            List<Route> routes,

            @Schema(description = "SEGMENT_TREND: the window in days; null for the other kinds", nullable = true)
            Integer windowDays,

            @Schema(description = "SEGMENT_TREND: the significance level; null for the other kinds", nullable = true)
            Double significance,

            @Schema(
                    description = "SEGMENT_TREND: the least responses per window; null for the other kinds",
                    nullable = true)
            Integer minResponses) {

        static Rule of(AlertRuleEditor.Rule r, RuleRouting.Draft routing) {
            RuleRouting.Draft k = routing == null ? new RuleRouting.Draft(null, "LEAST_BUSY", List.of()) : routing;
            return new Rule(
                    r.id(),
                    r.name(),
                    r.kind().name(),
                    r.questionType(),
                    r.threshold(),
                    r.renewalDays(),
                    r.keywords(),
                    r.surveys(),
                    r.segments(),
                    r.channels(),
                    r.action().name(),
                    r.quietStart(),
                    r.quietEnd(),
                    r.paused(),
                    r.builtIn(),
                    r.fired(),
                    r.lastFired() == null ? null : r.lastFired().toString(),
                    k.dueHours(),
                    k.teamPick(),
                    k.routes().stream().map(Route::of).toList(),
                    r.windowDays(),
                    r.significance(),
                    r.minResponses());
        }
    }
}
