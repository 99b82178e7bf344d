package app.resonance.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.resonance.testapp.BundleProcess;
import app.resonance.testapp.SingleSignOnProvider;
import app.resonance.testapp.SubmittingClients;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out: two instances of the bundle form one data grid (their own cluster name, TCP/IP discovery on
 * 127.0.0.1 only) on one fresh PostgreSQL database, behind HAProxy with the shipped {@code cluster/haproxy.cfg}.
 * Submissions are spread over both; one instance is SIGKILLed under concurrent submitting clients; every
 * acknowledged key is stored exactly once, retries create no duplicates, the console session the killed
 * instance served is still logged in, and the rollups (kept by both instances' timers) equal a direct count.
 * Both instances are also restarted one after the other under load (a rolling restart).
 *
 * <p>Each test starts from a whole cluster ({@link #bothInService()}); the method order only saves a start: the
 * rolling restart, which leaves both instances running, before the SIGKILL, which leaves one down.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@ExtendWith(SingleSignOnProvider.class)
class TwoInstanceClusterIT {

    static final int CLIENTS = 4;
    static final String ADMIN_PASSWORD = "cluster-admin-password";
    static final Path DIR = Path.of("target", "cluster-it").toAbsolutePath();
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    static String database;
    static String clusterName;
    static final Map<String, BundleProcess> instances = new HashMap<>();
    static final Map<String, Path> logs = new HashMap<>();
    static Process haproxy;
    static int proxyPort;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        require(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy missing (apt-get install haproxy)");
        require(postgresAnswers(), "no PostgreSQL at 127.0.0.1:5432 (user postgres, trust)");
        assertTrue(Files.isRegularFile(BundleProcess.BUNDLE), "the bundle is built in the package phase");
        String run = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
        database = "cluster_it_" + run;
        clusterName = "resonance-it-" + run;
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        Files.createDirectories(DIR);
        // HTTP/1.1 as browsers speak it to a proxy: Java's default (an h2c upgrade) would turn the proxied
        // connection into a tunnel, past HAProxy's header rules.
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(16))
                .build();

        // the provider's client for the cluster knows this address (the realm is written before Keycloak starts)
        proxyPort = SingleSignOnProvider.clusterPort();
        int hzA = BundleProcess.freePort();
        int hzB = BundleProcess.freePort();
        String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        instances.put("a", instance("a", hzA, members));
        instances.put("b", instance("b", hzB, members));
        // Both at once, as a Deployment's replicas start: the first start on the new database must not trip either.
        var started = instances.values().stream()
                .map(i -> CompletableFuture.runAsync(() -> i.start(Duration.ofSeconds(420))))
                .toList();
        for (var s : started) {
            s.get(450, TimeUnit.SECONDS);
        }

        var pb = new ProcessBuilder(
                        "/usr/sbin/haproxy",
                        "-db",
                        "-f",
                        Path.of("cluster", "haproxy.cfg").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(DIR.resolve("haproxy-" + run + ".log").toFile());
        pb.environment().put("CLUSTER_DIR", DIR.toString());
        pb.environment().put("RESONANCE_PROXY_PORT", Integer.toString(proxyPort));
        pb.environment().put("RESONANCE_A_PORT", port("a"));
        pb.environment().put("RESONANCE_B_PORT", port("b"));
        haproxy = pb.start();
        // Both instances in service: HAProxy's health checks (rise 2, every second) passed for each.
        awaitInRotation(Set.of("a", "b"), Duration.ofSeconds(30));
    }

    /**
     * Both instances run and HAProxy sends requests to each. The tests share the two instances; a test that
     * stopped one for good (the SIGKILL) leaves it to the next one to start it again, so each test starts from
     * a whole cluster, in whichever order they run.
     */
    static void bothInService() throws Exception {
        for (var instance : instances.entrySet()) {
            if (!instance.getValue().isAlive()) {
                restart(instance.getKey());
            }
        }
        awaitInRotation(Set.of("a", "b"), Duration.ofSeconds(60));
    }

    /** Starts a stopped instance again on its ports and waits until it is back in the data grid. */
    static void restart(String name) throws Exception {
        Path log = logs.get(name);
        long before = Files.exists(log) ? Files.size(log) : 0;
        instances.get(name).start(Duration.ofSeconds(420));
        var dgSize2 = Pattern.compile("DG Name: " + Pattern.quote(clusterName) + " DG Size: 2");
        awaitUntil(
                Duration.ofSeconds(120),
                () -> dgSize2.matcher(read(log).substring((int) before)).find(),
                name + " back in a data grid of 2 members (" + log + ")");
    }

    /** HAProxy sends requests to each of these instances (its health checks passed twice for each). */
    static void awaitInRotation(Set<String> names, Duration timeout) {
        Set<String> seen = new HashSet<>();
        awaitUntil(
                timeout,
                () -> {
                    try {
                        var r = http.send(request("/health/ready").build(), HttpResponse.BodyHandlers.discarding());
                        r.headers().firstValue("X-Resonance-Instance").ifPresent(seen::add);
                        return seen.containsAll(names);
                    } catch (Exception e) {
                        return false;
                    }
                },
                "HAProxy sending requests to " + names + " (seen: " + seen + ")");
    }

    static BundleProcess instance(String name, int hzPort, String members) {
        Path log = DIR.resolve(name + "-" + clusterName + ".log");
        logs.put(name, log);
        return new BundleProcess(
                BundleProcess.freePort(),
                properties(
                        "resonance.db.url",
                        POSTGRES + database,
                        "resonance.db.user",
                        "postgres",
                        "resonance.db.password",
                        "",
                        "resonance.data.dir",
                        DIR.resolve(name).toString(),
                        "resonance.admin.password",
                        ADMIN_PASSWORD,
                        "resonance.submissions.per-minute",
                        "0",
                        "resonance.mail.port",
                        Integer.toString(BundleProcess.freePort()),
                        "resonance.public.url",
                        "http://127.0.0.1:" + proxyPort,
                        "resonance.oidc.issuer",
                        SingleSignOnProvider.issuer(),
                        "resonance.oidc.client-id",
                        SingleSignOnProvider.CLUSTER_CLIENT,
                        "resonance.oidc.client-secret",
                        SingleSignOnProvider.SECRET),
                log,
                "--name",
                name,
                "--clustername",
                clusterName,
                "--clustermode",
                "tcpip:" + members,
                "--startport",
                Integer.toString(hzPort),
                "--interfaces",
                "127.0.0.1",
                // both members have the address 127.0.0.1: host-aware partitioning would keep no backups
                "--nohostaware");
    }

    /** Key, value, key, value, ... as a map (more than Map.of takes). */
    static Map<String, String> properties(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        instances.values().forEach(BundleProcess::close);
        if (database != null && postgresAnswers()) {
            try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                    var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /**
     * HTTP/2 cleartext (h2c) smuggling: an instance grants {@code Upgrade: h2c} (Payara's listener speaks HTTP/2),
     * and a proxy that passed the upgrade on would turn the connection into a tunnel straight to the instance, past
     * its own rules. HAProxy strips the upgrade, so through the proxy the same request is answered in HTTP/1.1.
     */
    /**
     * Single sign-on through HAProxy, with the provider's answer reaching the other instance than the one that
     * started the login (its state, nonce and PKCE verifier are in the replicated session): the person is signed
     * in there, and the first instance serves the same session signed in.
     */
    @Test
    void aLoginThroughTheProviderStartedOnOneInstanceEndsOnTheOther() throws Exception {
        bothInService();
        Console console = new Console();
        var start = console.get("/admin/sso");
        assertEquals(302, start.statusCode(), start.body());
        String first = start.headers().firstValue("X-Resonance-Instance").orElseThrow();
        String other = first.equals("a") ? "b" : "a";
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(SingleSignOnProvider.issuer() + "/protocol/openid-connect/auth?"), authorize);

        // the provider's login form and the person's password, as a browser sends them
        var form = console.client.send(
                HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        var action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), "the provider's login form: " + form.body());
        var answered = console.client.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=lena&password=lena-password&credentialId="))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answered.statusCode(), answered.body());
        String callback = answered.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith("http://127.0.0.1:" + proxyPort + "/admin/sso/callback?"), callback);

        // HAProxy's stickiness cookie changed to name the other instance: the answer lands there
        var store = console.cookies.getCookieStore();
        var sticky = store.getCookies().stream()
                .filter(c -> c.getName().equals("RESONANCE_INSTANCE"))
                .findFirst()
                .orElseThrow();
        store.remove(URI.create("http://127.0.0.1:" + proxyPort + "/"), sticky);
        var moved = new java.net.HttpCookie("RESONANCE_INSTANCE", other);
        moved.setPath("/");
        moved.setVersion(0);
        store.add(URI.create("http://127.0.0.1:" + proxyPort + "/"), moved);
        var back = console.client.send(
                HttpRequest.newBuilder(URI.create(callback)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(
                other, back.headers().firstValue("X-Resonance-Instance").orElse(""), "the other instance answered");
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(
                "http://127.0.0.1:" + proxyPort + "/admin/index.xhtml",
                back.headers().firstValue("Location").orElseThrow(),
                "signed in, not sent back with a reason");
        var page = console.get("/admin/index.xhtml");
        assertEquals(200, page.statusCode(), "signed in: " + page.statusCode());
        assertTrue(page.body().contains("Lena Vogt"), page.body());
    }

    @Test
    void anH2cUpgradeIsGrantedByAnInstanceButNeverThroughTheProxy() throws Exception {
        bothInService();
        assertEquals(
                "HTTP/1.1 101",
                statusLineOfAnH2cUpgrade(Integer.parseInt(port("a"))).substring(0, 12));
        assertEquals("HTTP/1.1 200", statusLineOfAnH2cUpgrade(proxyPort).substring(0, 12));
    }

    static String statusLineOfAnH2cUpgrade(int port) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                                    + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return in.readLine();
        }
    }

    /**
     * Issue 14, finding 11: an operator restarts both instances one after the other (SIGTERM, start, back in
     * service) while clients submit steadily and an admin is logged in to the console. No acknowledged response is
     * lost, no submission is stored twice, the console session survives both restarts, and (the drain before each
     * stop) no client sees an error: each instance leaves HAProxy's rotation before it stops.
     */
    @Test
    void aRollingRestartUnderSteadyLoadLosesNothingDuplicatesNothingAndKeepsTheConsoleSession() throws Exception {
        bothInService();
        String slug = SubmittingClients.publishCsatSurvey(
                http, path -> request(path).build().uri(), ADMIN_PASSWORD, "rolling");
        var console = new Console();
        String first = console.login();
        String second = first.equals("a") ? "b" : "a";
        var load = new SubmittingClients(
                http, path -> request(path).build().uri(), slug, "rolling", Duration.ofSeconds(20));
        // A steady load (each client pauses 200 ms after an answer: at most 20 submissions a second), as a live
        // system has it during a planned restart; clients that took both cores would only slow the restarts down.
        load.start(CLIENTS, Duration.ofMillis(200));
        awaitUntil(Duration.ofSeconds(60), () -> load.acknowledged.size() >= 30, "30 acknowledged submissions");

        // The instance that holds the console session first, then the other one.
        List<Instant[]> restarts = new java.util.ArrayList<>();
        for (String name : List.of(first, second)) {
            Instant stopping = Instant.now();
            int exit = instances.get(name).stop(Duration.ofSeconds(90));
            assertEquals(143, exit, name + " stopped by SIGTERM (128 + 15), not by a crash");
            assertTrue(
                    read(logs.get(name)).contains("Drained; stopping"),
                    name + " drained before it stopped (" + logs.get(name) + ")");
            int acknowledgedWhileDown = load.acknowledged.size();
            restart(name);
            assertTrue(
                    load.acknowledged.size() > acknowledgedWhileDown + 5,
                    "the other instance went on acknowledging while " + name + " restarted");
            awaitInRotation(Set.of(name), Duration.ofSeconds(60));
            restarts.add(new Instant[] {stopping.minusSeconds(2), Instant.now().plusSeconds(2)});
            int back = load.acknowledged.size();
            awaitUntil(
                    Duration.ofSeconds(60),
                    () -> load.acknowledged.size() >= back + 20,
                    "20 more acknowledged submissions after " + name + " came back");

            var page = console.get("/admin/index.xhtml");
            assertEquals(200, page.statusCode(), "the console after restarting " + name + " (a 302 means logged out)");
            assertTrue(page.body().contains("nav:who"), "still logged in after restarting " + name);
        }
        load.stop();

        // What the clients saw: every submission acknowledged, none refused or cut off by a stopping instance.
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        load.attempts.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        assertEquals(Map.of(201, (long) load.attempts.size()), statuses, "answers during the rolling restart");
        Map<String, Long> spread = new java.util.TreeMap<>();
        load.attempts.forEach(a -> spread.merge(a.instance(), 1L, Long::sum));
        assertEquals(Set.of("a", "b"), spread.keySet(), "both instances served submissions: " + spread);

        // Acknowledged means stored once, and a replay of any key names the same response.
        Set<String> lost = new HashSet<>(load.locations.keySet());
        lost.removeAll(storedKeys(slug));
        assertEquals(Set.of(), lost, "acknowledged but not stored");
        load.retryUnacknowledged();
        // A replay names the same response: every key sent while an instance stopped, restarted and came back
        // (the ones at risk), and 200 of the others at random; that all are stored once is counted below.
        var replays = Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<SubmittingClients.Attempt>>();
            Map<String, String> acknowledged = Map.copyOf(load.locations);
            Set<String> atRisk = load.attempts.stream()
                    .filter(a -> restarts.stream()
                            .anyMatch(w -> !a.sent().isBefore(w[0]) && a.sent().isBefore(w[1])))
                    .map(SubmittingClients.Attempt::key)
                    .filter(acknowledged::containsKey)
                    .collect(java.util.stream.Collectors.toSet());
            List<String> others = new java.util.ArrayList<>(acknowledged.keySet());
            others.removeAll(atRisk);
            java.util.Collections.shuffle(others, new java.util.Random(7));
            Set<String> replayed = new HashSet<>(atRisk);
            replayed.addAll(others.subList(0, Math.min(200, others.size())));
            assertTrue(atRisk.size() > 20, "keys sent around the restarts: " + atRisk.size());
            replayed.forEach(key -> answers.add(replays.submit(() -> load.send(key))));
            for (var answer : answers) {
                SubmittingClients.Attempt a = answer.get(60, TimeUnit.SECONDS);
                assertEquals(201, a.status(), "replay of " + a.key());
                assertEquals(acknowledged.get(a.key()), a.location(), "replayed Location of " + a.key());
            }
        } finally {
            replays.shutdownNow();
        }
        assertStoredExactlyOnce(slug, load);
        awaitUntil(Duration.ofSeconds(60), () -> pendingEvents() == 0, "the outbox consumed");
        assertEquals(directScoreCounts(slug), rollupScoreCounts(slug), "rollups of " + slug);
    }

    @Test
    void twoInstancesShareOneDataGridAndTheLoadAndLosingOneUnderLoadLosesNothing() throws Exception {
        bothInService();
        // One data grid of both members, under this run's own cluster name.
        var dgSize2 = Pattern.compile("DG Name: " + Pattern.quote(clusterName) + " DG Size: 2");
        for (var log : logs.entrySet()) {
            awaitUntil(
                    Duration.ofSeconds(60),
                    () -> dgSize2.matcher(read(log.getValue())).find(),
                    log.getKey() + " reporting a data grid of 2 members (" + log.getValue() + ")");
        }

        String slug = SubmittingClients.publishCsatSurvey(
                http, path -> request(path).build().uri(), ADMIN_PASSWORD, "cluster");

        // Submissions without cookies are spread over both instances.
        var load = new SubmittingClients(
                http, path -> request(path).build().uri(), slug, "cluster", Duration.ofSeconds(20));
        Map<String, Integer> spread = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            SubmittingClients.Attempt a = load.send(newKey());
            assertEquals(201, a.status(), "submission " + i + ": " + a);
            spread.merge(a.instance(), 1, Integer::sum);
        }
        assertEquals(Set.of("a", "b"), spread.keySet(), "instances that answered: " + spread);
        assertTrue(spread.values().stream().allMatch(n -> n >= 5), "round robin over both: " + spread);

        // A console login through the proxy; the instance that served it is the one to be killed.
        var console = new Console();
        String victim = console.login();
        String survivor = victim.equals("a") ? "b" : "a";
        var page = console.get("/admin/index.xhtml");
        assertEquals(200, page.statusCode(), "the console after the login");
        assertTrue(page.body().contains("nav:who"), "logged in (the user menu is shown)");
        assertEquals(victim, page.headers().firstValue("X-Resonance-Instance").orElse(""), "the session sticks");
        assertEquals("en", Console.activeLanguage(page.body()), "the console in English");
        String viewStateBeforeKill = Console.viewState(page.body());
        String nonceBeforeKill = Console.nonce(page.body());
        var stranger = http.send(request("/admin/index.xhtml").build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, stranger.statusCode(), "without the session cookie the console asks for a login");

        // SIGKILL of that instance while clients submit.
        load.start(CLIENTS);
        awaitUntil(Duration.ofSeconds(60), () -> load.acknowledged.size() >= 60, "60 acknowledged submissions");
        instances.get(victim).kill();
        Instant killed = Instant.now();
        int acknowledgedAtKill = load.acknowledged.size();
        awaitUntil(
                Duration.ofSeconds(60),
                () -> load.acknowledged.size() >= acknowledgedAtKill + 40,
                "40 more acknowledged submissions after the kill");
        load.stop();
        assertTrue(
                load.attempts.stream()
                        .filter(a -> a.status() == 201 && a.sent().isAfter(killed.plusSeconds(1)))
                        .allMatch(a -> survivor.equals(a.instance())),
                "after the kill only " + survivor + " answers");
        for (SubmittingClients.Attempt a : load.attempts) {
            // 502/503 from HAProxy or a reset for requests in flight at the kill; never an error of the app
            assertTrue(a.status() == 201 || a.status() == 502 || a.status() == 503 || a.status() == -1, "answer " + a);
        }

        // The console session lives on in the data grid: the survivor serves it, still logged in.
        var after = console.get("/admin/index.xhtml");
        assertEquals(200, after.statusCode(), "console page after the kill (a redirect means logged out)");
        assertEquals(
                survivor, after.headers().firstValue("X-Resonance-Instance").orElse(""));
        assertTrue(after.body().contains("nav:who"), "still logged in after the kill");
        // The page's server-side view state, rendered by the killed instance, is in the replicated session too:
        // its language switch works on the survivor (an unknown view state would change nothing).
        var switched = console.post(
                "/admin/index.xhtml",
                "lang=lang&lang%3Ade=lang%3Ade&jakarta.faces.ViewState=" + encode(viewStateBeforeKill)
                        + "&primefaces.nonce=" + encode(nonceBeforeKill));
        assertEquals(302, switched.statusCode(), "the language switch: " + switched.body());
        var german =
                console.get(URI.create(switched.headers().firstValue("Location").orElseThrow())
                        .getRawPath());
        assertEquals(200, german.statusCode());
        assertEquals("de", Console.activeLanguage(german.body()), "switched to German");
        assertTrue(german.body().contains("nav:who"), "still logged in");

        // Acknowledged means stored; acknowledged keys replay their response; retries of the others store once.
        Map<String, String> acknowledged = new HashMap<>(load.locations);
        Set<String> stored = storedKeys(slug);
        Set<String> lost = new HashSet<>(acknowledged.keySet());
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged but not stored");
        for (var e : acknowledged.entrySet()) {
            SubmittingClients.Attempt a = load.send(e.getKey());
            assertEquals(201, a.status(), "replay of " + e.getKey());
            assertEquals(e.getValue(), a.location(), "replayed Location of " + e.getKey());
        }
        for (String key : load.bodies.keySet()) {
            if (!acknowledged.containsKey(key)) {
                SubmittingClients.Attempt a = load.send(key);
                assertEquals(201, a.status(), "retry of unacknowledged " + key + ": " + a);
            }
        }
        assertStoredExactlyOnce(slug, load);

        // The rollups, kept by both instances' timers until the kill, equal a direct count of the raw answers.
        awaitUntil(Duration.ofSeconds(60), () -> pendingEvents() == 0, "the outbox consumed");
        assertEquals(directScoreCounts(slug), rollupScoreCounts(slug), "rollups of " + slug);
        assertEquals(
                load.bodies.size(),
                rollupScoreCounts(slug).values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                "one score per stored response in the rollups");
    }

    /**
     * A browser's cookie jar: like a browser, it counts the loopback interface as a secure context, so that the
     * provider's {@code Secure} cookies come back over plain HTTP on 127.0.0.1 (Java's CookieManager alone keeps
     * them for https).
     */
    static final class LoopbackCookies extends CookieManager {
        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            if (!"127.0.0.1".equals(uri.getHost())) {
                super.put(uri, headers);
                return;
            }
            Map<String, List<String>> plain = new HashMap<>();
            headers.forEach((name, values) -> plain.put(
                    name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream()
                                    .map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                                    .toList()
                            : values));
            super.put(uri, plain);
        }
    }

    /** A browser's view of the console: a cookie jar, no redirects followed. */
    static final class Console {
        final LoopbackCookies cookies = new LoopbackCookies();
        final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        /** Logs in as admin through the proxy; answers the instance that served the login. */
        String login() throws Exception {
            var form = get("/admin/login.xhtml");
            assertEquals(200, form.statusCode(), "the login page");
            var m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                    .matcher(form.body());
            assertTrue(m.find(), "the login form's view state");
            String body = "login=login&login%3Ausername=admin&login%3Apassword=" + encode(ADMIN_PASSWORD)
                    + "&login%3Asubmit=&jakarta.faces.ViewState=" + encode(m.group(1))
                    + "&primefaces.nonce=" + encode(nonce(form.body()));
            var r = client.send(
                    request("/admin/login.xhtml")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, r.statusCode(), "a successful login redirects: " + r.body());
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/admin/index.xhtml"));
            return r.headers().firstValue("X-Resonance-Instance").orElseThrow();
        }

        /** The language the page marks as chosen in its language switch. */
        static String activeLanguage(String page) {
            var m = Pattern.compile("<a id=\"lang:(de|en)\"[^>]*class=\"[^\"]*\\bactive\\b")
                    .matcher(page);
            assertTrue(m.find(), "a language marked as chosen");
            return m.group(1);
        }

        /** PrimeFaces' CSP nonce of the page, which its script adds to every form a browser posts. */
        static String nonce(String page) {
            var m = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(page);
            assertTrue(m.find(), "a CSP nonce in the page");
            return m.group(1);
        }

        static String viewState(String page) {
            var m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                    .matcher(page);
            assertTrue(m.find(), "a view state in the page");
            return m.group(1);
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(20));
    }

    static String port(String instance) {
        return instances
                .get(instance)
                .base()
                .substring(instances.get(instance).base().lastIndexOf(':') + 1);
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(POSTGRES + database, "postgres", "");
    }

    static Set<String> storedKeys(String slug) throws Exception {
        Set<String> keys = new HashSet<>();
        try (var c = db();
                var s = c.prepareStatement("SELECT i.idem_key FROM idempotency_record i"
                        + " JOIN response r ON r.id = i.response_id WHERE i.scope = ?")) {
            s.setString(1, "public:" + slug);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** Each key a client ever sent has exactly one response, and the survey has no other responses. */
    static void assertStoredExactlyOnce(String slug, SubmittingClients load) throws Exception {
        assertEquals(load.bodies.keySet(), storedKeys(slug), "every submission (acknowledged or retried) is stored");
        try (var c = db();
                var s = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM response r JOIN survey v ON v.id = r.survey_id WHERE v.slug = ?),
                               (SELECT count(DISTINCT response_id) FROM idempotency_record WHERE scope = ?)
                        """)) {
            s.setString(1, slug);
            s.setString(2, "public:" + slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                assertEquals(load.bodies.size(), rs.getInt(1), "responses of " + slug + ": one per key");
                assertEquals(load.bodies.size(), rs.getInt(2), "distinct responses behind the keys");
            }
        }
        // One query for all keys: a connection per key took minutes once the load had acknowledged thousands.
        Map<String, Long> stored = new HashMap<>();
        try (var c = db();
                var s = c.prepareStatement("SELECT idem_key, response_id FROM idempotency_record WHERE scope = ?")) {
            s.setString(1, "public:" + slug);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (var e : load.locations.entrySet()) {
            long id = Long.parseLong(e.getValue().substring(e.getValue().lastIndexOf('/') + 1));
            assertTrue(stored.containsKey(e.getKey()), e.getKey());
            assertEquals(
                    id, stored.get(e.getKey()), "the acknowledged response of " + e.getKey() + " is the stored one");
        }
    }

    static long pendingEvents() {
        try (var c = db();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM response_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Score to number of answers with it, counted from the raw answers. */
    static Map<Integer, Long> directScoreCounts(String slug) throws Exception {
        Map<Integer, Long> counts = new HashMap<>();
        try (var c = db();
                var s = c.prepareStatement(
                        "SELECT a.score, count(*) FROM answer a JOIN response r ON r.id = a.response_id"
                                + " JOIN survey v ON v.id = r.survey_id WHERE v.slug = ? AND a.score IS NOT NULL"
                                + " GROUP BY a.score")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Score to number of answers with it, as the rollups (all responses, every day) count them. */
    static Map<Integer, Long> rollupScoreCounts(String slug) throws Exception {
        Map<Integer, Long> counts = new HashMap<>();
        StringBuilder sums = new StringBuilder();
        for (int score = 0; score <= 10; score++) {
            sums.append(score == 0 ? "" : ", ")
                    .append("COALESCE(SUM(c")
                    .append(score)
                    .append("), 0)");
        }
        try (var c = db();
                var s = c.prepareStatement("SELECT " + sums + " FROM score_rollup WHERE segment_id = 0"
                        + " AND survey_id = (SELECT id FROM survey WHERE slug = ?)")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                for (int score = 0; score <= 10; score++) {
                    long n = rs.getLong(score + 1);
                    if (n > 0) {
                        counts.put(score, n);
                    }
                }
            }
        }
        return counts;
    }

    static String newKey() {
        return "cluster-" + UUID.randomUUID();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (Exception e) {
            return "";
        }
    }

    static void awaitUntil(Duration timeout, BooleanSupplier condition, String what) {
        // looked at at once, then every 200 ms in this thread, as the loop it replaces did
        await(what)
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .pollInSameThread()
                .until(condition::getAsBoolean);
    }

    static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            return c.isValid(5);
        } catch (Exception e) {
            return false;
        }
    }

    /** In CI a missing prerequisite fails the run; on a developer's machine it skips this test. */
    static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }
}
