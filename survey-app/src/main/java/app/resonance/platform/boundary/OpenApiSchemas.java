package app.resonance.platform.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Corrects what Payara's scanner writes for the API's records and completes them into schemas a client
 * generator can use: dates and times (written as bare objects, or as plain strings where the records carry
 * ISO text) become strings with {@code format: date} or {@code date-time}; a binary string carries no
 * properties; {@code exclusiveMinimum/Maximum: false} is left out; the figures' numbers that are null unless
 * shown are nullable; the fields every answer has are required; examples come from the demo.
 */
final class OpenApiSchemas {

    private OpenApiSchemas() {}

    private static final Set<String> DATES =
            Set.of("date", "from", "to", "previousFrom", "previousTo", "renewalDate", "dueDate", "startDate");

    /** Per schema: the properties that may be null (written as null) and the ones that may be absent. */
    private static final Map<String, List<String>> NULLABLE = Map.ofEntries(
            Map.entry("Figure", List.of("responses", "value", "standardError", "marginOfError", "low", "high")),
            Map.entry("Change", List.of("difference", "standardError", "z", "pValue")),
            Map.entry("Marker", List.of("survey", "segment", "description")),
            Map.entry("SegmentFigure", List.of("segment")),
            Map.entry("FollowUp", List.of("closedAt", "customer", "segment", "responseId")),
            Map.entry("Comment", List.of("score", "scoreQuestion", "customer")),
            Map.entry("RetentionSetting", List.of("days")),
            Map.entry("Retention", List.of("days")),
            Map.entry(
                    "CustomerPatch",
                    List.of("email", "plan", "region", "lifecycleStage", "renewalDate", "locale", "attributes")),
            Map.entry("Crosstab", List.of("chiSquareOmitted")),
            Map.entry("Team", List.of("lead")),
            Map.entry("AlertRoute", List.of("user", "team")),
            Map.entry("CrosstabColumn", List.of("respondents")),
            Map.entry("CrosstabCell", List.of("count", "share", "marginOfError", "z", "pValue", "adjustedPValue")));

    private static final Map<String, List<String>> OPTIONAL = Map.ofEntries(
            Map.entry("Figure", List.of("display")),
            Map.entry("Change", List.of()),
            Map.entry("TrendPeriod", List.of()),
            Map.entry("Marker", List.of()),
            Map.entry("Trend", List.of()),
            Map.entry("SegmentFigure", List.of()),
            Map.entry("SegmentComparison", List.of()),
            Map.entry("Window", List.of()),
            Map.entry("BeforeAfter", List.of()),
            Map.entry("MarkerImpact", List.of()),
            Map.entry("RollupRebuild", List.of()),
            Map.entry("SurveyDefinition", List.of("title", "intro")),
            Map.entry("Question", List.of("text", "showIf", "min", "max", "minLabel", "maxLabel", "options", "rows")),
            Map.entry("Condition", List.of()),
            Map.entry("Option", List.of("label")),
            Map.entry("Texts", List.of("de", "en", "fr", "it", "es", "nl", "pl")),
            Map.entry("SurveyVersionInfo", List.of("publishedAt")),
            Map.entry("SurveySettingsView", List.of("opensAt", "closesAt", "responseLimit")),
            Map.entry("AdminSurvey", List.of("published", "draft")),
            Map.entry("SurveySummary", List.of("lastResponse", "publishedVersion", "title")),
            Map.entry("SubmissionReceipt", List.of()),
            Map.entry("MarkerDraft", List.of("description", "survey", "segment")),
            Map.entry(
                    "Alert",
                    List.of(
                            "topic",
                            "figure",
                            "previousFigure",
                            "pValue",
                            "score",
                            "responseId",
                            "previousScore",
                            "followUpId")),
            Map.entry("FollowUp", List.of("survey", "resurveyLink")),
            Map.entry("Assignee", List.of()),
            Map.entry("FollowUpNote", List.of()),
            Map.entry("ScoreEntry", List.of()),
            Map.entry("LatestNps", List.of()),
            Map.entry("CustomerFeedback", List.of()),
            Map.entry("SegmentCheck", List.of()),
            Map.entry("TopicCheck", List.of()),
            Map.entry("WebhookEndpoint", List.of("description", "survey", "secret")),
            Map.entry("WebhookDelivery", List.of("lastStatus", "lastError", "nextAttemptAt", "deliveredAt")),
            Map.entry("NotificationDestination", List.of("url")),
            Map.entry(
                    "NotificationDelivery",
                    List.of("followUp", "lastStatus", "lastError", "nextAttemptAt", "deliveredAt")),
            Map.entry("NotificationTest", List.of()),
            Map.entry("User", List.of()),
            Map.entry("Team", List.of()),
            Map.entry("TeamPerson", List.of()),
            Map.entry("AlertRoute", List.of("user", "team")),
            Map.entry("Wave", List.of()),
            Map.entry("WaveRespondents", List.of()),
            Map.entry("RespondentMix", List.of("chiSquare", "degreesOfFreedom", "pValue")),
            Map.entry("RespondentGroup", List.of("value")),
            Map.entry("Suppression", List.of()),
            Map.entry("SuppressionPage", List.of()),
            Map.entry("Segment", List.of()),
            Map.entry("SegmentName", List.of()),
            Map.entry("SegmentRule", List.of()),
            Map.entry("AuditPage", List.of()),
            Map.entry("AuditLogEntry", List.of("details")),
            Map.entry("ApiToken", List.of("lastUsedAt")),
            Map.entry("NewApiToken", List.of()),
            Map.entry("Customer", List.of("email", "plan", "region", "lifecycleStage", "renewalDate", "locale")),
            Map.entry("CustomerPage", List.of()),
            Map.entry("CustomerImport", List.of()),
            Map.entry("CommentPage", List.of()),
            Map.entry("Comment", List.of()),
            Map.entry("CommentThemes", List.of()),
            Map.entry("ThemeCount", List.of()),
            Map.entry("Topic", List.of()),
            Map.entry("Anonymisation", List.of()),
            Map.entry("RetentionSetting", List.of()),
            Map.entry("IssuedInvitation", List.of()),
            Map.entry("ResponseDetail", List.of("customer")),
            Map.entry("Submission", List.of("locale", "partial", "channel", "hidden", "identity")),
            Map.entry("SignedCustomer", List.of()),
            Map.entry("WidgetConfig", List.of()),
            Map.entry("WidgetSecretState", List.of("createdAt")),
            Map.entry("IssuedWidgetSecret", List.of()),
            Map.entry("PersonalData", List.of()),
            Map.entry("PersonalResponse", List.of()),
            Map.entry("PersonalAnswer", List.of("row", "option", "score", "text")),
            Map.entry("PersonalInvitation", List.of("sentAt", "openedAt")),
            Map.entry("PersonalSuppression", List.of("liftedAt")),
            Map.entry("ImportedSubmission", List.of("submittedAt", "locale", "partial", "channel", "hidden")),
            Map.entry("Crosstab", List.of("chiSquare")),
            Map.entry("CrosstabColumn", List.of()),
            Map.entry("CrosstabRow", List.of()),
            Map.entry("CrosstabCell", List.of()),
            Map.entry("CrosstabChiSquare", List.of()),
            Map.entry("EventRule", List.of()),
            Map.entry("EventReceipt", List.of()),
            Map.entry("EventDispatch", List.of("reason")),
            Map.entry("Programme", List.of("nextCycleAt")),
            Map.entry("ProgrammeDefinition", List.of("windowDays")),
            Map.entry("ProgrammeCycle", List.of()),
            Map.entry("ProgrammeSkip", List.of()),
            Map.entry("Digest", List.of()),
            Map.entry("DigestRecipient", List.of()),
            Map.entry("DigestPeriod", List.of()),
            Map.entry("DigestSent", List.of()),
            Map.entry("DigestSendResult", List.of()),
            Map.entry("DigestCheck", List.of()));

    /** Java longs (ids and counts), which Payara's scanner writes as a bare number. */
    private static final Set<String> WHOLE = Set.of(
            "id",
            "responses",
            "responseId",
            "followUpId",
            "followUp",
            "version",
            "customers",
            "comments",
            "invited",
            "sent",
            "opened",
            "answered",
            "total",
            "count",
            "respondents",
            "rule",
            "wave",
            "reached",
            "fired",
            "openTasks",
            "overdueTasks");

    static void complete(OpenAPI openapi) {
        if (openapi.getComponents() == null || openapi.getComponents().getSchemas() == null) {
            return;
        }
        openapi.getComponents().getSchemas().forEach((name, schema) -> {
            fix(schema);
            if (schema.getProperties() == null) {
                return;
            }
            NULLABLE.getOrDefault(name, List.of()).forEach(p -> {
                Schema property = schema.getProperties().get(p);
                if (property != null) {
                    property.setNullable(true);
                }
            });
            List<String> optional = OPTIONAL.get(name);
            if (optional != null) {
                List<String> required = new ArrayList<>();
                schema.getProperties().keySet().stream()
                        .filter(p -> !optional.contains(p))
                        .forEach(required::add);
                schema.setRequired(required);
            }
            Object example = OpenApiExamples.EXAMPLES.get(name);
            if (example != null) {
                schema.setExample(example);
            }
        });
    }

    /** Fixes one schema and its properties, recursively. */
    static void fix(Schema schema) {
        if (schema == null) {
            return;
        }
        // defaults Payara writes for a type-level @Schema: maxProperties 0 would allow no property at all
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (schema.getType() == Schema.SchemaType.STRING && schema.getProperties() != null) {
            schema.setProperties(null);
        }
        fix(schema.getItems());
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (property == null || property.getRef() != null) {
                return;
            }
            boolean bareObject = property.getType() == Schema.SchemaType.OBJECT
                    && (property.getProperties() == null
                            || property.getProperties().isEmpty());
            boolean dateName = DATES.contains(name);
            boolean timeName = name.endsWith("At") || name.equals("lastResponse");
            if ((bareObject || property.getType() == Schema.SchemaType.STRING)
                    && property.getFormat() == null
                    && (dateName || timeName)) {
                property.setType(Schema.SchemaType.STRING);
                property.setFormat(dateName ? "date" : "date-time");
            } else if (bareObject && property.getAdditionalPropertiesSchema() == null) {
                // a map (answers by question id, attributes by name)
                property.setProperties(null);
                property.setAdditionalPropertiesBoolean(Boolean.TRUE);
            }
            if (property.getType() == Schema.SchemaType.NUMBER && property.getFormat() == null) {
                // Java long (ids, counts) comes out as number; the figures are doubles
                boolean whole = WHOLE.contains(name);
                property.setType(whole ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER);
                property.setFormat(whole ? "int64" : "double");
            } else if (property.getType() == Schema.SchemaType.NUMBER && "int64".equals(property.getFormat())) {
                // a long the record declares as int64 itself (the scanner keeps its own type)
                property.setType(Schema.SchemaType.INTEGER);
            }
            fix(property);
        });
    }
}
