package app.resonance.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the test's own, in the build directory: restarting it disturbs nobody else.
 * Run as the {@code postgres} OS user when the build runs as root (initdb refuses root), trust
 * authentication, TCP on 127.0.0.1 only.
 */
final class PrivatePostgres {

    static final Path BIN = Path.of(System.getProperty("faults.pg.bin", "/usr/lib/postgresql/15/bin"));

    final Path dataDir;
    final int port;

    private PrivatePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    static PrivatePostgres create(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("pgdata");
        asOwner(dir);
        var pg = new PrivatePostgres(data, freePort());
        pg.run(60, "initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        return pg;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws Exception {
        run(
                60,
                "pg_ctl",
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolveSibling("postgres.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off",
                "start");
    }

    /** The shutdown an operator's restart does: clients are disconnected, running transactions roll back. */
    void stopFast() throws Exception {
        run(60, "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    }

    void stopQuietly() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(60, "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (Exception e) {
            System.err.println("Could not stop the private PostgreSQL: " + e);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** What an operator's pg_terminate_backend does to every connection of the app: answers how many it ended. */
    int terminateBackends(String applicationName) throws SQLException {
        try (var c = connect("postgres");
                var s = c.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void createDatabase(String name) throws SQLException {
        try (var c = connect("postgres");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private void run(int timeoutSeconds, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(tool).toString());
        command.addAll(List.of(args));
        Path log = dataDir.resolveSibling(tool + ".out");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish in " + timeoutSeconds + " s, see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed (" + p.exitValue() + "): "
                    + Files.readString(log).strip());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The cluster's directory must belong to the user that runs PostgreSQL; its parents must be passable. */
    private static void asOwner(Path dir) throws IOException, InterruptedException {
        if (!isRoot()) {
            return;
        }
        Process p = new ProcessBuilder("chown", "-R", "postgres", dir.toString())
                .inheritIO()
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("chown postgres " + dir + " failed");
        }
        for (Path parent = dir.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            var perms = Files.getPosixFilePermissions(parent);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("The postgres user cannot pass " + parent + " (chmod o+x)");
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A fixed pause, deliberately not a wait for a condition: the fault tests use it where time itself is the
     * thing under test (an outage window that has to last, pacing between backend terminations, the moment
     * after a SIGKILL) and as the start-up watcher's sampling rate. Waiting for something to happen goes through
     * Awaitility ({@code FaultInjectionIT.awaitUntil}, {@code RunningApp.awaitReady}).
     */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
