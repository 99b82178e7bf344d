package app.resonance.testapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Clients that submit to one survey as fast as the app answers, each submission with its own
 * Idempotency-Key, and remember every answer and which keys were acknowledged: the load of the fault and
 * the cluster suites.
 */
public final class SubmittingClients {

    /** One answer a client saw: status -1 when nothing answered (refused or reset), 0 on a time-out. */
    public record Attempt(
            String key,
            Instant sent,
            Duration latency,
            int status,
            String retryAfter,
            String contentType,
            String instance,
            String location) {}

    /** The body sent for each key, the same on every retry. */
    public final Map<String, String> bodies = new ConcurrentHashMap<>();

    public final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    public final Map<String, String> locations = new ConcurrentHashMap<>();
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    private final HttpClient http;
    private final Function<String, URI> uri;
    private final String slug;
    private final String name;
    private final Duration timeout;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param uri the address of a path on the app (or on the proxy in front of it)
     * @param name names the keys and the client threads
     */
    public SubmittingClients(HttpClient http, Function<String, URI> uri, String slug, String name, Duration timeout) {
        this.http = http;
        this.uri = uri;
        this.slug = slug;
        this.name = name;
        this.timeout = timeout;
    }

    /**
     * Creates and publishes a survey of one CSAT question through the admin API, for a load of its own.
     *
     * @return its slug: the prefix and a random part
     */
    public static String publishCsatSurvey(
            HttpClient http, Function<String, URI> uri, String adminPassword, String prefix) throws Exception {
        String slug = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String definition = """
                {"slug": "%s", "kind": "CSAT", "title": {"de": "Lastprobe", "en": "Load probe"},
                 "questions": [{"id": "csat", "type": "CSAT", "text": {"de": "Wie zufrieden?", "en": "How satisfied?"}}]}
                """.formatted(slug);
        String auth = java.util.Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (var step : List.of(
                Map.entry("/api/v1/admin/surveys", definition),
                Map.entry("/api/v1/admin/surveys/" + slug + "/publish", ""))) {
            var r = http.send(
                    HttpRequest.newBuilder(uri.apply(step.getKey()))
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(step.getValue()))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(step.getValue().isEmpty() ? 200 : 201, r.statusCode(), step.getKey() + ": " + r.body());
        }
        return slug;
    }

    /** A CSAT answer, as a respondent's client would send it. */
    public static String body() {
        return "{\"answers\": {\"csat\": " + ThreadLocalRandom.current().nextInt(1, 6) + "}, \"locale\": \"en\"}";
    }

    public String newKey() {
        return name + "-" + UUID.randomUUID();
    }

    /** Clients that submit as fast as the app answers them. */
    public void start(int clients) {
        start(clients, Duration.ZERO);
    }

    /**
     * Clients that each wait {@code pause} after every answer: a steady load at a rate the app can serve, where
     * the test is about what happens around it (a restart) rather than about the app's limit.
     */
    public void start(int clients, Duration pause) {
        running.set(true);
        for (int i = 0; i < clients; i++) {
            var t = new Thread(
                    () -> {
                        while (running.get()) {
                            Attempt a = send(newKey());
                            attempts.add(a);
                            if (a.status() != 201) {
                                BundleProcess.sleep(100);
                            } else if (!pause.isZero()) {
                                BundleProcess.sleep(pause.toMillis());
                            }
                        }
                    },
                    name + "-client-" + i);
            threads.add(t);
            t.start();
        }
    }

    public void stop() throws InterruptedException {
        running.set(false);
        for (var t : threads) {
            t.join(30_000);
        }
    }

    public List<Attempt> attemptsSince(Instant from) {
        return attempts.stream().filter(a -> !a.sent().isBefore(from)).toList();
    }

    /** Sends the key's submission (the same body every time); a 2xx counts as acknowledged. */
    public Attempt send(String key) {
        String body = bodies.computeIfAbsent(key, k -> body());
        Instant sent = Instant.now();
        long started = System.nanoTime();
        Attempt attempt;
        try {
            var r = http.send(
                    HttpRequest.newBuilder(uri.apply("/api/v1/surveys/" + slug + "/responses"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(timeout)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            attempt = new Attempt(
                    key,
                    sent,
                    Duration.ofNanos(System.nanoTime() - started),
                    r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(""),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("X-Resonance-Instance").orElse(""),
                    r.headers().firstValue("Location").orElse(null));
        } catch (java.net.http.HttpTimeoutException e) {
            attempt = new Attempt(key, sent, Duration.ofNanos(System.nanoTime() - started), 0, "", "", "", null);
        } catch (Exception e) {
            attempt = new Attempt(key, sent, Duration.ofNanos(System.nanoTime() - started), -1, "", "", "", null);
        }
        if (attempt.status() >= 200 && attempt.status() < 300) {
            assertNotNull(attempt.location(), "a 201 names its response");
            String earlier = locations.putIfAbsent(key, attempt.location());
            if (earlier != null) {
                assertEquals(earlier, attempt.location(), "the same key names the same response");
            }
            acknowledged.add(key);
        }
        return attempt;
    }

    /** What a client does after a failure: the same submission again with the same key. */
    public void retryUnacknowledged() {
        for (String key : bodies.keySet()) {
            if (!acknowledged.contains(key)) {
                Attempt a = send(key);
                assertEquals(201, a.status(), "retry of unacknowledged " + key + ": " + a);
            }
        }
    }
}
