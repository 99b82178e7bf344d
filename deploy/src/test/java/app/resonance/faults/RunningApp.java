package app.resonance.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    /** Every answer other than 200 that /health/ready gave while the app was starting (Payara's own included). */
    final List<HttpResponse<String>> startupAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        process = pb.start();
        awaitReady(http, Duration.ofSeconds(150));
    }

    void awaitReady(HttpClient http, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + ", see " + dir);
            }
            if (readyStatus(http) == 200) {
                return;
            }
            PrivatePostgres.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The app was not ready within " + timeout + ", see " + dir);
    }

    /** The status of /health/ready, or -1 when nothing answers. */
    int readyStatus(HttpClient http) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(uri("/health/ready"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                startupAnswers.add(answer);
            }
            return answer.statusCode();
        } catch (Exception e) {
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
