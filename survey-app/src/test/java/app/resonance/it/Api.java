package app.resonance.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/** A small HTTP client for the black-box tests, and direct SQL access to the database behind the app. */
final class Api {

    static final String ADMIN_PASSWORD = System.getProperty("resonance.it.adminpassword");
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    Api(URL base) {
        String url = loopback(base).toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
    }

    /**
     * The app's address on the loopback interface: Payara Micro reports the machine's own address, which
     * is not always reachable from inside a sandbox, while it listens on every interface.
     */
    static URL loopback(URL url) {
        try {
            return new URL(url.getProtocol(), "127.0.0.1", listening(url.getPort()), url.getFile());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The port the app really listens on: with Arquillian's random port Payara Micro auto-binds, and when
     * the listener is rebound while starting it can move to the next port while the adapter still
     * reports the first one (seen in CI). Answers the reported port unless only a following one answers.
     */
    static int listening(int reported) {
        for (int port = reported; port <= reported + 2; port++) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                return port;
            } catch (IOException e) {
                // not this one
            }
        }
        return reported;
    }

    /** The WAR this module built, as the integration tests deploy it. */
    static org.jboss.shrinkwrap.api.spec.WebArchive surveyApp() {
        return org.jboss.shrinkwrap.api.ShrinkWrap.createFromZipFile(
                org.jboss.shrinkwrap.api.spec.WebArchive.class, new java.io.File("target/survey-app.war"));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
    }

    /**
     * Sends the request; a refused connection (the listener of a just started Payara Micro may still be
     * rebinding while it starts) is tried again for up to ten seconds, nothing else is.
     */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return sendOnce(request);
        } catch (java.net.ConnectException refused) {
            return await("a listener accepting the connection to " + request.uri())
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .pollInSameThread()
                    .ignoreException(java.net.ConnectException.class)
                    .until(() -> sendOnce(request), Objects::nonNull);
        }
    }

    private HttpResponse<String> sendOnce(HttpRequest request) throws java.net.ConnectException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is binary (a PDF, a spreadsheet). */
    HttpResponse<byte[]> bytes(String path, String... headers) {
        try {
            return client.send(
                    request(path).headers(withDefaults(headers)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path).headers(withDefaults(headers)).GET().build());
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path)
                .headers(withDefaults(headers))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> put(String path, String json, String... headers) {
        return send(request(path)
                .headers(withDefaults(headers))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A PATCH with a body in the given media type (application/merge-patch+json for a merge patch). */
    HttpResponse<String> patch(String path, String contentType, String body, String... headers) {
        return send(request(path)
                .headers(withDefaults(headers))
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path).headers(withDefaults(headers)).DELETE().build());
    }

    /** Changes rows directly (a test's own set-up, such as a token's expiry in the past); answers how many. */
    static int update(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts an HTML form (application/x-www-form-urlencoded), as a browser without JavaScript would. */
    HttpResponse<String> form(String path, java.util.Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path)
                .headers(withDefaults(headers))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The value of a hidden input in a page. */
    static String hidden(String html, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    static String text(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] withDefaults(String... headers) {
        if (headers.length > 0) {
            return headers;
        }
        return new String[] {"Accept-Language", "en"};
    }

    static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("resonance.it.jdbc"),
                System.getProperty("resonance.it.dbuser"),
                System.getProperty("resonance.it.dbpassword"));
    }

    /** The first column of every row, as numbers (ids a test expects, in the order the select gives). */
    static java.util.List<Long> longs(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            java.util.List<Long> values = new java.util.ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... params) {
        try (Connection connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
