package app.resonance.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.resonance.testapp.SubmittingClients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into the running bundle on PostgreSQL: a database restart and a SIGKILL of the app,
 * each under a stream of submissions from several clients with an Idempotency-Key per submission.
 * Every answer the clients saw is compared with what the database holds afterwards.
 */
class FaultInjectionIT {

    static final int CLIENTS = 4;
    static final Duration FAST_503 = Duration.ofSeconds(2);

    static PrivatePostgres postgres;
    static RunningApp app;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        if (!PrivatePostgres.available()) {
            String why =
                    "PostgreSQL 15 binaries missing in " + PrivatePostgres.BIN + " (apt-get install postgresql-15)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path bundle = Path.of(System.getProperty("faults.bundle", "target/resonance.jar"));
        assertTrue(Files.isRegularFile(bundle), "the bundle " + bundle + " is built in the package phase");
        Path dir = Path.of(System.getProperty("faults.dir", "target/faults")).toAbsolutePath();
        postgres = PrivatePostgres.create(dir.resolve("postgres"));
        postgres.start();
        postgres.createDatabase("faults");
        // HTTP/1.1, as browsers and load balancers speak to the instance: Java's default asks for h2c, which Payara
        // grants, and then every client's requests share one HTTP/2 connection, which Grizzly closes after a 503
        // (resetting the requests beside it unanswered, a status -1 here)
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(16))
                .build();
        app = new RunningApp(bundle, dir.resolve("app"), postgres.url("faults"));
        app.start(http);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stopQuietly();
        }
        if (postgres != null) {
            postgres.stopQuietly();
        }
    }

    @Test
    void postgresRestartUnderLoadGivesFast503sThenRecoversAndKeepsEveryAcknowledgedResponse() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "restart");
        var load = new SubmittingClients(http, app::uri, slug, "fault", Duration.ofSeconds(10));
        load.start(CLIENTS);
        awaitUntil(Duration.ofSeconds(30), () -> load.acknowledged.size() >= 20, "20 acknowledged submissions");

        postgres.stopFast();
        Instant down = Instant.now();
        awaitUntil(
                Duration.ofSeconds(10),
                () -> app.readyStatus(http) == 503,
                "/health/ready answering 503 while PostgreSQL is down");
        int acknowledgedBefore = load.acknowledged.size();
        // the outage itself: the clients keep submitting for four seconds against a database that is down
        PrivatePostgres.sleep(Duration.ofSeconds(4));
        List<SubmittingClients.Attempt> duringOutage = load.attemptsSince(down.plusSeconds(1));
        postgres.start();
        app.awaitReady(http, Duration.ofSeconds(30));
        int acknowledgedAtRecovery = load.acknowledged.size();
        awaitUntil(
                Duration.ofSeconds(30),
                () -> load.acknowledged.size() >= acknowledgedAtRecovery + 20,
                "20 more acknowledged submissions after PostgreSQL is back");
        load.stop();

        assertFalse(duringOutage.isEmpty(), "clients kept submitting during the outage");
        for (SubmittingClients.Attempt a : duringOutage) {
            if (a.status() == 201) {
                continue; // sent just before the stop and acknowledged: checked below like every other
            }
            assertEquals(503, a.status(), () -> "during the outage: " + a + "\n" + app.unexpectedFailures());
            assertTrue(a.latency().compareTo(FAST_503) < 0, "a 503 within " + FAST_503 + ": " + a);
            assertEquals("5", a.retryAfter(), "Retry-After of " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), "problem+json: " + a);
        }
        assertTrue(duringOutage.stream().filter(a -> a.status() == 503).count() >= CLIENTS, "503s were answered");
        assertTrue(acknowledgedBefore >= 20);
        for (SubmittingClients.Attempt a : load.attempts) {
            assertTrue(
                    a.status() == 201 || a.status() == 503,
                    () -> "only 201 or 503, never 500 or a timeout: " + a + "\n" + app.unexpectedFailures());
        }

        load.retryUnacknowledged();
        assertStoredExactlyOnce(slug, load);
    }

    @Test
    void sigkillUnderLoadLosesNoAcknowledgedResponseAndRetriesCreateNoDuplicates() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "kill");
        var load = new SubmittingClients(http, app::uri, slug, "fault", Duration.ofSeconds(10));
        load.start(CLIENTS);
        awaitUntil(Duration.ofSeconds(30), () -> load.acknowledged.size() >= 30, "30 acknowledged submissions");
        app.kill();
        // the clients keep sending for a moment into the killed process (refused, unanswered) before they stop
        PrivatePostgres.sleep(Duration.ofMillis(500));
        load.stop();
        Map<String, String> locationsBeforeKill = new HashMap<>(load.locations);

        app.start(http);
        // Every acknowledged response survived the kill, before anybody retries. Some not acknowledged may be
        // stored too (committed, but the answer died with the process): their retry must find them.
        Set<String> storedAfterKill = storedKeys(slug);
        assertTrue(
                storedAfterKill.containsAll(locationsBeforeKill.keySet()),
                "acknowledged before the kill but lost: " + difference(locationsBeforeKill.keySet(), storedAfterKill));

        // Retrying an acknowledged key replays its first answer; retrying the others stores them once.
        for (String key : locationsBeforeKill.keySet()) {
            var r = load.send(key);
            assertEquals(201, r.status(), "replay of " + key);
            assertEquals(locationsBeforeKill.get(key), r.location(), "replayed Location of " + key);
        }
        load.retryUnacknowledged();

        // Concurrent retries of one key: one response, the same Location for everybody.
        List<String> keys = new ArrayList<>(List.of(
                newKey(),
                newKey(),
                newKey(),
                locationsBeforeKill.keySet().iterator().next()));
        for (String key : keys) {
            load.bodies.putIfAbsent(key, body());
            var start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<SubmittingClients.Attempt>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return load.send(key);
                }));
            }
            start.countDown();
            Set<String> locations = new HashSet<>();
            for (var f : answers) {
                SubmittingClients.Attempt a = f.get(60, TimeUnit.SECONDS);
                assertEquals(201, a.status(), "concurrent retry " + a);
                locations.add(a.location());
            }
            pool.shutdown();
            assertEquals(1, locations.size(), "one response for concurrent retries of " + key + ": " + locations);
        }
        assertStoredExactlyOnce(slug, load);
    }

    /** One answer of the admin API a reader saw. */
    record AdminAnswer(Duration latency, int status, String retryAfter, String contentType, String frameOptions) {}

    /** An admin GET with a Bearer token: the token lookup in the authentication mechanism needs the database. */
    static AdminAnswer adminGet(String path, String token) {
        long started = System.nanoTime();
        try {
            var r = http.send(
                    HttpRequest.newBuilder(app.uri(path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(15))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new AdminAnswer(
                    Duration.ofNanos(System.nanoTime() - started),
                    r.statusCode(),
                    r.headers().firstValue("Retry-After").orElse(""),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("X-Frame-Options").orElse(""));
        } catch (java.net.http.HttpTimeoutException e) {
            return new AdminAnswer(Duration.ofNanos(System.nanoTime() - started), 0, "", "", "");
        } catch (Exception e) {
            return new AdminAnswer(Duration.ofNanos(System.nanoTime() - started), -1, "", "", "");
        }
    }

    static String adminToken() throws Exception {
        String auth = java.util.Base64.getEncoder()
                .encodeToString(
                        ("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var r = http.send(
                HttpRequest.newBuilder(app.uri("/api/v1/admin/tokens"))
                        .header("Authorization", "Basic " + auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"faults\", \"scopes\": [\"read:analytics\","
                                        + " \"read:responses\", \"write:responses\", \"write:surveys\", \"admin\"]}"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        var matcher = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(r.body());
        assertTrue(matcher.find(), r.body());
        return matcher.group(1);
    }

    /** A 503 as a client needs it: problem+json, Retry-After, and (admin API) the app's security headers. */
    static void assertUnavailable(AdminAnswer a) {
        assertEquals(503, a.status(), () -> "admin API: " + a + "\n" + app.unexpectedFailures());
        assertEquals("5", a.retryAfter(), "Retry-After of " + a);
        assertTrue(a.contentType().startsWith("application/problem+json"), "problem+json: " + a);
        assertEquals("DENY", a.frameOptions(), "the app's security headers, not the container's: " + a);
    }

    /**
     * Finding 5 of the hostile review: backends terminated (pg_terminate_backend) under a load of public
     * submissions and admin reads. Every answer is a success or a 503 with Retry-After, never a 500; every
     * acknowledged response is stored once.
     */
    @Test
    void terminatedBackendsUnderLoadNeverGiveA500OnThePublicOrTheAdminApi() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "terminate");
        String token = adminToken();
        var load = new SubmittingClients(http, app::uri, slug, "terminate", Duration.ofSeconds(15));
        List<AdminAnswer> adminAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
        var reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            readers.submit(() -> {
                while (reading.get()) {
                    adminAnswers.add(adminGet("/api/v1/admin/surveys/" + slug, token));
                }
            });
        }
        load.start(CLIENTS);
        awaitUntil(Duration.ofSeconds(30), () -> load.acknowledged.size() >= 20, "20 acknowledged submissions");
        int terminated = 0;
        for (int round = 0; round < 8; round++) {
            terminated += postgres.terminateBackends("resonance");
            // pacing: eight terminations spread over about three seconds of load, not a wait for a condition
            PrivatePostgres.sleep(Duration.ofMillis(400));
        }
        int acknowledgedAfter = load.acknowledged.size();
        awaitUntil(
                Duration.ofSeconds(30),
                () -> load.acknowledged.size() >= acknowledgedAfter + 20,
                "20 more acknowledged submissions after the terminations");
        load.stop();
        reading.set(false);
        readers.shutdown();
        assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(terminated >= 8, "backends were terminated: " + terminated);
        for (SubmittingClients.Attempt a : load.attempts) {
            assertTrue(
                    a.status() == 201 || a.status() == 503,
                    () -> "only 201 or 503, never 500 or a timeout: " + a + "\n" + app.unexpectedFailures());
            if (a.status() == 503) {
                assertEquals("5", a.retryAfter(), "Retry-After of " + a);
                assertTrue(a.contentType().startsWith("application/problem+json"), "problem+json: " + a);
            }
        }
        assertFalse(adminAnswers.isEmpty());
        for (AdminAnswer a : adminAnswers) {
            if (a.status() != 200) {
                assertUnavailable(a);
            }
        }
        load.retryUnacknowledged();
        assertStoredExactlyOnce(slug, load);
    }

    /**
     * Finding 4: a lock on the response table held for longer than any client waits. A submission and an admin
     * read give up after the lock timeout (4 s) with 503 and Retry-After; readiness keeps answering; nothing
     * is stored twice, and the retry after the lock is gone stores the submission.
     */
    @Test
    void aHeldLockIsAnswered503WithRetryAfterWithinTheLockTimeoutAndReadinessKeepsAnswering() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "lock");
        String token = adminToken();
        var load = new SubmittingClients(http, app::uri, slug, "lock", Duration.ofSeconds(30));
        var first = load.send(load.newKey());
        assertEquals(201, first.status(), "before the lock: " + first);
        String responsePath = java.net.URI.create(first.location()).getPath();
        Duration bound = Duration.ofMillis(6500); // the lock timeout (4 s) and time to answer on a busy machine

        SubmittingClients.Attempt submitted;
        AdminAnswer read;
        Duration readinessTook;
        int readiness;
        try (var holder = postgres.connect("faults")) {
            holder.setAutoCommit(false);
            try (var s = holder.createStatement()) {
                s.execute("LOCK TABLE response IN ACCESS EXCLUSIVE MODE");
            }
            submitted = load.send(load.newKey());
            read = adminGet(responsePath, token);
            long started = System.nanoTime();
            readiness = app.readyStatus(http);
            readinessTook = Duration.ofNanos(System.nanoTime() - started);
            holder.rollback();
        }

        assertEquals(503, submitted.status(), "a submission during the lock: " + submitted);
        assertTrue(submitted.latency().compareTo(bound) < 0, "answered within " + bound + ": " + submitted);
        assertEquals("5", submitted.retryAfter(), "Retry-After of " + submitted);
        assertTrue(submitted.contentType().startsWith("application/problem+json"), "problem+json: " + submitted);
        assertUnavailable(read);
        assertTrue(read.latency().compareTo(bound) < 0, "admin read answered within " + bound + ": " + read);
        assertEquals(200, readiness, "readiness answers during the lock: the database can be used");
        assertTrue(readinessTook.compareTo(Duration.ofSeconds(3)) < 0, "readiness answered in " + readinessTook);

        load.retryUnacknowledged();
        assertStoredExactlyOnce(slug, load);
    }

    /**
     * Finding 6: 300 clients that declare a body of 100 bytes, send 21 and keep the connection open. Each is
     * answered 408 after the listener's read timeout (5 s) instead of holding a worker for a minute and getting
     * a 500, and meanwhile a normal submission gets its 201 and readiness its answer.
     */
    @Test
    void slowAndIncompleteBodiesGet408AndDoNotStarveOtherClients() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "slow");
        var load = new SubmittingClients(http, app::uri, slug, "slow", Duration.ofSeconds(30));
        try (var slow = SlowClients.open(app.port, "/api/v1/surveys/" + slug + "/responses", 300)) {
            var normal = load.send(load.newKey());
            long started = System.nanoTime();
            var ready = http.send(
                    HttpRequest.newBuilder(app.uri("/health/ready"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            Duration readyTook = Duration.ofNanos(System.nanoTime() - started);
            List<Integer> statuses = slow.statuses(Duration.ofSeconds(40));

            assertEquals(201, normal.status(), "a normal submission among slow clients: " + normal);
            assertTrue(normal.latency().compareTo(Duration.ofSeconds(15)) < 0, "not starved: " + normal);
            assertEquals(200, ready.statusCode(), "readiness among slow clients");
            assertTrue(readyTook.compareTo(Duration.ofSeconds(15)) < 0, "readiness answered in " + readyTook);
            Map<Integer, Long> byStatus = new java.util.TreeMap<>(statuses.stream()
                    .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting())));
            assertEquals(Map.of(408, (long) slow.count()), byStatus, "every slow client is answered 408");
        }
        assertEquals(1, responsesOf(slug), "only the complete submission is stored");
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    /**
     * The running bundle's answers to broken requests (unknown pages, wrong methods, bad view state, hostile
     * parameters): never 500, never a server name or version, a stack trace or SQL; and every answer carries
     * the security headers, the public pages' Content-Security-Policy without 'unsafe-inline', HSTS behind TLS.
     */
    @Test
    void errorAnswersOfTheBundleRevealNothingAndCarryTheSecurityHeaders() throws Exception {
        app.awaitReady(http, Duration.ofSeconds(60));
        String slug = SubmittingClients.publishCsatSurvey(http, app::uri, RunningApp.ADMIN_PASSWORD, "headers");
        record Probe(String method, String path, String contentType, String body) {}
        List<Probe> probes = List.of(
                new Probe("GET", "/no-such-page", null, null),
                new Probe("GET", "/admin/no-such-view.xhtml", null, null),
                new Probe("GET", "/admin/../WEB-INF/web.xml", null, null),
                new Probe("GET", "/s/" + slug + "%00", null, null),
                new Probe("GET", "/s/..%2F..%2Fetc%2Fpasswd", null, null),
                new Probe("DELETE", "/api/v1/surveys/" + slug + "/responses", null, null),
                new Probe("PUT", "/health/ready", "text/plain", "x"),
                new Probe(
                        "POST",
                        "/api/v1/surveys/" + slug + "/responses",
                        "application/json",
                        "{\"answers\": {\"csat\": "),
                new Probe(
                        "POST",
                        "/api/v1/surveys/" + slug + "/responses",
                        "application/json",
                        "{\"answers\": {\"csat\": \"1' OR '1'='1\"}}"),
                new Probe("GET", "/api/v1/surveys/x'%3BDROP%20TABLE%20response%3B--", null, null),
                // A forged view state changes nothing and leads back to the page (a redirect), never a 500
                new Probe(
                        "POST",
                        "/admin/login.xhtml",
                        "application/x-www-form-urlencoded",
                        "login=login&login%3Ausername=admin&login%3Apassword=x&jakarta.faces.ViewState=forged%3A1"),
                new Probe("GET", "/s/" + slug, null, null),
                new Probe("GET", "/admin/login.xhtml", null, null));
        for (Probe p : probes) {
            var request = HttpRequest.newBuilder(app.uri(p.path))
                    .header("X-Forwarded-Proto", "https")
                    .timeout(Duration.ofSeconds(20))
                    .method(
                            p.method,
                            p.body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(p.body));
            if (p.contentType != null) {
                request.header("Content-Type", p.contentType);
            }
            var r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String what = p.method + " " + p.path + " -> " + r.statusCode();
            assertTrue(r.statusCode() < 500, what + ": " + r.body());
            assertTrue(r.headers().firstValue("Server").isEmpty(), what + " names the server");
            assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), what + " names the server");
            for (String leak : List.of(
                    "Payara", "GlassFish", "Exception", "\tat ", "org.postgresql", "SQLState", "ERROR:", "Caused by")) {
                assertFalse(r.body().contains(leak), what + " reveals " + leak + ": " + r.body());
            }
            if ((p.path.contains("%00") || p.path.contains("%2F")) && r.statusCode() == 400) {
                // Grizzly refuses a NUL or an encoded slash in the path before the application sees it: no headers
                // then, but (checked above) no server name or version either.
                continue;
            }
            if (r.statusCode() >= 300 && r.statusCode() < 400) {
                // The login redirect is answered before any filter runs: the authentication mechanism sets the
                // security headers itself (checked below), and it leads to this app's login page.
                String location = r.headers().firstValue("Location").orElse("");
                assertTrue(location.contains("/admin/login"), what + " redirects to " + location);
            }
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals(
                    "strict-origin-when-cross-origin",
                    r.headers().firstValue("Referrer-Policy").orElse(""),
                    what);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), what + " CSP: " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
            assertTrue(
                    r.headers()
                            .firstValue("Strict-Transport-Security")
                            .orElse("")
                            .startsWith("max-age="),
                    what + " HSTS behind TLS");
            if (!p.path.startsWith("/admin")) {
                assertFalse(csp.contains("unsafe-inline"), what + " public CSP: " + csp);
            }
        }
        var plain = http.send(
                HttpRequest.newBuilder(app.uri("/s/" + slug)).build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        assertEquals(0, storedKeys(slug).size() + responsesOf(slug), "no probe stored a response");
    }

    /**
     * Finding 1 of the hostile review: while the bundle starts, a client polling it directly every 5 ms (readiness
     * and a public API address) never gets a 500 or one of the container's own answers. The listener opens only
     * once the application is deployed (pre-boot and post-deploy commands): until then the connection is refused,
     * afterwards every answer is the application's, with its security headers, and a 503 says when to retry.
     * Before the fix: Payara's 404 error page (X-Frame-Options: SAMEORIGIN), then empty 500s for about 1 to 45 s.
     */
    @Test
    void whileTheBundleStartsNoAnswerIsA500OrTheContainersOwn() {
        assertTrue(app.startupPolls.get() > 20, "the start-up was watched from before the app was ready");
        // What the bundle answered before it was ready, for the README's account of the start-up window.
        Map<String, Integer> seen = new java.util.TreeMap<>();
        app.startupAnswers.forEach(a -> seen.merge(a.path() + " " + a.statusCode(), 1, Integer::sum));
        System.out.println("Start-up: " + app.startupPolls.get() + " polls, answers " + seen);
        assertFalse(app.startupAnswers.isEmpty(), "the watch ended with readiness answering");
        for (var answer : app.startupAnswers) {
            String what = "start-up answer " + answer.statusCode() + " to " + answer.path();
            assertTrue(answer.statusCode() != 500, what + ": " + answer.headers() + " " + answer.body());
            assertEquals(
                    "DENY",
                    answer.header("X-Frame-Options").orElse(""),
                    what + ": the app's headers " + answer.headers());
            assertTrue(answer.header("Content-Security-Policy").isPresent(), what + " has the app's CSP");
            if (answer.statusCode() == 503) {
                assertTrue(answer.header("Retry-After").isPresent(), what + " says when to retry");
            }
            assertTrue(answer.header("Server").isEmpty(), what + " names the server: " + answer.headers());
            assertTrue(answer.header("X-Powered-By").isEmpty(), what + " names the server");
            for (String leak : List.of("Payara", "Exception", "\tat ", "Caused by", "org.postgresql")) {
                assertFalse(answer.body().contains(leak), what + " reveals " + leak + ": " + answer.body());
            }
        }
    }

    int responsesOf(String slug) throws Exception {
        try (var c = postgres.connect("faults");
                var s = c.prepareStatement(
                        "SELECT count(*) FROM response r JOIN survey v ON v.id = r.survey_id WHERE v.slug = ?")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Each key a client ever sent has exactly one response, and the survey has no other responses. */
    void assertStoredExactlyOnce(String slug, SubmittingClients load) throws Exception {
        Set<String> stored = storedKeys(slug);
        assertEquals(load.bodies.keySet(), stored, "every submission (acknowledged or retried) is stored");
        try (var c = postgres.connect("faults");
                var s = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM response r JOIN survey v ON v.id = r.survey_id WHERE v.slug = ?),
                               (SELECT count(DISTINCT response_id) FROM idempotency_record WHERE scope = ?)
                        """)) {
            s.setString(1, slug);
            s.setString(2, "public:" + slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                assertEquals(stored.size(), rs.getInt(1), "responses of " + slug + ": one per key, no duplicates");
                assertEquals(stored.size(), rs.getInt(2), "distinct responses behind the keys");
            }
        }
        for (var e : load.locations.entrySet()) {
            long id = Long.parseLong(e.getValue().substring(e.getValue().lastIndexOf('/') + 1));
            try (var c = postgres.connect("faults");
                    var s = c.prepareStatement(
                            "SELECT response_id FROM idempotency_record WHERE scope = ? AND idem_key = ?")) {
                s.setString(1, "public:" + slug);
                s.setString(2, e.getKey());
                try (var rs = s.executeQuery()) {
                    assertTrue(rs.next(), e.getKey());
                    assertEquals(
                            id, rs.getLong(1), "the acknowledged response of " + e.getKey() + " is the stored one");
                }
            }
        }
    }

    Set<String> storedKeys(String slug) throws Exception {
        Set<String> keys = new HashSet<>();
        try (var c = postgres.connect("faults");
                var s = c.prepareStatement(
                        "SELECT i.idem_key FROM idempotency_record i JOIN response r ON r.id = i.response_id WHERE i.scope = ?")) {
            s.setString(1, "public:" + slug);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    static String newKey() {
        return "fault-" + UUID.randomUUID();
    }

    static String body() {
        return "{\"answers\": {\"csat\": " + ThreadLocalRandom.current().nextInt(1, 6) + "}, \"locale\": \"en\"}";
    }

    static void awaitUntil(Duration timeout, BooleanSupplier condition, String what) {
        // looked at at once, then every 100 ms in this thread, as the loop it replaces did
        await(what)
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .pollInSameThread()
                .until(condition::getAsBoolean);
    }
}
