package app.resonance.testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy in front of the provider on 127.0.0.1 (the provider's public address is the proxy's), as a
 * network between the application and its provider: it passes everything on as it is, records what the
 * application sent to the token endpoint, and on request changes the ID token in the token endpoint's answer
 * (its claims, keeping the provider's signature: a forged token) or holds the answer back (the token grows old
 * on the way).
 */
public final class ProviderProxy implements AutoCloseable {

    private static final Set<String> HOP = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive", "te");
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicReference<UnaryOperator<String>> claimsChange = new AtomicReference<>();
    private final AtomicReference<Duration> tokenDelay = new AtomicReference<>(Duration.ZERO);
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();

    /** What the application sent to the token endpoint: its form and its Authorization header. */
    public record TokenRequest(Map<String, String> form, String authorization) {}

    public ProviderProxy(int port, String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next token answers carry an ID token whose claims (the JSON text) this changes; null: as they are. */
    public void changeIdTokenClaims(UnaryOperator<String> change) {
        claimsChange.set(change);
    }

    /** The next token answers wait this long before they leave. */
    public void delayTokenAnswers(Duration delay) {
        tokenDelay.set(delay);
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            boolean token =
                    path.endsWith("/protocol/openid-connect/token") && "POST".equals(exchange.getRequestMethod());
            if (token) {
                tokenRequests.add(new TokenRequest(
                        form(new String(body, StandardCharsets.UTF_8)),
                        exchange.getRequestHeaders().getFirst("Authorization")));
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(target + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] answer = response.body();
            if (token && response.statusCode() == 200) {
                answer = tamper(new String(answer, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                sleep(tokenDelay.get());
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** The token answer with the ID token's claims changed (header and signature as the provider made them). */
    private String tamper(String json) {
        UnaryOperator<String> change = claimsChange.get();
        Matcher matcher = ID_TOKEN.matcher(json);
        if (change == null || !matcher.find()) {
            return json;
        }
        String[] parts = matcher.group(1).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(change.apply(claims).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        return json.substring(0, matcher.start(1)) + forged + json.substring(matcher.end(1));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A fixed pause on purpose: the answer is held back so that the token in it expires on the way. */
    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
