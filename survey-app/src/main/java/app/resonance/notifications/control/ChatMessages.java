package app.resonance.notifications.control;

import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.stream.Collectors;

/**
 * An alert notice as Slack, Microsoft Teams and e-mail take it, in a destination's language.
 *
 * <p>Slack: an incoming-webhook message with Block Kit {@code blocks} (a header, the facts and the comment as
 * sections, the survey and task in a context) and a {@code text} fallback for notifications. What a respondent or
 * customer wrote is only ever in {@code plain_text} objects, which Slack shows as written (no mentions, links or
 * formatting); the fallback and the link are mrkdwn, with {@code &}, {@code <} and {@code >} escaped as Slack
 * asks. Slack refuses a header over {@value #SLACK_HEADER} characters and a section or field text over
 * {@value #SLACK_SECTION} and {@value #SLACK_FIELD}: longer texts are cut with an ellipsis.
 *
 * <p>Teams: a workflow-webhook message whose one attachment is an Adaptive Card (schema 1.4); the respondent's
 * words are {@code TextRun}s of a {@code RichTextBlock}, which Teams does not read as Markdown; the task is an
 * {@code Action.OpenUrl}.
 */
public final class ChatMessages {

    public static final int SLACK_HEADER = 150;
    public static final int SLACK_SECTION = 3000;
    public static final int SLACK_FIELD = 2000;
    /** Slack cuts longer fallback texts; ours stay well below. */
    public static final int SLACK_TEXT = 4000;
    /** A comment in a card: long enough to read, short of the 28 KB a Teams webhook message may have. */
    public static final int TEAMS_COMMENT = 3000;

    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    public static final String CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String CARD_VERSION = "1.4";

    private ChatMessages() {}

    /** A message's title: the rules that fired, or the test message's. */
    public static String title(AlertNotice notice, Messages messages) {
        if (notice.kinds().isEmpty()) {
            return messages.get("notification.testTitle");
        }
        return messages.get(
                "notification.title",
                notice.kinds().stream()
                        .map(k -> messages.get("alert." + k.name()))
                        .collect(Collectors.joining(" · ")));
    }

    static String who(AlertNotice notice, Messages messages) {
        return notice.who() == null ? messages.get("notification.anonymous") : notice.who();
    }

    static String score(AlertNotice notice) {
        if (notice.change() != null) {
            return notice.change();
        }
        return notice.score() == null ? "–" : String.valueOf(notice.score());
    }

    /** The label of who the alert is about: the customer, or the segment of a decline told without a task. */
    static String whoLabel(AlertNotice notice, Messages messages) {
        return messages.get(notice.segmentOnly() ? "notification.segment" : "notification.customer");
    }

    /** The label of the figure: the score, or a segment's change. */
    static String scoreLabel(AlertNotice notice, Messages messages) {
        return messages.get(notice.change() != null ? "notification.change" : "notification.score");
    }

    static String context(AlertNotice notice, Messages messages) {
        if (notice.segmentOnly()) {
            return messages.get("notification.segmentContext", notice.survey(), who(notice, messages));
        }
        return notice.untasked()
                ? messages.get("notification.responseContext", notice.survey(), String.valueOf(notice.responseId()))
                : messages.get("notification.context", notice.survey(), String.valueOf(notice.followUpId()));
    }

    /** The link's words: to the task, or to the response when the alerts made no task. */
    static String open(AlertNotice notice, Messages messages) {
        if (notice.segmentOnly()) {
            return messages.get("notification.openDashboard");
        }
        return messages.get(notice.untasked() ? "notification.openResponse" : "notification.open");
    }

    /** The Slack incoming-webhook message. */
    public static String slack(AlertNotice notice, Messages messages) {
        String title = title(notice, messages);
        String who = who(notice, messages);
        JsonArrayBuilder blocks = Jsonp.createArrayBuilder()
                .add(Jsonp.createObjectBuilder().add("type", "header").add("text", plain(cut(title, SLACK_HEADER))))
                .add(Jsonp.createObjectBuilder()
                        .add("type", "section")
                        .add(
                                "fields",
                                Jsonp.createArrayBuilder()
                                        .add(plain(cut(whoLabel(notice, messages) + "\n" + who, SLACK_FIELD)))
                                        .add(plain(scoreLabel(notice, messages) + "\n" + score(notice)))));
        if (notice.comment() != null) {
            blocks.add(Jsonp.createObjectBuilder()
                    .add("type", "section")
                    .add(
                            "text",
                            plain(cut(messages.get("notification.comment") + "\n" + notice.comment(), SLACK_SECTION))));
        }
        blocks.add(Jsonp.createObjectBuilder()
                        .add("type", "section")
                        .add(
                                "text",
                                Jsonp.createObjectBuilder()
                                        .add("type", "mrkdwn")
                                        .add(
                                                "text",
                                                "<" + escape(notice.link()) + "|" + escape(open(notice, messages))
                                                        + ">")))
                .add(Jsonp.createObjectBuilder()
                        .add("type", "context")
                        .add(
                                "elements",
                                Jsonp.createArrayBuilder().add(plain(cut(context(notice, messages), SLACK_FIELD)))));
        String fallback = escape(title + " – " + who + " – " + scoreLabel(notice, messages) + " " + score(notice));
        return Jsonp.createObjectBuilder()
                .add("text", cutEscaped(fallback, SLACK_TEXT))
                .add("blocks", blocks)
                .build()
                .toString();
    }

    /** The Teams workflow-webhook message: one Adaptive Card. */
    public static String teams(AlertNotice notice, Messages messages) {
        JsonArrayBuilder body = Jsonp.createArrayBuilder()
                .add(Jsonp.createObjectBuilder()
                        .add("type", "TextBlock")
                        .add("text", title(notice, messages))
                        .add("size", "Medium")
                        .add("weight", "Bolder")
                        .add("wrap", true))
                .add(label(whoLabel(notice, messages)))
                .add(words(who(notice, messages)))
                .add(label(scoreLabel(notice, messages)))
                .add(words(score(notice)));
        if (notice.comment() != null) {
            body.add(label(messages.get("notification.comment"))).add(words(cut(notice.comment(), TEAMS_COMMENT)));
        }
        body.add(Jsonp.createObjectBuilder()
                .add("type", "TextBlock")
                .add("text", context(notice, messages))
                .add("isSubtle", true)
                .add("size", "Small")
                .add("wrap", true));
        JsonObject card = Jsonp.createObjectBuilder()
                .add("$schema", CARD_SCHEMA)
                .add("type", "AdaptiveCard")
                .add("version", CARD_VERSION)
                .add("body", body)
                .add(
                        "actions",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("type", "Action.OpenUrl")
                                        .add("title", open(notice, messages))
                                        .add("url", notice.link())))
                .build();
        return Jsonp.createObjectBuilder()
                .add("type", "message")
                .add(
                        "attachments",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("contentType", ADAPTIVE_CARD)
                                        .addNull("contentUrl")
                                        .add("content", card)))
                .build()
                .toString();
    }

    /** An e-mail's subject and plain text. */
    public record Mail(String subject, String text) {}

    public static Mail mail(AlertNotice notice, Messages messages) {
        String title = title(notice, messages);
        String who = who(notice, messages);
        StringBuilder text = new StringBuilder()
                .append(title)
                .append("\n\n")
                .append(whoLabel(notice, messages))
                .append(": ")
                .append(who)
                .append('\n')
                .append(scoreLabel(notice, messages))
                .append(": ")
                .append(score(notice))
                .append('\n');
        if (notice.comment() != null) {
            text.append(messages.get("notification.comment"))
                    .append(":\n  ")
                    .append(notice.comment().replace("\n", "\n  "))
                    .append('\n');
        }
        text.append('\n')
                .append(context(notice, messages))
                .append('\n')
                .append(open(notice, messages))
                .append(": ")
                .append(notice.link())
                .append('\n');
        String subject =
                cut(messages.get("notification.mailSubject", title, who).replaceAll("\\R", " "), 300);
        return new Mail(subject, text.toString());
    }

    /** Slack's escaping for text it reads as mrkdwn: {@code &}, {@code <} and {@code >}, nothing else. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters (code points kept whole), the last one an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Cuts escaped text without splitting an entity such as {@code &amp;}. */
    static String cutEscaped(String escaped, int max) {
        String cut = cut(escaped, max);
        int amp = cut.lastIndexOf('&');
        if (cut.length() < escaped.length() && amp >= 0 && cut.indexOf(';', amp) < 0) {
            return cut.substring(0, amp) + "…";
        }
        return cut;
    }

    private static JsonObjectBuilder plain(String text) {
        return Jsonp.createObjectBuilder()
                .add("type", "plain_text")
                .add("text", text)
                .add("emoji", false);
    }

    private static JsonObjectBuilder label(String text) {
        return Jsonp.createObjectBuilder()
                .add("type", "TextBlock")
                .add("text", text)
                .add("weight", "Bolder")
                .add("spacing", "Medium")
                .add("wrap", true);
    }

    /** Text as written: a RichTextBlock's TextRun is not read as Markdown. */
    private static JsonObjectBuilder words(String text) {
        return Jsonp.createObjectBuilder()
                .add("type", "RichTextBlock")
                .add(
                        "inlines",
                        Jsonp.createArrayBuilder()
                                .add(Jsonp.createObjectBuilder()
                                        .add("type", "TextRun")
                                        .add("text", text)));
    }
}
