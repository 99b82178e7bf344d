package app.resonance.followups.boundary;

import app.resonance.followups.control.AlertRuleEditor;
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
                    enumeration = {"LOW_SCORE", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK", "KEYWORD"})
            String kind,

            @Schema(
                    description = "LOW_SCORE: the question type whose score is compared",
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
                    description = "The channels: LINK, INVITATION, EMAIL, WIDGET, API, IMPORT (default: all)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> channels,

            @Schema(
                    description = "What a firing does besides recording the alert (default BOTH)",
                    enumeration = {"TASK", "NOTIFY", "BOTH"})
            String action,

            @Schema(description = "Start of the quiet hours, HH:MM in UTC", pattern = "^([01]\\d|2[0-3]):[0-5]\\d$")
            String quietStart,

            @Schema(description = "End of the quiet hours, HH:MM in UTC", pattern = "^([01]\\d|2[0-3]):[0-5]\\d$")
            String quietEnd,

            @Schema(description = "A paused rule fires nothing (default false)")
            Boolean paused) {

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
                    paused);
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
        "lastFiredAt"
    })
    public record Rule(
            long id,
            String name,

            @Schema(enumeration = {"LOW_SCORE", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK", "KEYWORD"})
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
            String lastFiredAt) {

        static Rule of(AlertRuleEditor.Rule r) {
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
                    r.lastFired() == null ? null : r.lastFired().toString());
        }
    }
}
