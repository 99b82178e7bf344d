package app.resonance.demo.boundary;

import app.resonance.platform.control.Jsonp;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo only ({@code resonance.demo.enabled}): stands in for Slack and Microsoft Teams. A POST to {@code
 * /demo/chat/slack/...} or {@code /demo/chat/teams/...} from this machine is recorded (the newest 50, in memory, this
 * instance only) and answered "ok"; {@code GET /demo/chat} lists them, newest first, each with the texts a channel
 * would show and the JSON as received, everything escaped.
 */
@WebServlet(urlPatterns = {"/demo/chat", "/demo/chat/*"})
public class DemoChatServlet extends HttpServlet {

    static final int KEPT = 50;
    private static final Deque<Received> RECEIVED = new ConcurrentLinkedDeque<>();

    /** One message as it arrived. */
    record Received(Instant at, String channel, String body) {}

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String channel = path.startsWith("/slack") ? "Slack" : path.startsWith("/teams") ? "Teams" : null;
        if (!enabled
                || channel == null
                || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(404);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(100_000);
        RECEIVED.addFirst(new Received(Instant.now(), channel, new String(body, StandardCharsets.UTF_8)));
        while (RECEIVED.size() > KEPT) {
            RECEIVED.pollLast();
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        String lang = "de".equals(request.getParameter("lang")) ? "de" : "en";
        Messages messages = Messages.of(Locale.forLanguageTag(lang));
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(lang)
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(Templates.escape(messages.get("demoChat.title")))
                .append("</title></head><body><main><h1>")
                .append(Templates.escape(messages.get("demoChat.title")))
                .append("</h1><p>")
                .append(Templates.escape(messages.get("demoChat.text")))
                .append("</p>");
        if (RECEIVED.isEmpty()) {
            page.append("<p>")
                    .append(Templates.escape(messages.get("demoChat.none")))
                    .append("</p>");
        }
        for (Received r : RECEIVED) {
            page.append("<article><h2>")
                    .append(Templates.escape(r.channel() + " · " + r.at()))
                    .append("</h2>");
            for (String line : texts(r.body())) {
                page.append("<p>").append(Templates.escape(line)).append("</p>");
            }
            page.append("<details><summary>JSON</summary><pre>")
                    .append(Templates.escape(r.body()))
                    .append("</pre></details></article>");
        }
        page.append("</main></body></html>");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page.toString());
    }

    /** The texts of a Slack or Teams message in order (every "text" string, the link targets too). */
    static List<String> texts(String body) {
        List<String> texts = new ArrayList<>();
        try (var reader = Jsonp.createReader(new StringReader(body))) {
            JsonObject message = reader.readObject();
            JsonValue content = message.containsKey("blocks")
                    ? message.get("blocks")
                    : message.getJsonArray("attachments").getJsonObject(0).get("content");
            collect(content, texts);
        } catch (RuntimeException e) {
            texts.add(body);
        }
        return texts;
    }

    private static void collect(JsonValue value, List<String> texts) {
        if (value instanceof JsonObject o) {
            for (String key : List.of("text", "title", "url")) {
                if (o.get(key) instanceof jakarta.json.JsonString s) {
                    texts.add(s.getString());
                }
            }
            o.forEach((key, child) -> {
                if (child.getValueType() == JsonValue.ValueType.OBJECT
                        || child.getValueType() == JsonValue.ValueType.ARRAY) {
                    collect(child, texts);
                }
            });
        } else if (value instanceof jakarta.json.JsonArray a) {
            a.forEach(v -> collect(v, texts));
        }
    }
}
