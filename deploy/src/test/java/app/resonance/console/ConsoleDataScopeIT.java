package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.console.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles scoped to data in the console, page by page: the demo's {@code business-viewer} (a viewer limited to the
 * segment Business) opens every console page, and each row of the table says what must happen. Every customer the
 * page names must be one of the segment's; pages of records outside it show none of them; the pages that would show
 * figures over every customer answer 403; no choice "All responses" is offered. A page of the console without a row
 * fails the test, so that a new page cannot ship without deciding its data scope.
 */
@ExtendWith(ConsoleApp.class)
class ConsoleDataScopeIT {

    static final String USER = "business-viewer";
    static final String SCOPE = "business";
    static final String OTHER = "enterprise-dach";
    static final Path PAGES = Path.of("..", "admin-ui", "src", "main", "resources", "META-INF", "resources", "admin");
    static final Pattern CUSTOMER_ID = Pattern.compile("C-\\d{5}");

    static RawHttp loggedIn(String user, String password) {
        RawHttp http = new RawHttp("127.0.0.1", ConsoleApp.base().getPort());
        var form = http.get("/admin/login.xhtml");
        var login = http.post(
                "/admin/login.xhtml",
                ConsoleSecurityIT.loginFields(user, password, form.state()),
                "Origin",
                "http://127.0.0.1:" + ConsoleApp.base().getPort());
        assertEquals(302, login.status(), login.body());
        return http;
    }

    /** The admin API as the limited viewer (HTTP Basic): what the API lets them see (DataScopeIT checks it). */
    static JsonObject asViewer(String path) {
        try {
            String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
            var answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(60))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((USER + ":" + ConsoleApp.DEMO_PASSWORD)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return Json.createReader(new StringReader("{\"v\":" + answer.body() + "}"))
                    .readObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject admin(String path) {
        var answer = ConsoleApp.adminGet(path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader("{\"v\":" + answer.body() + "}"))
                .readObject();
    }

    /** The customers of the segment today: the viewer's own customer list through the API. */
    static Set<String> customersOfTheScope() {
        Set<String> ids = new TreeSet<>();
        for (int offset = 0; ; offset += 500) {
            JsonObject page = asViewer("api/v1/admin/customers?limit=500&offset=" + offset)
                    .getJsonObject("v");
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(c -> ids.add(c.getString("externalId")));
            if (offset + 500 >= page.getJsonNumber("total").longValue()) {
                return ids;
            }
        }
    }

    static Set<String> customersNamed(String html) {
        Set<String> ids = new TreeSet<>();
        Matcher m = CUSTOMER_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /** A response of the other segment, by the admin's response browser: its id and customer. */
    static JsonObject responseOf(String segment) {
        JsonArray rows = admin("api/v1/admin/surveys/relationship-nps/responses?limit=20&segment=" + segment)
                .getJsonObject("v")
                .getJsonArray("responses");
        return rows.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.containsKey("customer") && !r.isNull("customer"))
                .findFirst()
                .orElseThrow();
    }

    /** A task about a response outside the segment (the demo's onboarding and starter tasks). */
    static long taskOutside() {
        for (JsonObject task :
                admin("api/v1/admin/followups?limit=500").getJsonArray("v").getValuesAs(JsonObject.class)) {
            if (task.isNull("responseId") || task.containsKey("segment") && !task.isNull("segment")) {
                continue;
            }
            var response = admin("api/v1/admin/responses/" + task.getJsonNumber("responseId"))
                    .getJsonObject("v");
            if (!response.getJsonArray("segments").toString().contains("\"" + SCOPE + "\"")) {
                return task.getJsonNumber("id").longValue();
            }
        }
        return fail("the demo has a task outside " + SCOPE);
    }

    @Test
    void everyConsolePageShowsTheLimitedViewerOnlyTheirSegment() throws IOException {
        Set<String> scope = customersOfTheScope();
        assertFalse(scope.isEmpty(), "the segment has customers");
        JsonObject other = responseOf(OTHER);
        String otherCustomer = other.getString("customer");
        assertFalse(scope.contains(otherCustomer), otherCustomer + " is outside " + SCOPE);
        long otherTask = taskOutside();
        RawHttp viewer = loggedIn(USER, ConsoleApp.DEMO_PASSWORD);

        Map<String, Consumer<String>> rows = new LinkedHashMap<>();
        Consumer<String> onlyTheirs = page -> {
            var answer = viewer.get(page);
            assertEquals(200, answer.status(), page + ": " + answer.body());
            Set<String> outside = customersNamed(answer.body()).stream()
                    .filter(id -> !scope.contains(id))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), outside, page + " names customers outside " + SCOPE);
            assertFalse(answer.body().contains(">All responses<"), page + " offers all responses");
        };
        Consumer<String> listsTheirs = page -> {
            onlyTheirs.accept(page);
            assertFalse(customersNamed(viewer.get(page).body()).isEmpty(), page + " lists the segment's customers");
        };
        Consumer<String> refused = page -> {
            var answer = viewer.get(page);
            assertEquals(403, answer.status(), page + ": " + answer.body());
        };
        rows.put("/admin/index.xhtml", onlyTheirs);
        rows.put(
                "/admin/login.xhtml",
                page -> assertEquals(
                        200,
                        new RawHttp("127.0.0.1", ConsoleApp.base().getPort())
                                .get(page)
                                .status()));
        rows.put("/admin/surveys.xhtml", onlyTheirs);
        rows.put("/admin/customers.xhtml", listsTheirs);
        rows.put("/admin/customer.xhtml", page -> {
            onlyTheirs.accept(page + "?id=" + otherCustomer);
            onlyTheirs.accept(page + "?id=" + scope.iterator().next());
            assertTrue(viewer.get(page + "?id=" + scope.iterator().next())
                    .body()
                    .contains(scope.iterator().next()));
        });
        rows.put("/admin/segments.xhtml", page -> {
            onlyTheirs.accept(page);
            var body = viewer.get(page).body();
            assertTrue(body.contains(">Business<") || body.contains("Business"), page + " lists Business");
            assertFalse(body.contains("Enterprise DACH"), page + " lists no other segment");
        });
        rows.put("/admin/dashboard.xhtml", page -> {
            onlyTheirs.accept(page + "?survey=relationship-nps");
            onlyTheirs.accept(page + "?survey=relationship-nps&segment=" + SCOPE);
            // another segment in the address: the console's 403, nothing of it shown
            var other2 = viewer.get(page + "?survey=relationship-nps&segment=" + OTHER);
            assertEquals(403, other2.status(), other2.body());
        });
        rows.put("/admin/views.xhtml", onlyTheirs);
        rows.put("/admin/comments.xhtml", page -> listsTheirs.accept(page + "?survey=relationship-nps"));
        rows.put(
                "/admin/crosstab.xhtml",
                page -> onlyTheirs.accept(page + "?survey=relationship-nps&question=nps&by=plan"));
        rows.put("/admin/drivers.xhtml", page -> onlyTheirs.accept(page + "?survey=relationship-nps"));
        rows.put("/admin/responses.xhtml", page -> listsTheirs.accept(page + "?survey=relationship-nps"));
        rows.put("/admin/response.xhtml", page -> {
            String url = page + "?survey=relationship-nps&id=" + other.getJsonNumber("id");
            onlyTheirs.accept(url);
            assertFalse(viewer.get(url).body().contains(otherCustomer), url);
        });
        rows.put("/admin/followups.xhtml", listsTheirs);
        rows.put("/admin/followup.xhtml", page -> onlyTheirs.accept(page + "?id=" + otherTask));
        rows.put("/admin/effectiveness.xhtml", page -> {
            refused.accept(page);
            assertTrue(
                    viewer.get(page).body().contains("Your account sees only some segments"),
                    page + " says why: the data scope, not the role");
        });
        rows.put("/admin/tokens.xhtml", onlyTheirs);
        // the admin's pages: the role refuses them before any data scope
        try (Stream<Path> manage = Files.list(PAGES.resolve("manage"))) {
            manage.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/admin/manage/" + p.getFileName())
                    .forEach(page -> rows.put(page, refused));
        }

        List<String> pages;
        try (Stream<Path> files = Files.list(PAGES)) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/admin/" + p.getFileName())
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        try (Stream<Path> manage = Files.list(PAGES.resolve("manage"))) {
            manage.filter(p -> p.toString().endsWith(".xhtml"))
                    .forEach(p -> pages.add("/admin/manage/" + p.getFileName()));
        }
        List<String> missing =
                pages.stream().filter(p -> !rows.containsKey(p)).sorted().toList();
        assertEquals(List.of(), missing, "console pages without a row in the data scope table");

        List<String> failures = new ArrayList<>();
        rows.forEach((page, check) -> {
            try {
                check.accept(page);
            } catch (AssertionError | RuntimeException e) {
                failures.add(page + " -> " + e.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + rows.size() + " pages broke the limit:\n" + String.join("\n", failures));
        }
    }
}
