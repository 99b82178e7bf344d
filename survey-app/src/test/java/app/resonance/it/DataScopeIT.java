package app.resonance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles scoped to data, endpoint by endpoint: a support lead limited to the demo's segment Business (it has tasks and alerts) calls every
 * admin operation of the OpenAPI document, and each row of the table says what must happen. Admin-only operations
 * answer 403 (the role); configuration without customer data answers 200; lists and figures over every customer that
 * cannot be cut to a segment answer 403 {@code outside-data-scope}; everything else answers exactly what the admin
 * gets for that segment (figures) or only records of that segment (lists), records of other segments are
 * 404, and another segment asked for is 403. An operation of the document without a row fails the test, so that a new
 * endpoint cannot ship without deciding its data scope.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataScopeIT {

    static final String SCOPE = "business";
    static final String OTHER = "enterprise-dach";
    static final String SURVEY = "relationship-nps";
    static final String PASSWORD = "scoped-lead-password-1";

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    Api api;
    String lead;
    String leadAuth;
    long scopeId;
    long surveyId;

    @BeforeEach
    void limitedLead() {
        api = new Api(base);
        lead = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post(
                "api/v1/admin/users",
                "{\"username\":\"" + lead + "\",\"displayName\":\"Business lead\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"SUPPORT_LEAD\",\"segments\":[\"" + SCOPE + "\"]}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                List.of(SCOPE),
                Api.json(created).getJsonArray("segments").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        leadAuth = Api.basic(lead, PASSWORD);
        scopeId = Api.count("SELECT id FROM segment WHERE segment_key = ?", SCOPE);
        surveyId = Api.count("SELECT id FROM survey WHERE slug = ?", SURVEY);
    }

    // ---- requests ----

    HttpResponse<String> asLead(String method, String path, String body) {
        return send(method, path, body, leadAuth);
    }

    HttpResponse<String> asAdmin(String method, String path, String body) {
        return send(method, path, body, Api.admin());
    }

    private HttpResponse<String> send(String method, String path, String body, String auth) {
        String[] headers = {"Authorization", auth, "Accept-Language", "en"};
        return switch (method) {
            case "GET" -> api.get(path, headers);
            case "DELETE" -> api.delete(path, headers);
            case "POST" -> api.post(path, body == null ? "{}" : body, headers);
            case "PUT" -> api.put(path, body == null ? "{}" : body, headers);
            case "PATCH" -> api.patch(path, "application/json", body == null ? "{}" : body, headers);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /**
     * The path of an operation with every path parameter filled in ({@code {slug}} the demo's survey, ids of nothing,
     * so that a write the role may make changes nothing).
     */
    static String filled(String path) {
        return path.replaceFirst("^/", "")
                .replace("{slug}", SURVEY)
                .replace("{key}", SCOPE)
                .replace("{externalId}", "C-00001")
                .replace("{username}", "admin")
                .replaceAll("\\{[a-zA-Z]+}", "999999");
    }

    // ---- the kinds of rows ----

    /** Not for the role at all (admin-only; web.xml): 403 before anything runs. */
    Consumer<String> role() {
        return op -> {
            String[] parts = op.split(" ");
            var answer = asLead(parts[0], filled(parts[1]), "{}");
            assertEquals(403, answer.statusCode(), op + ": " + answer.body());
            assertFalse(answer.body().contains("outside-data-scope"), op + " is refused by the role");
        };
    }

    /** Configuration without customer data (rules, texts, definitions, one's own tokens): answered. */
    Consumer<String> configuration(String path) {
        return op -> {
            var answer = asLead("GET", path, null);
            assertEquals(200, answer.statusCode(), op + ": " + answer.body());
        };
    }

    /** Company-wide lists and figures that cannot be cut to a segment: 403 outside-data-scope. */
    Consumer<String> refused(String body) {
        return op -> {
            String[] parts = op.split(" ");
            var answer = asLead(parts[0], filled(parts[1]), body);
            assertOutside(op, answer);
        };
    }

    static void assertOutside(String what, HttpResponse<String> answer) {
        assertEquals(403, answer.statusCode(), what + ": " + answer.body());
        assertTrue(answer.body().contains("outside-data-scope"), what + ": " + answer.body());
    }

    /**
     * Figures and lists read through the analytics filters: without a segment the lead gets exactly what the admin
     * gets for that segment, and another segment asked for is refused.
     */
    Consumer<String> sameAsAdminInScope(String path) {
        return op -> {
            String join = path.contains("?") ? "&" : "?";
            var limited = asLead("GET", path, null);
            var admin = asAdmin("GET", path + join + "segment=" + SCOPE, null);
            assertEquals(200, limited.statusCode(), op + ": " + limited.body());
            assertEquals(200, admin.statusCode(), op + " (admin): " + admin.body());
            if (!path.contains(".pdf")) {
                assertEquals(admin.body(), limited.body(), op + ": the lead's answer is the admin's for " + SCOPE);
            }
            assertOutside(op + " for " + OTHER, asLead("GET", path + join + "segment=" + OTHER, null));
        };
    }

    /** A record by id: one of the scope answers 200, one outside it 404 (as if it did not exist). */
    Consumer<String> record(String method, String inside, String outside, String body) {
        return op -> {
            if (inside != null) {
                var in = asLead(method, inside, body);
                assertEquals(200, in.statusCode(), op + " inside: " + in.body());
            }
            var out = asLead(method, outside, body);
            assertEquals(404, out.statusCode(), op + " outside: " + out.body());
        };
    }

    /** A write the role may make that shows no customer data: reachable (the bad body gets 4xx, not 403). */
    Consumer<String> reachableWrite(String body, int expected) {
        return op -> {
            String[] parts = op.split(" ");
            var answer = asLead(parts[0], filled(parts[1]), body);
            assertEquals(expected, answer.statusCode(), op + ": " + answer.body());
        };
    }

    // ---- data from the database behind the app ----

    long responseIn() {
        return Api.count(
                "SELECT MIN(r.id) FROM response r WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND EXISTS"
                        + " (SELECT 1 FROM response_segment s WHERE s.response_id = r.id AND s.segment_id = ?)",
                surveyId,
                scopeId);
    }

    long responseOut() {
        return Api.count(
                "SELECT MIN(r.id) FROM response r WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND NOT EXISTS"
                        + " (SELECT 1 FROM response_segment s WHERE s.response_id = r.id AND s.segment_id = ?)",
                surveyId,
                scopeId);
    }

    String customerOf(long response) {
        return Api.text(
                "SELECT c.external_id FROM customer c JOIN response r ON r.customer_id = c.id WHERE r.id = ?",
                response);
    }

    /** A customer who never answered in the scope's segment (outside it today as well: the demo's attributes stay). */
    String customerOut() {
        return Api.text(
                "SELECT MIN(c.external_id) FROM customer c JOIN response r ON r.customer_id = c.id JOIN response_segment"
                        + " s ON s.response_id = r.id JOIN segment g ON g.id = s.segment_id WHERE g.segment_key = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM response r2 JOIN response_segment s2 ON s2.response_id ="
                        + " r2.id WHERE r2.customer_id = c.id AND s2.segment_id = ?)",
                OTHER,
                scopeId);
    }

    static final String TASK_IN_SCOPE =
            "(COALESCE(f.segment_id, 0) = ? OR EXISTS (SELECT 1 FROM response_segment s WHERE"
                    + " s.response_id = f.response_id AND s.segment_id = ?))";

    long taskIn() {
        return Api.count("SELECT MIN(f.id) FROM follow_up f WHERE " + TASK_IN_SCOPE, scopeId, scopeId);
    }

    long taskOut() {
        return Api.count("SELECT MIN(f.id) FROM follow_up f WHERE NOT " + TASK_IN_SCOPE, scopeId, scopeId);
    }

    // ---- the table ----

    Map<String, Consumer<String>> table() {
        long in = responseIn();
        long out = responseOut();
        assertTrue(in > 0 && out > 0, "the demo has responses in and outside " + SCOPE);
        String customerIn = customerOf(in);
        String customerOut = customerOut();
        assertNotNull(customerOut, "the demo has a customer outside " + SCOPE);
        long taskIn = taskIn();
        long taskOut = taskOut();
        assertTrue(taskIn > 0 && taskOut > 0, "the demo has tasks in and outside " + SCOPE);
        long marker = Api.count("SELECT MIN(id) FROM trend_marker");
        String since = "from=" + java.time.LocalDate.now().minusDays(89) + "&to=" + java.time.LocalDate.now();

        Map<String, Consumer<String>> rows = new LinkedHashMap<>();
        // alert rules: configuration, changed by admins only
        rows.put("GET /api/v1/admin/alert-rules", configuration("api/v1/admin/alert-rules"));
        rows.put(
                "GET /api/v1/admin/alert-rules/{id}",
                configuration("api/v1/admin/alert-rules/" + Api.count("SELECT MIN(id) FROM alert_rule")));
        for (String op : List.of(
                "POST /api/v1/admin/alert-rules",
                "PUT /api/v1/admin/alert-rules/{id}",
                "DELETE /api/v1/admin/alert-rules/{id}",
                "POST /api/v1/admin/alert-rules/{id}/pause",
                "POST /api/v1/admin/alert-rules/{id}/resume")) {
            rows.put(op, role());
        }
        rows.put("GET /api/v1/admin/alerts", alertsOfTheScopeOnly());
        rows.put("POST /api/v1/admin/alerts/segment-check", refused("{}"));
        rows.put("POST /api/v1/admin/alerts/topic-check", refused("{}"));
        // analytics
        rows.put(
                "GET /api/v1/admin/analytics/comments",
                sameAsAdminInScope("api/v1/admin/analytics/comments?survey=" + SURVEY + "&limit=200"));
        rows.put(
                "GET /api/v1/admin/analytics/comments/themes",
                sameAsAdminInScope("api/v1/admin/analytics/comments/themes?survey=" + SURVEY));
        rows.put(
                "GET /api/v1/admin/analytics/exports/responses",
                sameAsAdminInScope("api/v1/admin/analytics/exports/responses?survey=" + SURVEY + "&format=csv"));
        rows.put("GET /api/v1/admin/analytics/markers", configuration("api/v1/admin/analytics/markers"));
        rows.put("POST /api/v1/admin/analytics/markers", reachableWrite("{}", 422));
        rows.put("DELETE /api/v1/admin/analytics/markers/{id}", reachableWrite(null, 404));
        rows.put(
                "GET /api/v1/admin/analytics/markers/{id}/impact",
                sameAsAdminInScope("api/v1/admin/analytics/markers/" + marker + "/impact"));
        rows.put(
                "GET /api/v1/admin/analytics/reports/dashboard.pdf",
                sameAsAdminInScope("api/v1/admin/analytics/reports/dashboard.pdf?survey=" + SURVEY));
        rows.put("POST /api/v1/admin/analytics/rollups/rebuild", role());
        rows.put("GET /api/v1/admin/analytics/segments", onlyTheScopesSegmentCompared(since));
        rows.put(
                "GET /api/v1/admin/analytics/trend",
                sameAsAdminInScope("api/v1/admin/analytics/trend?survey=" + SURVEY + "&" + since));
        rows.put("GET /api/v1/admin/audit", role());
        // contacts
        rows.put(
                "GET /api/v1/admin/contacts/customers/{externalId}",
                record(
                        "GET",
                        "api/v1/admin/contacts/customers/" + customerIn,
                        "api/v1/admin/contacts/customers/" + customerOut,
                        null));
        rows.put("GET /api/v1/admin/contacts/rules", configuration("api/v1/admin/contacts/rules"));
        // customers
        rows.put("GET /api/v1/admin/customers", customersOfTheScopeOnly(customerOut));
        rows.put(
                "GET /api/v1/admin/customers/{externalId}",
                record("GET", "api/v1/admin/customers/" + customerIn, "api/v1/admin/customers/" + customerOut, null));
        for (String op : List.of(
                "POST /api/v1/admin/customers",
                "POST /api/v1/admin/customers/import",
                "PUT /api/v1/admin/customers/{externalId}",
                "PATCH /api/v1/admin/customers/{externalId}")) {
            rows.put(op, role());
        }
        // saved views, digests, share links
        rows.put("GET /api/v1/admin/dashboard-views", configuration("api/v1/admin/dashboard-views"));
        rows.put("POST /api/v1/admin/dashboard-views", viewsNameTheScope());
        // an admin's view over all responses, with a digest: what a limited lead must not pass on
        var allView = asAdmin(
                "POST",
                "api/v1/admin/dashboard-views",
                "{\"name\":\"All responses " + lead + "\",\"survey\":\"" + SURVEY + "\",\"period\":\"LAST_90_DAYS\"}");
        assertEquals(201, allView.statusCode(), allView.body());
        long view = Api.json(allView).getJsonNumber("id").longValue();
        var allDigest = asAdmin(
                "POST",
                "api/v1/admin/dashboard-views/" + view + "/digests",
                "{\"cadence\":\"WEEKLY\",\"weekday\":\"MONDAY\",\"recipients\":[{\"email\":\"cs@example.com\",\"language\":\"en\"}]}");
        assertEquals(201, allDigest.statusCode(), allDigest.body());
        long digest = Api.json(allDigest).getJsonNumber("id").longValue();
        rows.put("GET /api/v1/admin/dashboard-views/{id}", configuration("api/v1/admin/dashboard-views/" + view));
        rows.put("PUT /api/v1/admin/dashboard-views/{id}", op -> {
            var own = asLead(
                    "POST",
                    "api/v1/admin/dashboard-views",
                    "{\"name\":\"Mine " + lead + "\",\"survey\":\"" + SURVEY + "\",\"segment\":\"" + SCOPE
                            + "\",\"period\":\"LAST_90_DAYS\"}");
            assertEquals(201, own.statusCode(), own.body());
            assertOutside(
                    op + " without a segment",
                    asLead(
                            "PUT",
                            "api/v1/admin/dashboard-views/" + Api.json(own).getJsonNumber("id"),
                            "{\"name\":\"Mine " + lead + "\",\"survey\":\"" + SURVEY
                                    + "\",\"period\":\"LAST_90_DAYS\"}"));
        });
        rows.put("DELETE /api/v1/admin/dashboard-views/{id}", reachableWrite(null, 404));
        rows.put(
                "GET /api/v1/admin/dashboard-views/{view}/digests",
                configuration("api/v1/admin/dashboard-views/" + view + "/digests"));
        rows.put(
                "POST /api/v1/admin/dashboard-views/{view}/digests",
                op -> assertOutside(
                        op,
                        asLead(
                                "POST",
                                "api/v1/admin/dashboard-views/" + view + "/digests",
                                "{\"cadence\":\"WEEKLY\",\"weekday\":\"MONDAY\",\"recipients\":[{\"email\":\"lead@example.com\",\"language\":\"en\"}]}")));
        long digestView = view;
        // nor may an admin send a limited user figures beyond their segments by mail
        Api.update("UPDATE app_user SET email = ? WHERE username = ?", lead + "@example.com", lead);
        assertOutside(
                "a digest of all responses to the limited lead",
                asAdmin(
                        "POST",
                        "api/v1/admin/dashboard-views/" + view + "/digests",
                        "{\"cadence\":\"WEEKLY\",\"weekday\":\"MONDAY\",\"recipients\":[{\"user\":\"" + lead
                                + "\"}]}"));
        rows.put(
                "GET /api/v1/admin/dashboard-views/{view}/digests/{id}",
                configuration("api/v1/admin/dashboard-views/" + digestView + "/digests/" + digest));
        rows.put(
                "PUT /api/v1/admin/dashboard-views/{view}/digests/{id}",
                op -> assertOutside(
                        op,
                        asLead(
                                "PUT",
                                "api/v1/admin/dashboard-views/" + digestView + "/digests/" + digest,
                                "{\"cadence\":\"WEEKLY\",\"weekday\":\"MONDAY\",\"recipients\":[{\"email\":\"lead@example.com\",\"language\":\"en\"}]}")));
        rows.put("DELETE /api/v1/admin/dashboard-views/{view}/digests/{id}", reachableWrite(null, 404));
        rows.put("POST /api/v1/admin/dashboard-views/{view}/digests/{id}/send", reachableWrite(null, 404));
        rows.put(
                "GET /api/v1/admin/dashboard-views/{view}/share-links",
                configuration("api/v1/admin/dashboard-views/" + view + "/share-links"));
        rows.put(
                "POST /api/v1/admin/dashboard-views/{view}/share-links",
                op -> assertOutside(
                        op,
                        asLead(
                                "POST",
                                "api/v1/admin/dashboard-views/" + view + "/share-links",
                                "{\"expiresInDays\":7}")));
        rows.put("DELETE /api/v1/admin/dashboard-views/{view}/share-links/{link}", reachableWrite(null, 404));
        rows.put("POST /api/v1/admin/digests/check", role());
        // event rules: configuration
        rows.put("GET /api/v1/admin/event-rules", configuration("api/v1/admin/event-rules"));
        rows.put("GET /api/v1/admin/event-rules/{id}", op -> {
            var answer = asLead("GET", "api/v1/admin/event-rules/999999", null);
            assertEquals(404, answer.statusCode(), op + ": " + answer.body());
        });
        for (String op : List.of(
                "POST /api/v1/admin/event-rules",
                "PUT /api/v1/admin/event-rules/{id}",
                "DELETE /api/v1/admin/event-rules/{id}",
                "POST /api/v1/events")) {
            rows.put(op, role());
        }
        rows.put(
                "GET /api/v1/admin/feedback/customers/{externalId}",
                record(
                        "GET",
                        "api/v1/admin/feedback/customers/" + customerIn,
                        "api/v1/admin/feedback/customers/" + customerOut,
                        null));
        // follow-ups
        rows.put("GET /api/v1/admin/followups", tasksOfTheScopeOnly());
        rows.put("GET /api/v1/admin/followups/effectiveness", refused(null));
        rows.put(
                "GET /api/v1/admin/followups/{id}",
                record("GET", "api/v1/admin/followups/" + taskIn, "api/v1/admin/followups/" + taskOut, null));
        rows.put(
                "PATCH /api/v1/admin/followups/{id}",
                record("PATCH", null, "api/v1/admin/followups/" + taskOut, "{\"status\":\"DONE\"}"));
        rows.put(
                "GET /api/v1/admin/followups/{id}/replies",
                record(
                        "GET",
                        "api/v1/admin/followups/" + taskIn + "/replies",
                        "api/v1/admin/followups/" + taskOut + "/replies",
                        null));
        rows.put(
                "POST /api/v1/admin/followups/{id}/replies",
                record(
                        "POST",
                        null,
                        "api/v1/admin/followups/" + taskOut + "/replies",
                        "{\"subject\":\"Hello\",\"body\":\"Thanks\"}"));
        rows.put(
                "GET /api/v1/admin/followups/{id}/replies/template",
                record(
                        "GET",
                        "api/v1/admin/followups/" + taskIn + "/replies/template",
                        "api/v1/admin/followups/" + taskOut + "/replies/template",
                        null));
        // admin-only areas
        for (String op : List.of(
                "GET /api/v1/admin/login-settings",
                "PUT /api/v1/admin/login-settings",
                "GET /api/v1/admin/notifications",
                "POST /api/v1/admin/notifications",
                "GET /api/v1/admin/notifications/{id}",
                "PUT /api/v1/admin/notifications/{id}",
                "DELETE /api/v1/admin/notifications/{id}",
                "GET /api/v1/admin/notifications/{id}/deliveries",
                "POST /api/v1/admin/notifications/{id}/deliveries/{delivery}/retry",
                "POST /api/v1/admin/notifications/{id}/test",
                "GET /api/v1/admin/privacy/customers/{externalId}",
                "DELETE /api/v1/admin/privacy/customers/{externalId}",
                "POST /api/v1/admin/privacy/retention/run",
                "PUT /api/v1/admin/privacy/retention/{slug}",
                "GET /api/v1/admin/users",
                "POST /api/v1/admin/users",
                "PUT /api/v1/admin/users/{username}/data-scope",
                "GET /api/v1/admin/webhooks",
                "POST /api/v1/admin/webhooks",
                "DELETE /api/v1/admin/webhooks/{id}",
                "GET /api/v1/admin/webhooks/{id}/deliveries",
                "POST /api/v1/admin/webhooks/{id}/deliveries/{delivery}/retry",
                "POST /api/v1/admin/segments",
                "PUT /api/v1/admin/segments/{key}",
                "POST /api/v1/admin/surveys",
                "POST /api/v1/admin/surveys/{slug}/close",
                "PUT /api/v1/admin/surveys/{slug}/draft",
                "POST /api/v1/admin/surveys/{slug}/invitations",
                "POST /api/v1/admin/surveys/{slug}/publish",
                "POST /api/v1/admin/surveys/{slug}/reopen",
                "POST /api/v1/admin/surveys/{slug}/responses",
                "PUT /api/v1/admin/surveys/{slug}/settings",
                "PUT /api/v1/admin/surveys/{slug}/texts",
                "POST /api/v1/admin/surveys/{slug}/wave-plans",
                "POST /api/v1/admin/surveys/{slug}/waves",
                "POST /api/v1/admin/surveys/{slug}/widget-secret",
                "DELETE /api/v1/admin/surveys/{slug}/widget-secret",
                "POST /api/v1/admin/programmes",
                "PUT /api/v1/admin/programmes/{id}",
                "POST /api/v1/admin/programmes/{id}/end",
                "POST /api/v1/admin/programmes/{id}/pause",
                "POST /api/v1/admin/programmes/{id}/resume",
                "POST /api/v1/admin/suppressions",
                "DELETE /api/v1/admin/suppressions/{id}",
                "POST /api/v1/admin/teams",
                "PUT /api/v1/admin/teams/{id}",
                "DELETE /api/v1/admin/teams/{id}",
                "POST /api/v1/admin/topics",
                "PUT /api/v1/admin/topics/{id}",
                "DELETE /api/v1/admin/topics/{id}")) {
            rows.put(op, role());
        }
        // distribution: company-wide lists and figures
        for (String op : List.of(
                "GET /api/v1/admin/programmes",
                "GET /api/v1/admin/programmes/{id}",
                "GET /api/v1/admin/programmes/{id}/cycles",
                "GET /api/v1/admin/suppressions",
                "GET /api/v1/admin/surveys/{slug}/waves",
                "GET /api/v1/admin/surveys/{slug}/waves/{wave}/respondents",
                "GET /api/v1/admin/surveys/{slug}/wave-plans/{wave}")) {
            rows.put(op, refused(null));
        }
        rows.put("POST /api/v1/admin/surveys/{slug}/wave-plans/preview", role());
        // responses
        rows.put(
                "GET /api/v1/admin/responses/{id}",
                record("GET", "api/v1/admin/responses/" + in, "api/v1/admin/responses/" + out, null));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/responses",
                sameAsAdminInScope("api/v1/admin/surveys/" + SURVEY + "/responses?limit=100"));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/responses/{id}",
                record(
                        "GET",
                        "api/v1/admin/surveys/" + SURVEY + "/responses/" + in,
                        "api/v1/admin/surveys/" + SURVEY + "/responses/" + out,
                        null));
        // segments
        rows.put("GET /api/v1/admin/segments", op -> {
            var answer = asLead("GET", "api/v1/admin/segments", null);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(List.of(SCOPE), keys(Api.parse(answer.body()).asJsonArray(), "key"), op);
        });
        rows.put(
                "GET /api/v1/admin/segments/{key}",
                record("GET", "api/v1/admin/segments/" + SCOPE, "api/v1/admin/segments/" + OTHER, null));
        // surveys: definitions are configuration, their response counts are the scope's
        rows.put("GET /api/v1/admin/surveys", surveyCountsOfTheScope());
        rows.put("GET /api/v1/admin/surveys/{slug}", configuration("api/v1/admin/surveys/" + SURVEY));
        rows.put("GET /api/v1/admin/surveys/{slug}/texts", configuration("api/v1/admin/surveys/" + SURVEY + "/texts"));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/widget-secret",
                configuration("api/v1/admin/surveys/" + SURVEY + "/widget-secret"));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/crosstab",
                sameAsAdminInScope("api/v1/admin/surveys/" + SURVEY + "/crosstab?question=nps&by=plan"));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/crosstab/csv",
                sameAsAdminInScope("api/v1/admin/surveys/" + SURVEY + "/crosstab/csv?question=nps&by=plan"));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/drivers",
                sameAsAdminInScope("api/v1/admin/surveys/" + SURVEY + "/drivers?" + since));
        rows.put(
                "GET /api/v1/admin/surveys/{slug}/matrix",
                sameAsAdminInScope("api/v1/admin/surveys/product-feedback/matrix?question=aspects&" + since));
        // teams and topics: configuration
        rows.put("GET /api/v1/admin/teams", configuration("api/v1/admin/teams"));
        rows.put(
                "GET /api/v1/admin/teams/{id}",
                configuration("api/v1/admin/teams/" + Api.count("SELECT MIN(id) FROM team")));
        rows.put("GET /api/v1/admin/topics", configuration("api/v1/admin/topics"));
        rows.put(
                "GET /api/v1/admin/topics/{id}",
                configuration("api/v1/admin/topics/" + Api.count("SELECT MIN(id) FROM topic")));
        // one's own tokens: a token has the user's scope (the test of the scope through a token is below)
        rows.put("GET /api/v1/admin/tokens", configuration("api/v1/admin/tokens"));
        rows.put("POST /api/v1/admin/tokens", reachableWrite("{}", 422));
        rows.put("DELETE /api/v1/admin/tokens/{id}", reachableWrite(null, 404));
        return rows;
    }

    // ---- rows with checks of their own ----

    Consumer<String> alertsOfTheScopeOnly() {
        return op -> {
            var answer = asLead("GET", "api/v1/admin/alerts?limit=500", null);
            assertEquals(200, answer.statusCode(), answer.body());
            Set<Long> listed = ids(Api.parse(answer.body()).asJsonArray(), "id");
            Set<Long> expected = new TreeSet<>(Api.longs(
                    "SELECT a.id FROM alert a WHERE a.segment_id = ? OR EXISTS (SELECT 1 FROM response_segment s"
                            + " WHERE s.response_id = a.response_id AND s.segment_id = ?) ORDER BY a.created_at DESC,"
                            + " a.id DESC FETCH FIRST 500 ROWS ONLY",
                    scopeId,
                    scopeId));
            assertFalse(expected.isEmpty(), "the demo has alerts in " + SCOPE);
            assertEquals(expected, listed, op);
        };
    }

    Consumer<String> tasksOfTheScopeOnly() {
        return op -> {
            var answer = asLead("GET", "api/v1/admin/followups?limit=500", null);
            assertEquals(200, answer.statusCode(), answer.body());
            Set<Long> listed = ids(Api.parse(answer.body()).asJsonArray(), "id");
            Set<Long> expected =
                    new TreeSet<>(Api.longs("SELECT f.id FROM follow_up f WHERE " + TASK_IN_SCOPE, scopeId, scopeId));
            assertTrue(expected.size() <= 500, "one page holds them");
            assertEquals(expected, listed, op);
        };
    }

    Consumer<String> customersOfTheScopeOnly(String outside) {
        return op -> {
            var limited = Api.json(asLead("GET", "api/v1/admin/customers?limit=500", null));
            var all = Api.json(asAdmin("GET", "api/v1/admin/customers?limit=500", null));
            Set<String> listed = limited.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(c -> c.getString("externalId"))
                    .collect(Collectors.toSet());
            assertFalse(listed.contains(outside), op + ": a customer outside it is not listed");
            assertTrue(
                    limited.getJsonNumber("total").longValue()
                            < all.getJsonNumber("total").longValue(),
                    op);
            String segment =
                    asAdmin("GET", "api/v1/admin/segments/" + SCOPE, null).body();
            assertEquals(
                    Api.json(asAdmin("GET", "api/v1/admin/segments/" + SCOPE, null))
                            .getJsonNumber("customers")
                            .longValue(),
                    limited.getJsonNumber("total").longValue(),
                    op + ": exactly the segment's members: " + segment);
        };
    }

    Consumer<String> onlyTheScopesSegmentCompared(String since) {
        return op -> {
            var answer = asLead("GET", "api/v1/admin/analytics/segments?survey=" + SURVEY + "&" + since, null);
            assertEquals(200, answer.statusCode(), answer.body());
            var rows = Api.json(answer).getJsonArray("segments").getValuesAs(JsonObject.class);
            List<String> keys = new ArrayList<>();
            for (JsonObject row : rows) {
                keys.add(row.isNull("segment") ? null : row.getString("segment"));
            }
            assertEquals(List.of(SCOPE), keys, op + ": no row for all responses, no other segment");
            var admin = Api.json(asAdmin("GET", "api/v1/admin/analytics/segments?survey=" + SURVEY + "&" + since, null))
                    .getJsonArray("segments")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(r -> !r.isNull("segment") && r.getString("segment").equals(SCOPE))
                    .findFirst()
                    .orElseThrow();
            assertEquals(admin, rows.get(0), op + ": the same figures as the admin's row");
        };
    }

    Consumer<String> surveyCountsOfTheScope() {
        return op -> {
            var answer = asLead("GET", "api/v1/admin/surveys", null);
            assertEquals(200, answer.statusCode(), answer.body());
            long shown = Api.parse(answer.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("slug").equals(SURVEY))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("responses")
                    .longValue();
            long expected = Api.count(
                    "SELECT COUNT(*) FROM response r WHERE r.survey_id = ? AND r.status = 'COMPLETE' AND EXISTS"
                            + " (SELECT 1 FROM response_segment s WHERE s.response_id = r.id AND s.segment_id = ?)",
                    surveyId,
                    scopeId);
            assertEquals(expected, shown, op + ": the survey's responses in " + SCOPE);
        };
    }

    Consumer<String> viewsNameTheScope() {
        return op -> {
            String body = "{\"name\":\"%s\",\"survey\":\"" + SURVEY + "\",\"period\":\"LAST_90_DAYS\"%s}";
            assertOutside(
                    op + " without a segment",
                    asLead("POST", "api/v1/admin/dashboard-views", body.formatted("No segment " + lead, "")));
            assertOutside(
                    op + " for " + OTHER,
                    asLead(
                            "POST",
                            "api/v1/admin/dashboard-views",
                            body.formatted("Other " + lead, ",\"segment\":\"" + OTHER + "\"")));
            var own = asLead(
                    "POST",
                    "api/v1/admin/dashboard-views",
                    body.formatted("Own " + lead, ",\"segment\":\"" + SCOPE + "\""));
            assertEquals(201, own.statusCode(), op + ": " + own.body());
        };
    }

    static List<String> keys(jakarta.json.JsonArray array, String field) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString(field))
                .toList();
    }

    static Set<Long> ids(jakarta.json.JsonArray array, String field) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber(field).longValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the tests ----

    @Test
    void everyAdminOperationOfTheOpenApiDocumentKeepsTheLimitOfASegmentScopedLead() {
        var document = Api.json(api.get("openapi", "Accept", "application/json"));
        List<String> documented = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/events")) {
                for (String method : item.asJsonObject().keySet()) {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                    }
                }
            }
        });
        var rows = table();
        List<String> missing =
                documented.stream().filter(op -> !rows.containsKey(op)).sorted().toList();
        List<String> stale = rows.keySet().stream()
                .filter(op -> !documented.contains(op))
                .sorted()
                .toList();
        assertEquals(List.of(), missing, "operations without a row in the data scope table");
        assertEquals(List.of(), stale, "rows for operations the document does not have");

        List<String> failures = new ArrayList<>();
        rows.forEach((op, check) -> {
            try {
                check.accept(op);
            } catch (AssertionError | RuntimeException e) {
                failures.add(op + " -> " + e.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + rows.size() + " operations broke the limit:\n"
                    + String.join("\n", failures));
        }
    }

    @Test
    void aTokenOfTheLeadHasTheLeadsScopeAndAnAdminCannotBeLimited() {
        var token = api.post(
                "api/v1/admin/tokens",
                "{\"name\":\"scoped\",\"scopes\":[\"read:analytics\",\"read:responses\"],\"expiresInDays\":1}",
                "Authorization",
                leadAuth);
        assertEquals(201, token.statusCode(), token.body());
        String bearer = "Bearer " + Api.json(token).getString("token");
        var other =
                api.get("api/v1/admin/analytics/trend?survey=" + SURVEY + "&segment=" + OTHER, "Authorization", bearer);
        assertOutside("a token of the lead asking for " + OTHER, other);
        var own = api.get("api/v1/admin/responses/" + responseOut(), "Authorization", bearer);
        assertEquals(404, own.statusCode(), own.body());

        var admin = api.put(
                "api/v1/admin/users/admin/data-scope",
                "{\"segments\":[\"" + SCOPE + "\"]}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(422, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("\"segments\""), admin.body());
        var unknown = api.put(
                "api/v1/admin/users/" + lead + "/data-scope",
                "{\"segments\":[\"no-such-segment\"]}",
                "Authorization",
                Api.admin());
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("segments[0]"), unknown.body());

        // a hostile body: a null key, too many keys, no list: 422 or 400 naming the field, never a 500
        var nullKey = api.put(
                "api/v1/admin/users/" + lead + "/data-scope", "{\"segments\":[null]}", "Authorization", Api.admin());
        assertEquals(422, nullKey.statusCode(), nullKey.body());
        assertTrue(nullKey.body().contains("segments[0]"), nullKey.body());
        String many = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "\"s" + i + "\"")
                .collect(Collectors.joining(","));
        var tooMany = api.put(
                "api/v1/admin/users/" + lead + "/data-scope",
                "{\"segments\":[" + many + "]}",
                "Authorization",
                Api.admin());
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        var notAList = api.put(
                "api/v1/admin/users/" + lead + "/data-scope",
                "{\"segments\":\"business\"}",
                "Authorization",
                Api.admin());
        assertTrue(notAList.statusCode() == 400 || notAList.statusCode() == 422, notAList.body());
        assertEquals(
                404,
                api.put("api/v1/admin/users/nobody-here/data-scope", "{\"segments\":[]}", "Authorization", Api.admin())
                        .statusCode());

        // lifted: the lead sees all responses again, at once on this instance
        var lifted = api.put(
                "api/v1/admin/users/" + lead + "/data-scope", "{\"segments\":[]}", "Authorization", Api.admin());
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, Api.json(lifted).getJsonArray("segments"));
        assertEquals(
                200,
                api.get("api/v1/admin/responses/" + responseOut(), "Authorization", bearer)
                        .statusCode());
    }
}
