package app.resonance.faults;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The runnable bundle (deploy/target/resonance.jar) as a child process, as an operator starts it. */
final class RunningApp {

    static final String ADMIN_PASSWORD = "fault-admin-password";

    private final Path bundle;
    private final Path dir;
    private final String dbUrl;
    final int port;
    private Process process;
    private int starts;
    /** The paths polled every few milliseconds while the bundle starts: readiness and the public API. */
    static final List<String> STARTUP_PATHS = List.of("/health/ready", "/api/v1/surveys/start-up-probe");
    /**
     * Every answer the bundle gave to {@link #STARTUP_PATHS} while it was starting, until /health/ready
     * answered 200 (Payara's own answers included, if there are any).
     */
    final List<StartupAnswer> startupAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How many start-up polls were made in all, refused connections included. */
    final java.util.concurrent.atomic.AtomicInteger startupPolls = new java.util.concurrent.atomic.AtomicInteger();

    /** An answer to a start-up poll, with its headers and body. */
    record StartupAnswer(String path, int statusCode, Map<String, List<String>> headers, String body) {
        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    RunningApp(Path bundle, Path dir, String dbUrl) throws Exception {
        this.bundle = bundle;
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.port = PrivatePostgres.freePort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void start(HttpClient http) throws Exception {
        starts++;
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        var pb = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                        "-jar",
                        bundle.toString(),
                        "--port",
                        Integer.toString(port),
                        "--nocluster",
                        "--disablephonehome"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app-" + starts + ".log").toFile());
        var env = pb.environment();
        env.put("RESONANCE_DB_URL", dbUrl);
        env.put("RESONANCE_DB_USER", "postgres");
        env.put("RESONANCE_DB_PASSWORD", "");
        env.put("RESONANCE_DATA_DIR", dir.resolve("data").toString());
        env.put("RESONANCE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("RESONANCE_SUBMISSIONS_PER_MINUTE", "0");
        env.put("RESONANCE_MAIL_PORT", Integer.toString(PrivatePostgres.freePort()));
        var watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watch = new Thread(() -> watchStartup(watching), "start-up watch");
        watch.setDaemon(true);
        process = pb.start();
        watch.start();
        try {
            awaitReady(http, Duration.ofSeconds(Integer.getInteger("faults.startSeconds", 240)));
        } finally {
            watching.set(false);
            watch.join(10_000);
        }
    }

    /**
     * Polls readiness and a public API address every 5 ms, each on a new connection, and keeps every answer
     * until readiness answers 200: what a client talking to the instance directly sees while it starts.
     */
    private void watchStartup(java.util.concurrent.atomic.AtomicBoolean watching) {
        while (watching.get()) {
            for (String path : STARTUP_PATHS) {
                startupPolls.incrementAndGet();
                try {
                    var connection =
                            (java.net.HttpURLConnection) uri(path).toURL().openConnection();
                    connection.setConnectTimeout(1000);
                    connection.setReadTimeout(10_000);
                    connection.setUseCaches(false);
                    try {
                        int status = connection.getResponseCode();
                        String body = "";
                        try {
                            // an error without a body has no error stream, and the input stream of an error throws
                            var stream = connection.getErrorStream() != null
                                    ? connection.getErrorStream()
                                    : connection.getInputStream();
                            body = stream == null
                                    ? ""
                                    : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        } catch (java.io.IOException noBody) {
                            // an answer all the same: status and headers were read
                        }
                        startupAnswers.add(new StartupAnswer(path, status, connection.getHeaderFields(), body));
                        if (status == 200 && path.equals("/health/ready")) {
                            return;
                        }
                    } finally {
                        connection.disconnect();
                    }
                } catch (java.io.IOException refusedOrCut) {
                    // nothing listens yet (or the connection broke): not an answer
                }
            }
            // the watcher's sampling rate, not a wait for a condition: it records every answer while the app starts
            PrivatePostgres.sleep(Duration.ofMillis(5));
        }
    }

    private volatile String lastAnswer = "no answer";

    void awaitReady(HttpClient http, Duration timeout) throws Exception {
        try {
            await("the app ready at /health/ready")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .pollInSameThread()
                    .failFast("the app exited, see " + dir, () -> process != null && !process.isAlive())
                    .until(() -> readyStatus(http) == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "The app was not ready within " + timeout + " (last: " + lastAnswer + "), see " + dir, e);
        }
    }

    /**
     * The status of /health/ready, or -1 when nothing answers. Each poll opens a new connection: a pooled
     * connection of the shared client can go on failing after the listener has come up.
     */
    int readyStatus(HttpClient http) {
        try {
            var connection =
                    (java.net.HttpURLConnection) uri("/health/ready").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setUseCaches(false);
            try {
                int status = connection.getResponseCode();
                lastAnswer = "status " + status;
                return status;
            } finally {
                connection.disconnect();
            }
        } catch (Exception e) {
            lastAnswer = e.toString();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws Exception {
        Process p = new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .inheritIO()
                .start();
        p.waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The app survived kill -9");
        }
    }

    /**
     * What the app logged for its unexpected failures (the 500s, each under an incident id), from every log
     * of this run: the reason a failed assertion needs, at most a few thousand characters.
     */
    String unexpectedFailures() {
        StringBuilder found = new StringBuilder();
        for (int start = 1; start <= starts; start++) {
            try {
                List<String> lines = Files.readAllLines(
                        dir.resolve("app-" + start + ".log"), java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size() && found.length() < 6000; i++) {
                    if (lines.get(i).contains("Unexpected failure, incident")) {
                        lines.subList(i, Math.min(lines.size(), i + 40))
                                .forEach(l -> found.append(l).append('\n'));
                    }
                }
            } catch (java.io.IOException e) {
                found.append("(log ")
                        .append(start)
                        .append(" unreadable: ")
                        .append(e)
                        .append(")\n");
            }
        }
        return found.length() == 0 ? "(no unexpected failure logged)" : found.toString();
    }

    void stopQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
