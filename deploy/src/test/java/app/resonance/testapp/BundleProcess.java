package app.resonance.testapp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of the runnable bundle as a child process on 127.0.0.1: started with the given system
 * properties, its output in a log file, ready once {@code /health/ready} answers 200.
 */
public final class BundleProcess implements AutoCloseable {

    public static final Path BUNDLE = Path.of("target", "resonance.jar");

    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    public BundleProcess(int port, Map<String, String> properties, Path log, String... options) {
        this.port = port;
        this.log = log;
        command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(BUNDLE.toAbsolutePath().toString());
        command.addAll(List.of("--port", Integer.toString(port), "--disablephonehome"));
        command.addAll(List.of(options));
    }

    /** Starts the process and waits until it is ready, at most {@code timeout}. */
    public BundleProcess start(Duration timeout) {
        if (!Files.isRegularFile(BUNDLE)) {
            throw new IllegalStateException(BUNDLE + " is missing: the package phase builds it");
        }
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(timeout);
        return this;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM, as an operator's restart, systemd or Kubernetes stops an instance, and waits for the process to end.
     *
     * @return its exit code
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the bundle did not stop within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /**
     * SIGINT, as Ctrl-C in the terminal of the README's run command sends it, and waits for the process to end.
     *
     * @return its exit code
     */
    public int interrupt(Duration timeout) throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        kill.waitFor();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the bundle did not stop within " + timeout + " of SIGINT; see " + log);
        }
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    void awaitReady(Duration timeout) {
        var last = new java.util.concurrent.atomic.AtomicReference<>("no answer");
        try {
            await("the bundle ready at " + base() + "/health/ready")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .pollInSameThread()
                    .failFast("the bundle exited; see " + log, () -> !process.isAlive())
                    .until(() -> readyStatus(last) == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "the bundle was not ready within " + timeout + " (last: " + last.get() + "); see " + log, e);
        }
    }

    /** The status of /health/ready, or -1 (with the reason in {@code last}) when nothing answered. */
    private int readyStatus(java.util.concurrent.atomic.AtomicReference<String> last) {
        // A new connection for every look (as curl would), so no pooled connection from the start-up,
        // when the listener is rebound while the server starts, can stand in the way.
        try {
            var connection = (java.net.HttpURLConnection)
                    URI.create(base() + "/health/ready").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setUseCaches(false);
            connection.setRequestProperty("Connection", "close");
            int status = connection.getResponseCode();
            connection.disconnect();
            last.set("status " + status);
            return status;
        } catch (IOException e) {
            last.set(e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fixed pause, not a wait for a condition: the load clients' back-off after an answer other than 201,
     * so that a stopped server is not hammered in a tight loop.
     */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
