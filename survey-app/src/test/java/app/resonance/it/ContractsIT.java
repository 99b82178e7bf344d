package app.resonance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.resonance.testsupport.ItDatabaseCondition;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts integrators build on, checked with their own tools against the running app: Redocly's
 * linter on /openapi, Prometheus' promtool on the metrics, and the Standard Webhooks verifier (npm
 * {@code standardwebhooks}, run with node) on a delivery a real HTTP receiver got. The npm tools come from
 * {@code .ci/node} ({@code npm ci --prefix .ci/node}), promtool from Debian's {@code prometheus}; without
 * them the tests are skipped, except in CI, where they fail.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractsIT {

    static final Path NODE_TOOLS = Path.of("..", ".ci", "node").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target", "contracts").toAbsolutePath();

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() throws IOException {
        api = new Api(base);
        Files.createDirectories(WORK);
    }

    @Test
    void redoclyLintFindsNoErrorInTheOpenApiDocument() throws Exception {
        Path redocly = tool(NODE_TOOLS.resolve("node_modules/.bin/redocly"));
        var document = api.get("openapi");
        assertEquals(200, document.statusCode(), document.body());
        Path file = WORK.resolve("openapi.yaml");
        Files.writeString(file, document.body());

        Result lint = run(List.of(redocly.toString(), "lint", "--format=json", file.toString()));
        JsonObject report = Json.createReader(
                        new java.io.StringReader(lint.out().substring(lint.out().indexOf('{'))))
                .readObject();
        assertEquals(0, report.getJsonObject("totals").getInt("errors"), lint.out());
        assertEquals(0, lint.exit(), lint.out() + lint.err());
    }

    @Test
    void everyOperationDeclaresItsSuccessAndOnlyProblemsUnderDefault() {
        JsonObject paths = openApi().getJsonObject("paths");
        List<String> bare = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (!(operation instanceof JsonObject op) || !op.containsKey("responses")) {
                return;
            }
            JsonObject responses = op.getJsonObject("responses");
            if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                bare.add(method + " " + path + ": no success answer");
            }
            JsonObject fallback = responses.getJsonObject("default");
            if (fallback != null
                    && !fallback.getJsonObject("content")
                            .keySet()
                            .equals(java.util.Set.of("application/problem+json"))) {
                bare.add(method + " " + path + ": default is " + fallback);
            }
        }));
        assertEquals(List.of(), bare);

        JsonObject removeMarker = paths.getJsonObject("/api/v1/admin/analytics/markers/{id}")
                .getJsonObject("delete")
                .getJsonObject("responses");
        assertTrue(removeMarker.containsKey("204"), removeMarker.toString());
        assertTrue(!removeMarker.getJsonObject("204").containsKey("content"), "204 has no body: " + removeMarker);
        assertTrue(removeMarker.containsKey("404"), "an unknown marker is a problem: " + removeMarker);

        JsonObject report = paths.getJsonObject("/api/v1/admin/analytics/reports/dashboard.pdf")
                .getJsonObject("get")
                .getJsonObject("responses");
        JsonObject pdf = report.getJsonObject("200").getJsonObject("content").getJsonObject("application/pdf");
        assertEquals("string", pdf.getJsonObject("schema").getString("type"), report.toString());
        assertEquals("binary", pdf.getJsonObject("schema").getString("format"), report.toString());
        // Payara lends a string schema the description of another component (AdminSurvey's) unless it has its own
        assertEquals("The PDF file", pdf.getJsonObject("schema").getString("description"), report.toString());
        JsonObject export = paths.getJsonObject("/api/v1/admin/analytics/exports/responses")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content");
        assertEquals(
                "The CSV file",
                export.getJsonObject("text/csv").getJsonObject("schema").getString("description"),
                export.toString());
        assertTrue(report.containsKey("400"), "bad filters are a problem: " + report);
    }

    @Test
    void anArrayAnswerRefersToItsRecordsSchema() {
        JsonObject issued = openApi()
                .getJsonObject("paths")
                .getJsonObject("/api/v1/admin/surveys/{slug}/invitations")
                .getJsonObject("post")
                .getJsonObject("responses")
                .getJsonObject("201")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema");
        assertEquals("array", issued.getString("type"), issued.toString());
        assertEquals(
                "#/components/schemas/IssuedInvitation",
                issued.getJsonObject("items").getString("$ref"),
                issued.toString());
        assertTrue(!issued.containsKey("properties"), "the record's properties are not on the array: " + issued);
    }

    @Test
    void creatingAndReplacingACustomerShareTheirAnswersDeclaredOnce() {
        JsonObject document = openApi();
        JsonObject paths = document.getJsonObject("paths");
        for (JsonObject responses : List.of(
                paths.getJsonObject("/api/v1/admin/customers")
                        .getJsonObject("post")
                        .getJsonObject("responses"),
                paths.getJsonObject("/api/v1/admin/customers/{externalId}")
                        .getJsonObject("put")
                        .getJsonObject("responses"))) {
            assertEquals(
                    "#/components/responses/CustomerCreated",
                    responses.getJsonObject("201").getString("$ref"),
                    responses.toString());
            assertEquals(
                    "#/components/responses/CustomerReplaced",
                    responses.getJsonObject("200").getString("$ref"),
                    responses.toString());
        }
        JsonObject answers = document.getJsonObject("components").getJsonObject("responses");
        for (String name : List.of("CustomerCreated", "CustomerReplaced")) {
            assertEquals(
                    "#/components/schemas/Customer",
                    answers.getJsonObject(name)
                            .getJsonObject("content")
                            .getJsonObject("application/json")
                            .getJsonObject("schema")
                            .getString("$ref"),
                    answers.toString());
        }
    }

    /** The live OpenAPI document as JSON. */
    private JsonObject openApi() {
        var document = api.get("openapi?format=JSON");
        assertEquals(200, document.statusCode(), document.body());
        return Api.json(document);
    }

    @Test
    void promtoolFindsTheMetricsCleanAndUnknownSurveysAddNoSeries() throws Exception {
        Path promtool = tool(Path.of("/usr/bin/promtool"));
        // Submissions to names no survey has until the rate limit answers (60 a minute per client for all unknown
        // names together), so that their "unknown" and "rate-limit" series exist before counting.
        assertEquals(404, submitTo("no-such-survey").statusCode());
        java.net.http.HttpResponse<String> limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            var answer = submitTo("no-such-survey-warm-" + i);
            if (answer.statusCode() == 429) {
                limited = answer;
            } else {
                assertEquals(404, answer.statusCode());
            }
        }
        assertTrue(limited != null, "unknown names are rate-limited like submissions");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent(), "the 429 says when to retry");
        long before = series(metrics());

        int tooMany = 0;
        for (int i = 0; i < 3_000; i++) {
            int status = submitTo("no-such-survey-" + i).statusCode();
            assertTrue(status == 404 || status == 429, "404 or 429: " + status);
            tooMany += status == 429 ? 1 : 0;
        }
        String after = metrics();
        assertTrue(tooMany > 2_000, "most of 3,000 guesses within seconds are refused by the rate limit: " + tooMany);

        assertEquals(before, series(after), "series after 3,000 submissions to unknown surveys");
        assertTrue(
                after.contains("resonance_submission_handled_total{mp_scope=\"application\",survey=\"unknown\"}"),
                after);
        assertTrue(!after.contains("no-such-survey"), "no series names an unknown survey");
        Path file = WORK.resolve("metrics.txt");
        Files.writeString(file, after);
        Result check = run(List.of(promtool.toString(), "check", "metrics"), file);
        assertEquals("", (check.out() + check.err()).strip(), "promtool check metrics");
        assertEquals(0, check.exit());
    }

    @Test
    void theStandardWebhooksVerifierAcceptsARealDelivery() throws Exception {
        Path node = tool(Path.of("/usr/bin/node"));
        tool(NODE_TOOLS.resolve("node_modules/standardwebhooks/package.json"));
        record Delivery(Map<String, List<String>> headers, String body) {}
        List<Delivery> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Delivery(
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var registered = api.post(
                    "api/v1/admin/webhooks",
                    "{\"url\": \"" + url + "\", \"survey\": \"relationship-nps\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(201, registered.statusCode(), registered.body());
            String secret = Api.json(registered).getString("secret");
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]+={0,2}"), secret);
            var submitted = api.post("api/v1/surveys/relationship-nps/responses", "{\"answers\": {\"nps\": 10}}");
            assertEquals(201, submitted.statusCode(), submitted.body());

            Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> !received.isEmpty());
            Delivery delivery = received.get(0);
            Map<String, String> headers = new java.util.TreeMap<>();
            delivery.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            assertTrue(headers.get("webhook-signature").startsWith("v1,"), headers.toString());
            assertTrue(headers.containsKey("resonance-signature"), "the old header stays for one release");

            Result verified = verify(node, secret, headers, delivery.body());
            assertEquals(0, verified.exit(), verified.out() + verified.err());
            assertTrue(verified.out().contains("\"type\":\"response.created\""), verified.out());
            Result tampered =
                    verify(node, secret, headers, delivery.body().replace("response.created", "response.changed"));
            assertNotEquals(0, tampered.exit(), "a changed body must not verify: " + tampered.out());
        } finally {
            receiver.stop(0);
        }
    }

    private Result verify(Path node, String secret, Map<String, String> headers, String body) throws Exception {
        Path bodyFile = Files.writeString(Files.createTempFile(WORK, "body", ".json"), body);
        Path headerFile = Files.createTempFile(WORK, "headers", ".json");
        var json = Json.createObjectBuilder();
        headers.forEach(json::add);
        Files.writeString(headerFile, json.build().toString());
        String script = """
                const {Webhook} = require('standardwebhooks');
                const fs = require('fs');
                const body = fs.readFileSync(process.argv[1], 'utf8');
                const headers = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
                const payload = new Webhook(process.argv[3]).verify(body, headers);
                console.log(JSON.stringify(payload));
                """;
        return run(List.of(node.toString(), "-e", script, bodyFile.toString(), headerFile.toString(), secret));
    }

    private java.net.http.HttpResponse<String> submitTo(String slug) {
        return api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 9}}");
    }

    private String metrics() {
        var response = api.get("metrics?scope=application");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    static long series(String exposition) {
        return exposition
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .count();
    }

    /** The tool, or a skipped test outside CI; in CI (CI=true) a missing tool fails the test. */
    static Path tool(Path path) {
        if (Files.isRegularFile(path) || Files.isSymbolicLink(path)) {
            return path;
        }
        String hint = path + " is missing: apt-get install prometheus (promtool), npm ci --prefix .ci/node";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(hint);
        }
        Assumptions.abort(hint);
        return path;
    }

    record Result(int exit, String out, String err) {}

    static Result run(List<String> command) throws Exception {
        return run(command, null);
    }

    static Result run(List<String> command, Path stdin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(NODE_TOOLS.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Path out = Files.createTempFile(WORK, "out", ".txt");
        Path err = Files.createTempFile(WORK, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within three minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
