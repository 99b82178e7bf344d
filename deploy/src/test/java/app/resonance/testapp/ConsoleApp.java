package app.resonance.testapp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The complete application for the console's browser tests: the bundle started once per test JVM on a
 * fresh H2 database with the demo, mail going to an in-process SMTP server (GreenMail). Every test class
 * that uses {@code @ExtendWith(ConsoleApp.class)} shares that one instance, so tests create their own
 * data (unique names) instead of relying on a pristine database.
 */
public final class ConsoleApp implements BeforeAllCallback {

    public static final String ADMIN_PASSWORD = "console-admin-password";
    public static final String DEMO_PASSWORD = "resonance-demo";

    private static volatile Running running;
    private static volatile int tlsPort;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot()
                .getStore(ExtensionContext.Namespace.create(ConsoleApp.class))
                .getOrComputeIfAbsent("app", key -> Running.start(), Running.class);
    }

    /** The application's address, e.g. {@code http://127.0.0.1:41234/}. */
    public static URL base() {
        try {
            return new URL(running.app.base() + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET of the admin API (or any path below the application) as the admin, by HTTP Basic. */
    public static HttpResponse<String> adminGet(String path) {
        return send(admin(path).GET().build());
    }

    /** A POST of JSON to the admin API as the admin, by HTTP Basic. */
    public static HttpResponse<String> adminPost(String path, String json) {
        return send(admin(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A request to a path below the application (e.g. {@code api/v1/admin/users}) with the admin's credentials. */
    public static HttpRequest.Builder admin(String path) {
        String base = base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
        return HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path.substring(1) : path)))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a request and answers the response as text. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The HTTPS port (Payara Micro's self-signed certificate), as a TLS terminating proxy would reach it. */
    public static int tlsPort() {
        return tlsPort;
    }

    /** The shared application's log (Payara Micro's output), for checks that nothing misleading was logged. */
    public static Path log() {
        return running.app.log();
    }

    /** The SMTP server that receives every mail the application sends. */
    public static GreenMail smtp() {
        return running.smtp;
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {
        final GreenMail smtp;
        final BundleProcess app;

        Running(GreenMail smtp, BundleProcess app) {
            this.smtp = smtp;
            this.app = app;
        }

        static Running start() {
            Path data = Path.of("target", "console-it").toAbsolutePath();
            deleteTree(data);
            int smtpPort = BundleProcess.freePort();
            tlsPort = BundleProcess.freePort();
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            int port = BundleProcess.freePort();
            BundleProcess app = new BundleProcess(
                    port,
                    Map.of(
                            "resonance.data.dir",
                            data.toString(),
                            "resonance.db.url",
                            "jdbc:h2:file:" + data + "/resonance;LOCK_TIMEOUT=10000",
                            "resonance.admin.password",
                            ADMIN_PASSWORD,
                            "resonance.demo.enabled",
                            "true",
                            "resonance.mail.host",
                            "127.0.0.1",
                            "resonance.mail.port",
                            Integer.toString(smtpPort),
                            "resonance.mail.from",
                            "feedback@resonance.test",
                            "resonance.mail.pollSeconds",
                            "1",
                            // the demo's Slack and Teams destinations post to its own receiver, as with -Prun
                            "resonance.demo.chat-url",
                            "http://localhost:" + port + "/demo/chat",
                            "resonance.notifications.loopback",
                            "true"),
                    data.resolve("app.log"),
                    "--nocluster",
                    "--sslport",
                    Integer.toString(tlsPort));
            try {
                app.start(Duration.ofSeconds(300));
            } catch (RuntimeException e) {
                app.close();
                smtp.stop();
                throw e;
            }
            return new Running(smtp, app);
        }

        @Override
        public void close() {
            app.close();
            smtp.stop();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
