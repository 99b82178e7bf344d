package app.resonance.notifications.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Slack and Microsoft Teams accept, as their documentation states it (there is no internet here to ask them):
 * the errors a receiver in a test answers with 400, as the services do. Slack Block Kit for incoming webhooks: at
 * most 50 blocks; a header's plain_text at most 150 characters; a section's text at most 3000, its fields at most
 * 10 of at most 2000 each, text or fields required; a context's elements 1 to 10; text objects {@code plain_text}
 * or {@code mrkdwn} with non-empty text, {@code emoji} only on plain_text; the {@code text} fallback a string. Teams
 * workflow webhooks: {@code type} message, the first attachment an Adaptive Card ({@code contentType}
 * application/vnd.microsoft.card.adaptive) of type AdaptiveCard, version 1.0 to 1.5, a body of known elements
 * (TextBlock with text, RichTextBlock with TextRuns, FactSet, Container), Action.OpenUrl with a title and an absolute
 * URL; the whole message at most 28 KB.
 */
public final class ChatFormats {

    private static final Set<String> SLACK_BLOCKS = Set.of("header", "section", "context", "divider", "actions");
    private static final Set<String> CARD_VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");
    /** A mrkdwn link or mention: Slack reads every {@code <...>} as one. */
    private static final Pattern ANGLE = Pattern.compile("<([^>]*)>");

    private ChatFormats() {}

    /** Why Slack would refuse the message; empty when it takes it. */
    public static List<String> slackErrors(JsonObject message) {
        List<String> errors = new ArrayList<>();
        if (!(message.get("text") instanceof jakarta.json.JsonString text)
                || text.getString().isBlank()) {
            errors.add("text: a non-empty fallback string is required");
        }
        if (!(message.get("blocks") instanceof JsonArray blocks)) {
            errors.add("blocks: an array is required");
            return errors;
        }
        if (blocks.isEmpty() || blocks.size() > 50) {
            errors.add("blocks: 1 to 50");
        }
        for (int i = 0; i < blocks.size(); i++) {
            String at = "blocks[" + i + "]";
            if (!(blocks.get(i) instanceof JsonObject block) || !SLACK_BLOCKS.contains(block.getString("type", ""))) {
                errors.add(at + ": unknown block type");
                continue;
            }
            switch (block.getString("type")) {
                case "header" -> text(block.get("text"), at + ".text", 150, true, errors);
                case "section" -> {
                    if (!block.containsKey("text") && !block.containsKey("fields")) {
                        errors.add(at + ": text or fields required");
                    }
                    if (block.containsKey("text")) {
                        text(block.get("text"), at + ".text", 3000, false, errors);
                    }
                    if (block.containsKey("fields")) {
                        JsonArray fields = block.getJsonArray("fields");
                        if (fields.isEmpty() || fields.size() > 10) {
                            errors.add(at + ".fields: 1 to 10");
                        }
                        for (int f = 0; f < fields.size(); f++) {
                            text(fields.get(f), at + ".fields[" + f + "]", 2000, false, errors);
                        }
                    }
                }
                case "context" -> {
                    JsonArray elements = block.getJsonArray("elements");
                    if (elements == null || elements.isEmpty() || elements.size() > 10) {
                        errors.add(at + ".elements: 1 to 10");
                    } else {
                        for (int e = 0; e < elements.size(); e++) {
                            text(elements.get(e), at + ".elements[" + e + "]", 3000, false, errors);
                        }
                    }
                }
                default -> {}
            }
        }
        return errors;
    }

    private static void text(JsonValue value, String at, int max, boolean plainOnly, List<String> errors) {
        if (!(value instanceof JsonObject text)) {
            errors.add(at + ": a text object is required");
            return;
        }
        String type = text.getString("type", "");
        if (!type.equals("plain_text") && (plainOnly || !type.equals("mrkdwn"))) {
            errors.add(at + ".type: " + (plainOnly ? "plain_text" : "plain_text or mrkdwn") + " required");
        }
        if (!(text.get("text") instanceof jakarta.json.JsonString s)
                || s.getString().isEmpty()) {
            errors.add(at + ".text: non-empty text required");
        } else if (s.getString().length() > max) {
            errors.add(at + ".text: at most " + max + " characters, not "
                    + s.getString().length());
        }
        if (text.containsKey("emoji") && !type.equals("plain_text")) {
            errors.add(at + ".emoji: only on plain_text");
        }
        for (String key : text.keySet()) {
            if (!Set.of("type", "text", "emoji", "verbatim").contains(key)) {
                errors.add(at + "." + key + ": not a text object field");
            }
        }
    }

    /**
     * The markup Slack would act on in the message's mrkdwn texts other than our own links: a mention ({@code
     * <!channel>}, {@code <@U1>}), an HTML-like tag or a link that is not the task's. Empty when a comment or name
     * cannot have injected anything.
     */
    public static List<String> slackInjections(JsonObject message, String taskLink) {
        List<String> found = new ArrayList<>();
        List<String> mrkdwn = new ArrayList<>();
        mrkdwn.add(message.getString("text", ""));
        collect(message.get("blocks"), mrkdwn);
        for (String text : mrkdwn) {
            var m = ANGLE.matcher(text);
            while (m.find()) {
                if (!m.group(1).startsWith(taskLink.replace("&", "&amp;") + "|")) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    private static void collect(JsonValue value, List<String> mrkdwn) {
        if (value instanceof JsonObject o) {
            if ("mrkdwn".equals(o.getString("type", "")) && o.get("text") instanceof jakarta.json.JsonString s) {
                mrkdwn.add(s.getString());
            }
            o.values().forEach(v -> collect(v, mrkdwn));
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> collect(v, mrkdwn));
        }
    }

    /** Why a Teams workflow webhook would refuse the message; empty when it takes it. */
    public static List<String> teamsErrors(String body, JsonObject message) {
        List<String> errors = new ArrayList<>();
        if (body.getBytes(StandardCharsets.UTF_8).length > 28 * 1024) {
            errors.add("the message is larger than 28 KB");
        }
        if (!"message".equals(message.getString("type", ""))) {
            errors.add("type: message required");
        }
        if (!(message.get("attachments") instanceof JsonArray attachments)
                || attachments.isEmpty()
                || !(attachments.get(0) instanceof JsonObject attachment)) {
            errors.add("attachments: one attachment required");
            return errors;
        }
        if (!"application/vnd.microsoft.card.adaptive".equals(attachment.getString("contentType", ""))) {
            errors.add("attachments[0].contentType: application/vnd.microsoft.card.adaptive required");
        }
        if (!(attachment.get("content") instanceof JsonObject card)) {
            errors.add("attachments[0].content: the card required");
            return errors;
        }
        if (!"AdaptiveCard".equals(card.getString("type", ""))) {
            errors.add("content.type: AdaptiveCard required");
        }
        if (!CARD_VERSIONS.contains(card.getString("version", ""))) {
            errors.add("content.version: 1.0 to 1.5 required");
        }
        if (!(card.get("body") instanceof JsonArray body2)) {
            errors.add("content.body: an array required");
        } else {
            for (int i = 0; i < body2.size(); i++) {
                element(body2.get(i), "content.body[" + i + "]", errors);
            }
        }
        if (card.get("actions") instanceof JsonArray actions) {
            for (int i = 0; i < actions.size(); i++) {
                JsonObject action = actions.getJsonObject(i);
                if (!"Action.OpenUrl".equals(action.getString("type", ""))
                        || action.getString("title", "").isBlank()) {
                    errors.add("content.actions[" + i + "]: Action.OpenUrl with a title required");
                }
                try {
                    URI url = URI.create(action.getString("url", ""));
                    if (!url.isAbsolute() || !Set.of("http", "https").contains(url.getScheme())) {
                        errors.add("content.actions[" + i + "].url: an absolute http(s) URL required");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add("content.actions[" + i + "].url: not a URL");
                }
            }
        }
        return errors;
    }

    private static void element(JsonValue value, String at, List<String> errors) {
        if (!(value instanceof JsonObject element)) {
            errors.add(at + ": an element object required");
            return;
        }
        switch (element.getString("type", "")) {
            case "TextBlock" -> {
                if (!(element.get("text") instanceof jakarta.json.JsonString)) {
                    errors.add(at + ".text: a string required");
                }
            }
            case "RichTextBlock" -> {
                if (!(element.get("inlines") instanceof JsonArray inlines) || inlines.isEmpty()) {
                    errors.add(at + ".inlines: an array required");
                } else {
                    for (JsonValue inline : inlines) {
                        if (!(inline instanceof jakarta.json.JsonString)
                                && !(inline instanceof JsonObject run
                                        && "TextRun".equals(run.getString("type", ""))
                                        && run.get("text") instanceof jakarta.json.JsonString)) {
                            errors.add(at + ".inlines: TextRun with text or strings required");
                        }
                    }
                }
            }
            case "FactSet" -> {
                if (!(element.get("facts") instanceof JsonArray)) {
                    errors.add(at + ".facts: an array required");
                }
            }
            case "Container" -> {
                if (element.get("items") instanceof JsonArray items) {
                    for (int i = 0; i < items.size(); i++) {
                        element(items.get(i), at + ".items[" + i + "]", errors);
                    }
                } else {
                    errors.add(at + ".items: an array required");
                }
            }
            default -> errors.add(at + ".type: not an element Teams shows");
        }
    }
}
