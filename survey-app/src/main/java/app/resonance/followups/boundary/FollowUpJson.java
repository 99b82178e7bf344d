package app.resonance.followups.boundary;

import app.resonance.followups.control.CustomerReplies;
import app.resonance.followups.control.FollowUps;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpReply;
import app.resonance.platform.boundary.Filled;
import app.resonance.platform.boundary.Within;
import app.resonance.platform.control.Messages;
import app.resonance.security.entity.AppUser;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Alerts, follow-up tasks and a customer's feedback as the admin API answers them: records bound by JSON-B,
 * so that the OpenAPI document describes them. Fields a task may lack are written as {@code null}; the
 * figures an alert kind does not have are left out.
 */
public final class FollowUpJson {

    private FollowUpJson() {}

    @Schema(
            name = "Alert",
            description = "A detractor, a score drop, a significant segment decline or a topic's significant rise;"
                    + " alerts on a response carry score and responseId; SEGMENT_DECLINE carries figure (the"
                    + " segment's figure of its SEGMENT_TREND rule's metric: NPS, CSAT share or CES/rating mean),"
                    + " previousFigure and pValue; TOPIC_RISE carries topic (the topic's key),"
                    + " figure (its share of the window's comments, 0-1), previousFigure (the share in the window"
                    + " before) and pValue (Holm-adjusted over the topics tested)")
    @JsonbPropertyOrder({
        "id",
        "kind",
        "name",
        "createdAt",
        "topic",
        "figure",
        "previousFigure",
        "pValue",
        "score",
        "responseId",
        "previousScore",
        "followUpId"
    })
    public record Alert(
            long id,
            String kind,
            String name,
            String createdAt,
            String topic,
            Double figure,
            Double previousFigure,
            Double pValue,
            Integer score,
            Long responseId,
            Integer previousScore,
            Long followUpId) {

        static Alert of(app.resonance.followups.entity.Alert alert, Messages messages) {
            boolean figures = alert.kind() == AlertKind.SEGMENT_DECLINE || alert.kind() == AlertKind.TOPIC_RISE;
            return new Alert(
                    alert.id(),
                    alert.kind().name(),
                    messages.get("alert." + alert.kind().name()),
                    alert.createdAt().toString(),
                    alert.topicKey(),
                    figures ? alert.figure() : null,
                    figures ? alert.previousFigure() : null,
                    figures ? alert.pValue() : null,
                    figures ? null : alert.score(),
                    figures ? null : alert.responseId(),
                    figures ? null : alert.previousScore(),
                    alert.followUpId());
        }
    }

    @Schema(name = "Assignee", description = "The user a task is assigned to")
    @JsonbPropertyOrder({"username", "displayName"})
    public record Assignee(String username, String displayName) {}

    @Schema(name = "FollowUpNote", description = "A note on a task")
    @JsonbPropertyOrder({"author", "text", "createdAt"})
    public record Note(String author, String text, String createdAt) {}

    @Schema(name = "FollowUp", description = "A follow-up task with its alerts and notes")
    @JsonbPropertyOrder({
        "id",
        "title",
        "status",
        "dueDate",
        "overdue",
        "resurvey",
        "createdAt",
        "version",
        "survey",
        "closedAt",
        "assignee",
        "customer",
        "segment",
        "responseId",
        "alerts",
        "notes",
        "replies",
        "resurveyLink"
    })
    public record Task(
            long id,
            String title,
            String status,
            String dueDate,
            boolean overdue,
            boolean resurvey,
            String createdAt,
            long version,
            String survey,
            @JsonbNillable String closedAt,
            @JsonbNillable Assignee assignee,
            @JsonbNillable String customer,
            @JsonbNillable String segment,
            @JsonbNillable Long responseId,
            List<Alert> alerts,
            List<Note> notes,

            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = Reply.class,
                    description = "The replies written to the customer, oldest first")
            List<Reply> replies,

            String resurveyLink) {

        static Task of(
                FollowUp task,
                FollowUps followUps,
                List<CustomerReplies.Sent> replies,
                Messages messages,
                LocalDate today) {
            var alerts = followUps.alertsOf(task.id());
            String title = task.title().orElseGet(() -> alerts.stream()
                    .map(a -> messages.get("alert." + a.kind().name()))
                    .collect(Collectors.joining(" · ")));
            return new Task(
                    task.id(),
                    title,
                    task.status().name(),
                    task.dueDate().toString(),
                    task.isOverdue(today),
                    task.resurvey(),
                    task.createdAt().toString(),
                    task.rowVersion(),
                    followUps.survey(task.surveyId()).map(s -> s.slug()).orElse(null),
                    task.closedAt().map(Object::toString).orElse(null),
                    task.assignee()
                            .map((AppUser u) -> new Assignee(u.username(), u.displayName()))
                            .orElse(null),
                    followUps
                            .customer(task.customerId())
                            .map(c -> c.externalId())
                            .orElse(null),
                    followUps.segment(task.segmentId()).map(s -> s.key()).orElse(null),
                    task.responseId(),
                    alerts.stream().map(a -> Alert.of(a, messages)).toList(),
                    task.notes().stream()
                            .map(n ->
                                    new Note(n.author(), n.text(), n.createdAt().toString()))
                            .toList(),
                    replies.stream().map(Reply::of).toList(),
                    null);
        }

        Task withResurveyLink(String link) {
            return new Task(
                    id,
                    title,
                    status,
                    dueDate,
                    overdue,
                    resurvey,
                    createdAt,
                    version,
                    survey,
                    closedAt,
                    assignee,
                    customer,
                    segment,
                    responseId,
                    alerts,
                    notes,
                    replies,
                    link);
        }
    }

    @Schema(name = "SegmentCheck", description = "How many segment decline alerts the check raised")
    public record SegmentCheck(int alerts) {}

    @Schema(name = "TopicCheck", description = "How many topic rise alerts the check raised")
    public record TopicCheck(int alerts) {}

    @Schema(name = "ScoreEntry", description = "One scored answer of a customer")
    @JsonbPropertyOrder({"responseId", "survey", "question", "type", "score", "submittedAt"})
    public record ScoreEntry(
            long responseId, String survey, String question, String type, int score, String submittedAt) {}

    @Schema(name = "LatestNps", description = "The customer's latest NPS answer")
    @JsonbPropertyOrder({"score", "survey", "submittedAt"})
    public record LatestNps(int score, String survey, String submittedAt) {}

    @Schema(name = "CustomerFeedback", description = "A customer's latest NPS, score history and follow-up tasks")
    @JsonbPropertyOrder({"customer", "name", "latestNps", "history", "followUps"})
    public record CustomerFeedback(
            String customer,
            String name,
            @JsonbNillable LatestNps latestNps,
            List<ScoreEntry> history,
            List<Task> followUps) {}

    @Schema(
            name = "ReplyRequest",
            description = "A reply to the customer of a task: subject and body as plain text (sent as text/plain, never"
                    + " as markup); language optional (default: the customer's), one of de, en, fr, it, es, nl, pl")
    public record ReplyRequest(
            @Filled(message = "{error.required}")
            @Within(min = 0, max = FollowUpReply.SUBJECT_MAX, message = "{error.tooLong}")
            @Schema(required = true, maxLength = FollowUpReply.SUBJECT_MAX)
            String subject,

            @Filled(message = "{error.required}")
            @Within(min = 0, max = FollowUpReply.BODY_MAX, message = "{error.tooLong}")
            @Schema(required = true, maxLength = FollowUpReply.BODY_MAX)
            String body,

            @Schema(
                    description = "The language the reply is written in (ISO 639-1); default: the customer's",
                    enumeration = {"de", "en", "fr", "it", "es", "nl", "pl"})
            String language) {}

    @Schema(
            name = "ReplyTemplate",
            description = "What a reply to the task's customer starts from: the address, the customer's name, and"
                    + " subject and body in the language (a greeting with the name, a reference to the answer, the"
                    + " sender's name)")
    @JsonbPropertyOrder({"language", "recipient", "customer", "subject", "body"})
    public record ReplyTemplate(String language, String recipient, String customer, String subject, String body) {

        static ReplyTemplate of(CustomerReplies.Template t) {
            return new ReplyTemplate(t.language(), t.recipient(), t.customerName(), t.subject(), t.body());
        }
    }

    @Schema(
            name = "FollowUpReply",
            description = "A reply written to the customer, as the task's history keeps it: who sent it, to whom, the"
                    + " Reply-To address, language, subject, body, when, and the delivery state of its mail (PENDING,"
                    + " DELIVERED, FAILED or CANCELLED)")
    @JsonbPropertyOrder({
        "id",
        "kind",
        "sender",
        "recipient",
        "replyTo",
        "language",
        "subject",
        "body",
        "createdAt",
        "delivery"
    })
    public record Reply(
            long id,

            @Schema(description = "Always REPLY: the kind of this entry of the task's history")
            String kind,

            String sender,
            String recipient,
            String replyTo,
            String language,
            String subject,
            String body,
            String createdAt,

            @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED", "CANCELLED"})
            String delivery) {

        static Reply of(CustomerReplies.Sent r) {
            return new Reply(
                    r.id(),
                    "REPLY",
                    r.sender(),
                    r.recipient(),
                    r.replyTo(),
                    r.language(),
                    r.subject(),
                    r.body(),
                    r.createdAt().toString(),
                    r.delivery());
        }
    }
}
