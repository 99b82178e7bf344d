package app.resonance.testapp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider for the tests: Keycloak's own distribution (from Maven Central, unpacked by the
 * build into {@code keycloak.home}) in development mode on 127.0.0.1, with a realm imported at start. Keycloak
 * needs Java 21 or newer: {@code KEYCLOAK_JAVA_HOME}, else the newest JDK of 21 or more in /usr/lib/jvm (the
 * machines have a Temurin 25). Its public address ({@code --hostname}) may differ from where it listens, so that
 * a proxy can stand in front of it.
 */
public final class Keycloak implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak listening on {@code port}, calling itself {@code publicAddress}, with the realm in
     * {@code realmJson} (a fresh database each time), and waits until the realm's discovery document answers.
     */
    public static Keycloak start(int port, String publicAddress, String realm, String realmJson, Path log) {
        Path home = home();
        deleteTree(home.resolve("data"));
        try {
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Files.writeString(imports.resolve(realm + "-realm.json"), realmJson);
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin").resolve("kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--hostname=" + publicAddress,
                    "--import-realm",
                    "--cache=local",
                    "--health-enabled=false",
                    "--metrics-enabled=false"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", java().toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(process, port, log);
            keycloak.awaitRealm(realm, Duration.ofSeconds(240));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Keycloak listens, without the proxy. */
    public String direct() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    private void awaitRealm(String realm, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        URI discovery = URI.create(direct() + "/realms/" + realm + "/.well-known/openid-configuration");
        await("Keycloak's realm " + realm + " at " + discovery + " (log: " + log + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .pollInSameThread()
                .failFast("Keycloak exited; see " + log, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(discovery)
                                                        .GET()
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    static Path home() {
        String configured = System.getProperty("keycloak.home");
        if (configured == null || !Files.isExecutable(Path.of(configured, "bin", "kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + configured
                    + ": the build's pre-integration-test phase unpacks org.keycloak:keycloak-quarkus-dist");
        }
        return Path.of(configured).toAbsolutePath();
    }

    /** A JDK of version 21 or newer, which Keycloak 26 needs. */
    static Path java() {
        Optional<Path> configured =
                Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
                    .filter(jdk -> feature(jdk) >= 21)
                    .max(Comparator.comparingInt(Keycloak::feature))
                    .orElseThrow(() -> new IllegalStateException(
                            "Keycloak needs Java 21 or newer: none in /usr/lib/jvm; set KEYCLOAK_JAVA_HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version of a JDK, from its release file (JAVA_VERSION="25.0.1"), or 0. */
    static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
