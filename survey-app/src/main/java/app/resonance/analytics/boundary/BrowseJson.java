package app.resonance.analytics.boundary;

import app.resonance.analytics.control.ResponseBrowser;
import app.resonance.analytics.control.ResponseDetails;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The response browser as the admin API answers it (records bound by JSON-B). An anonymous survey's responses
 * name no customer, no segments and no earlier responses.
 */
final class BrowseJson {

    static final String RESPONSES = "/api/v1/admin/surveys/%s/responses/%d";

    private BrowseJson() {}

    @Schema(
            name = "ResponseBrowserPage",
            description = "A page of responses, newest first; 'next' is the cursor of the following page (absent on"
                    + " the last)")
    @JsonbPropertyOrder({"responses", "next"})
    public record Page(List<Item> responses, String next) {

        static Page of(String slug, ResponseBrowser.Page page) {
            return new Page(
                    page.rows().stream().map(r -> Item.of(slug, r)).toList(),
                    page.next() == null ? null : page.next().encode());
        }
    }

    @Schema(
            name = "ResponseBrowserItem",
            description = "One response: when, which version, status, channel and language, the customer, the"
                    + " score of the survey's metric question, the first comment and the topics of its comments")
    @JsonbPropertyOrder({
        "id",
        "href",
        "submittedAt",
        "version",
        "status",
        "channel",
        "locale",
        "customer",
        "scoreQuestion",
        "score",
        "comment",
        "topics"
    })
    public record Item(
            long id,
            String href,
            String submittedAt,
            int version,
            String status,
            String channel,
            String locale,
            @JsonbNillable String customer,
            @JsonbNillable String scoreQuestion,
            @JsonbNillable Integer score,
            @JsonbNillable String comment,
            List<String> topics) {

        static Item of(String slug, ResponseBrowser.Row r) {
            return new Item(
                    r.id(),
                    RESPONSES.formatted(slug, r.id()),
                    r.submittedAt().toString(),
                    r.version(),
                    r.status(),
                    r.channel(),
                    r.locale(),
                    r.customer(),
                    r.scoreQuestion(),
                    r.score(),
                    r.comment(),
                    r.topics());
        }
    }

    @Schema(
            name = "ResponseBrowserDetail",
            description = "A whole response: every answer in question order with the question's text in the"
                    + " request's language, the hidden fields, the customer and segments, the follow-up task and"
                    + " the customer's earlier responses (newest first, at most 20)")
    @JsonbPropertyOrder({
        "id",
        "survey",
        "anonymous",
        "version",
        "status",
        "channel",
        "locale",
        "submittedAt",
        "customer",
        "segments",
        "hiddenFields",
        "eventAttributes",
        "answers",
        "followUp",
        "earlier"
    })
    public record Detail(
            long id,
            String survey,
            boolean anonymous,
            int version,
            String status,
            String channel,
            String locale,
            String submittedAt,
            @JsonbNillable String customer,
            List<String> segments,
            Map<String, String> hiddenFields,

            @Schema(description = "The attributes of the event whose invitation the response answers")
            Map<String, String> eventAttributes,

            List<Answer> answers,
            @JsonbNillable Task followUp,
            List<Earlier> earlier) {

        static Detail of(ResponseDetails.Detail d) {
            return new Detail(
                    d.id(),
                    d.survey(),
                    d.anonymous(),
                    d.version(),
                    d.status(),
                    d.channel(),
                    d.locale(),
                    d.submittedAt().toString(),
                    d.customer(),
                    d.segments(),
                    d.hiddenFields(),
                    d.eventAttributes(),
                    d.answers().stream()
                            .map(a -> new Answer(a.question(), a.type(), a.text(), a.score(), a.values()))
                            .toList(),
                    d.followUp() == null
                            ? null
                            : new Task(
                                    d.followUp().id(),
                                    d.followUp().status(),
                                    d.followUp().due().toString(),
                                    "/api/v1/admin/followups/" + d.followUp().id()),
                    d.earlier().stream()
                            .map(e -> new Earlier(
                                    e.id(),
                                    e.survey(),
                                    e.submittedAt().toString(),
                                    RESPONSES.formatted(e.survey(), e.id())))
                            .toList());
        }
    }

    @Schema(
            name = "ResponseBrowserAnswer",
            description = "An answered question: key, type, text; the score of a scale; what was answered as shown"
                    + " (option labels, 'row: column' for a matrix, the text)")
    @JsonbPropertyOrder({"question", "type", "text", "score", "values"})
    public record Answer(
            String question,
            String type,
            String text,
            @JsonbNillable Integer score,
            List<String> values) {}

    @Schema(name = "ResponseBrowserTask", description = "The follow-up task the response raised")
    @JsonbPropertyOrder({"id", "status", "due", "href"})
    public record Task(long id, String status, String due, String href) {}

    @Schema(name = "ResponseBrowserEarlier", description = "An earlier response of the same customer")
    @JsonbPropertyOrder({"id", "survey", "submittedAt", "href"})
    public record Earlier(long id, String survey, String submittedAt, String href) {}
}
