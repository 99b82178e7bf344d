package app.resonance.it;

import app.resonance.notifications.control.ChatFormats;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on the loopback standing in for Slack ({@code /slack/...}), Microsoft Teams ({@code
 * /teams/...}) and a webhook endpoint ({@code /hook}): every message is checked against the service's documented
 * format ({@link ChatFormats}) and answered 400 with the errors when the service would refuse it, else 200 (Slack
 * answers "ok"). {@code /down} answers 500 to everything.
 */
final class ChatReceiver implements AutoCloseable {

    /** One request: where it went, its body, the format errors found, its headers. */
    record Received(String path, String body, List<String> errors, Map<String, String> headers) {
        JsonObject json() {
            return Api.parse(body).asJsonObject();
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    ChatReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> errors = List.of();
            try {
                JsonObject json = Api.parse(body).asJsonObject();
                if (path.startsWith("/slack")) {
                    errors = ChatFormats.slackErrors(json);
                } else if (path.startsWith("/teams")) {
                    errors = ChatFormats.teamsErrors(body, json);
                }
            } catch (RuntimeException e) {
                errors = List.of("not a JSON object: " + e.getMessage());
            }
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(path, body, errors, headers));
            int status = path.startsWith("/down") ? 500 : errors.isEmpty() ? 200 : 400;
            byte[] answer = (errors.isEmpty() ? "ok" : String.join("\n", errors)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What arrived at paths starting with this one. */
    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().startsWith(path)).toList();
    }

    /** The webhook events of this type that arrived at {@code /hook}. */
    List<JsonObject> events(String type) {
        return at("/hook").stream()
                .map(Received::json)
                .filter(e -> type.equals(e.getString("type")))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
