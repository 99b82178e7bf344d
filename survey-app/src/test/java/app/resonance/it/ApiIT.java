package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The REST API and its persistence, black-box against the built WAR on Payara Micro, once on H2 and
 * once on PostgreSQL (the failsafe executions). The app starts with the demo data loaded.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    static String slug() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates and publishes a survey with an NPS question, a choice, a matrix and a text. */
    String publishedSurvey() {
        String slug = slug();
        var created = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "NPS", "title": {"de": "Umfrage", "en": "Survey"},
                 "questions": [
                   {"id": "nps", "type": "NPS", "text": {"de": "Empfehlen?", "en": "Recommend?"}},
                   {"id": "topic", "type": "SINGLE_CHOICE", "required": false, "text": {"de": "Thema", "en": "Topic"},
                    "options": [{"id": "support", "label": {"de": "Support", "en": "Support"}},
                                {"id": "price", "label": {"de": "Preis", "en": "Price"}}]},
                   {"id": "grid", "type": "MATRIX", "required": false, "text": {"de": "Raster", "en": "Grid"},
                    "options": [{"id": "bad", "label": {"de": "schlecht", "en": "bad"}},
                                {"id": "good", "label": {"de": "gut", "en": "good"}}],
                    "rows": [{"id": "speed", "label": {"de": "Tempo", "en": "Speed"}}]},
                   {"id": "why", "type": "LONG_TEXT", "required": false, "text": {"de": "Warum?", "en": "Why?"}}
                 ]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        var published = api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin());
        assertEquals(200, published.statusCode(), published.body());
        return slug;
    }

    @Test
    void demoDataIsLoadedOnceWithSurveysSegmentsAndAYearOfResponses() {
        var nps = api.get("api/v1/surveys/relationship-nps");
        assertEquals(200, nps.statusCode(), nps.body());
        JsonObject definition = Api.json(nps);
        assertEquals(
                "NPS", definition.getJsonArray("questions").getJsonObject(0).getString("type"));
        assertEquals(10, definition.getJsonArray("questions").getJsonObject(0).getInt("max"));
        assertEquals(200, api.get("api/v1/surveys/post-support-csat").statusCode());
        assertEquals(200, api.get("api/v1/surveys/support-effort-ces").statusCode());

        var segments = api.get("api/v1/admin/segments", "Authorization", Api.admin());
        assertEquals(200, segments.statusCode(), segments.body());
        Set<String> keys = ((JsonArray) Api.parse(segments.body()))
                .getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("key"))
                        .collect(Collectors.toSet());
        assertTrue(
                keys.containsAll(
                        Set.of("business", "starter", "enterprise-dach", "enterprise-international", "onboarding")),
                keys.toString());
        assertEquals(
                22_000,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                                + " WHERE s.slug IN ('relationship-nps', 'post-support-csat', 'support-effort-ces', 'product-feedback')"));
        assertEquals(1, Api.count("SELECT COUNT(*) FROM app_setting WHERE setting_key = 'demo.loaded'"));
    }

    @Test
    void aValidSubmissionIsStoredWithEveryAnswerAndAnswersCreatedWithLocation() {
        String slug = publishedSurvey();
        var response = api.post("api/v1/surveys/" + slug + "/responses", """
                {"answers": {"nps": 9, "topic": "price", "grid": {"speed": "good"}, "why": "Schnell & <b>gut</b>"},
                 "locale": "de"}""");
        assertEquals(201, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/api/v1/admin/responses/"), location);
        long id = Api.json(response).getJsonNumber("id").longValue();

        var stored = Api.json(api.get("api/v1/admin/responses/" + id, "Authorization", Api.admin()));
        assertEquals("COMPLETE", stored.getString("status"));
        assertEquals("de", stored.getString("locale"));
        assertEquals(9, stored.getJsonObject("answers").getInt("nps"));
        assertEquals("price", stored.getJsonObject("answers").getString("topic"));
        assertEquals(
                "good", stored.getJsonObject("answers").getJsonObject("grid").getString("speed"));
        assertEquals("Schnell & <b>gut</b>", stored.getJsonObject("answers").getString("why"));
        assertEquals(4, Api.count("SELECT COUNT(*) FROM answer WHERE response_id = ?", id));
        assertEquals(1, Api.count("SELECT COUNT(*) FROM answer WHERE response_id = ? AND score = 9", id));
    }

    @Test
    void anInvalidSubmissionIsRejectedWholeNamingEachFieldAndStoresNothing() {
        String slug = publishedSurvey();
        long before =
                Api.count("SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug);
        var response = api.post(
                "api/v1/surveys/" + slug + "/responses",
                "{\"answers\": {\"nps\": 11, \"topic\": \"nope\", \"grid\": {\"speed\": \"good\"}, \"extra\": 1}}",
                "Accept-Language",
                "de");
        assertEquals(422, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonObject problem = Api.json(response);
        assertEquals(422, problem.getInt("status"));
        assertEquals("Die Einsendung hat Fehler; es wurde nichts gespeichert.", problem.getString("detail"));
        var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message")));
        assertEquals(Set.of("answers.nps", "answers.topic", "answers.extra"), fields.keySet());
        assertEquals("Wählen Sie einen Wert von 0 bis 10.", fields.get("answers.nps"));
        assertEquals(
                before,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));

        var missing = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"why\": \"no score\"}}");
        assertEquals(422, missing.statusCode());
        assertEquals(
                "answers.nps",
                Api.json(missing).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                "required",
                Api.json(missing).getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    @Test
    void retriesWithTheSameIdempotencyKeyStoreOneResponseEvenWhenConcurrent() throws Exception {
        String slug = publishedSurvey();
        String key = UUID.randomUUID().toString();
        String body = "{\"answers\": {\"nps\": 3, \"why\": \"slow support\"}}";
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Callable<HttpResponse<String>> call = () -> {
                start.await();
                return api.post("api/v1/surveys/" + slug + "/responses", body, "Idempotency-Key", key);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        Set<String> bodies = new java.util.HashSet<>();
        for (var future : futures) {
            HttpResponse<String> response = future.get();
            assertEquals(201, response.statusCode(), response.body());
            bodies.add(response.body());
        }
        pool.shutdown();
        assertEquals(1, bodies.size(), "every retry answers the same body");
        assertEquals(
                1,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));

        var again = api.post("api/v1/surveys/" + slug + "/responses", body, "Idempotency-Key", key);
        assertEquals(201, again.statusCode());
        assertEquals(bodies.iterator().next(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));

        var different = api.post(
                "api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 10}}", "Idempotency-Key", key);
        assertEquals(422, different.statusCode(), different.body());
        assertEquals(
                1,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
    }

    @Test
    void unknownSurveysAre404AndClosedOnes410ForReadingAndSubmitting() {
        var unknown = api.get("api/v1/surveys/does-not-exist");
        assertEquals(404, unknown.statusCode());
        assertEquals("There is no survey 'does-not-exist'.", Api.json(unknown).getString("detail"));
        assertEquals(
                "application/problem+json",
                unknown.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(
                404,
                api.post("api/v1/surveys/does-not-exist/responses", "{\"answers\":{\"nps\":1}}")
                        .statusCode());

        String slug = publishedSurvey();
        // read first, so that a cached open survey must notice the close
        assertEquals(200, api.get("api/v1/surveys/" + slug).statusCode());
        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/close", "", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(410, api.get("api/v1/surveys/" + slug).statusCode());
        var closed = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\":{\"nps\":1}}");
        assertEquals(410, closed.statusCode());
        assertEquals(410, Api.json(closed).getInt("status"));
        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/reopen", "", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                201,
                api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\":{\"nps\":1}}")
                        .statusCode());
    }

    @Test
    void editingAPublishedSurveyCreatesANewVersionAndOldResponsesKeepTheirs() {
        String slug = publishedSurvey();
        var first = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 7}}");
        long firstId = Api.json(first).getJsonNumber("id").longValue();

        var draft = api.put("api/v1/admin/surveys/" + slug + "/draft", """
                {"title": {"de": "Umfrage 2", "en": "Survey 2"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"de": "Neu?", "en": "New?"}},
                               {"id": "rating", "type": "RATING", "max": 4, "text": {"de": "Note", "en": "Grade"}}]}""", "Authorization", Api.admin());
        assertEquals(200, draft.statusCode(), draft.body());
        JsonObject admin = Api.json(draft);
        assertEquals(1, admin.getJsonObject("published").getInt("version"));
        assertEquals(2, admin.getJsonObject("draft").getInt("version"));
        // The public definition is still version 1 until version 2 is published.
        assertEquals(1, Api.json(api.get("api/v1/surveys/" + slug)).getInt("version"));
        assertEquals(
                422,
                api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 7, \"rating\": 3}}")
                        .statusCode());

        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(2, Api.json(api.get("api/v1/surveys/" + slug)).getInt("version"));
        var second = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 8, \"rating\": 4}}");
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(2, Api.json(second).getInt("version"));
        assertEquals(
                422,
                api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 8, \"rating\": 5}}")
                        .statusCode());
        var old = Api.json(api.get("api/v1/admin/responses/" + firstId, "Authorization", Api.admin()));
        assertEquals(1, old.getInt("version"));
        assertEquals(7, old.getJsonObject("answers").getInt("nps"));
    }

    private HttpResponse<String> putTexts(String slug, String contentType, String csv, String authorization) {
        return api.send(api.request("api/v1/admin/surveys/" + slug + "/texts")
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(csv))
                .build());
    }

    @Test
    void translatorsGetTheTextsAsCsvAndTheirFileFillsTheNextDraftOnly() {
        String slug = publishedSurvey();
        var csv = api.get("api/v1/admin/surveys/" + slug + "/texts", "Authorization", ApiIT.viewer());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFkey,de,en,fr,it,es,nl,pl\r\n"), csv.body());
        assertTrue(csv.body().contains("\r\ntopic.option.price,Preis,Price,,,,,\r\n"), csv.body());
        assertTrue(csv.body().contains("\r\ngrid.row.speed,Tempo,Speed,,,,,\r\n"), csv.body());

        String french = "key;fr\ntitle;Enqu\u00eate\nnps.text;Recommander ?\n";
        assertEquals(403, putTexts(slug, "text/csv", french, ApiIT.viewer()).statusCode());
        var put = putTexts(slug, "text/csv; charset=UTF-8", french, Api.admin());
        assertEquals(200, put.statusCode(), put.body());
        JsonObject admin = Api.json(put);
        JsonObject draft = admin.getJsonObject("draft");
        assertEquals(2, draft.getInt("version"), "a published version is not changed: a new draft takes the texts");
        assertEquals("Enqu\u00eate", draft.getJsonObject("title").getString("fr"));
        assertEquals("Umfrage", draft.getJsonObject("title").getString("de"));
        assertEquals(
                "Recommander ?",
                draft.getJsonArray("questions")
                        .getJsonObject(0)
                        .getJsonObject("text")
                        .getString("fr"));
        assertFalse(admin.getJsonObject("published").getJsonObject("title").containsKey("fr"));
        var again = api.get("api/v1/admin/surveys/" + slug + "/texts", "Authorization", Api.admin());
        assertTrue(again.body().contains("\r\ntitle,Umfrage,Survey,Enqu\u00eate,,,,\r\n"), again.body());

        var bad = putTexts(slug, "text/csv", "key,fr,pt\nnps.text,x,\nnosuch,y,\n", Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                List.of("columns", "rows[3].key"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        assertEquals(
                "Recommander ?",
                Api.json(api.get("api/v1/admin/surveys/" + slug, "Authorization", Api.admin()))
                        .getJsonObject("draft")
                        .getJsonArray("questions")
                        .getJsonObject(0)
                        .getJsonObject("text")
                        .getString("fr"),
                "a file with an error changes nothing");
        assertEquals(415, putTexts(slug, "application/xml", french, Api.admin()).statusCode());
        assertEquals(
                404, putTexts("no-such-survey", "text/csv", french, Api.admin()).statusCode());
    }

    @Test
    void importedResponsesKeepTheSegmentsTheCustomerHadWhenTheyArrived() {
        String slug = publishedSurvey();
        String customer = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("api/v1/admin/customers", """
                {"externalId": "%s", "name": "Testfirma GmbH", "email": "a@testfirma.example", "plan": "Business",
                 "region": "DE", "lifecycleStage": "Active", "renewalDate": "2027-02-01", "locale": "de"}""".formatted(customer), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        var imported = api.post(
                "api/v1/admin/surveys/" + slug + "/responses", """
                {"answers": {"nps": 4}, "customer": "%s", "submittedAt": "2026-03-01T09:30:00Z", "channel": "EMAIL"}""".formatted(customer), "Authorization", Api.admin());
        assertEquals(201, imported.statusCode(), imported.body());
        long id = Api.json(imported).getJsonNumber("id").longValue();

        // The customer moves to Enterprise; the stored response stays in the Business segment.
        assertEquals(
                200,
                api.put("api/v1/admin/customers/" + customer, """
                {"name": "Testfirma GmbH", "plan": "Enterprise", "region": "DE"}""", "Authorization", Api.admin())
                        .statusCode());
        JsonObject stored = Api.json(api.get("api/v1/admin/responses/" + id, "Authorization", Api.admin()));
        assertEquals("2026-03-01T09:30:00Z", stored.getString("submittedAt"));
        assertEquals("EMAIL", stored.getString("channel"));
        assertEquals(customer, stored.getString("customer"));
        assertEquals(
                List.of("business"),
                stored.getJsonArray("segments").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        var later = api.post(
                "api/v1/admin/surveys/" + slug + "/responses",
                "{\"answers\": {\"nps\": 10}, \"customer\": \"%s\"}".formatted(customer),
                "Authorization",
                Api.admin());
        JsonObject laterStored = Api.json(
                api.get("api/v1/admin/responses/" + Api.json(later).getJsonNumber("id"), "Authorization", Api.admin()));
        assertEquals(
                List.of("enterprise-dach"),
                laterStored.getJsonArray("segments").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());

        var unknownCustomer = api.post(
                "api/v1/admin/surveys/" + slug + "/responses",
                "{\"answers\": {\"nps\": 10}, \"customer\": \"nobody\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, unknownCustomer.statusCode());
        assertEquals(
                "customer",
                Api.json(unknownCustomer)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
    }

    @Test
    void csvImportUpsertsByExternalIdAndAnErrorRowStoresNothing() {
        String prefix = "csv-" + UUID.randomUUID().toString().substring(0, 6);
        String good = "external_id;name;plan;region;renewal_date;industry\n"
                + prefix + "-1;Erste GmbH;Starter;DE;2027-01-15;Retail\n"
                + prefix + "-2;Zweite AG;Business;AT;;Banking\n";
        var imported = api.send(api.request("api/v1/admin/customers/import")
                .header("Authorization", Api.admin())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(good))
                .build());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(2, Api.json(imported).getInt("created"));
        JsonObject first = Api.json(api.get("api/v1/admin/customers/" + prefix + "-1", "Authorization", Api.admin()));
        assertEquals("Retail", first.getJsonObject("attributes").getString("industry"));
        assertEquals("2027-01-15", first.getString("renewalDate"));

        String bad = "external_id,name,plan\n" + prefix + "-1,Erste GmbH,Business\n" + prefix + "-3,,Starter\n";
        var rejected = api.send(api.request("api/v1/admin/customers/import")
                .header("Authorization", Api.admin())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(bad))
                .build());
        assertEquals(422, rejected.statusCode(), rejected.body());
        assertEquals(
                "rows[2].name",
                Api.json(rejected).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                "Starter",
                Api.json(api.get("api/v1/admin/customers/" + prefix + "-1", "Authorization", Api.admin()))
                        .getString("plan"),
                "the valid row of a rejected import is not stored either");
        assertEquals(
                404,
                api.get("api/v1/admin/customers/" + prefix + "-3", "Authorization", Api.admin())
                        .statusCode());
    }

    @Test
    void localAccountsStayOnWithoutSingleSignOnAndOnlyAnAdminSeesTheSetting() {
        // this app has no provider configured: turning the passwords off would lock everybody out
        var state = api.get("api/v1/admin/login-settings", "Authorization", Api.admin());
        assertEquals(200, state.statusCode(), state.body());
        assertEquals(true, Api.json(state).getBoolean("localLogin"));
        assertEquals(false, Api.json(state).getBoolean("singleSignOn"));
        var off = api.put(
                "api/v1/admin/login-settings",
                "{\"localLogin\": false}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(422, off.statusCode(), off.body());
        assertEquals(
                "application/problem+json",
                off.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(off.body().contains("\"field\":\"localLogin\""), off.body());
        assertTrue(off.body().contains("Single Sign-on"), "in the caller's language: " + off.body());
        assertTrue(off.body().contains("Anmeldeeinstellungen"), "the problem names the login settings: " + off.body());
        assertEquals(
                422,
                api.put("api/v1/admin/login-settings", "{}", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                400,
                api.put("api/v1/admin/login-settings", "{\"localLogin\": ", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                200,
                api.get("api/v1/admin/surveys", "Authorization", Api.admin()).statusCode(),
                "passwords still work");
        assertEquals(401, api.get("api/v1/admin/login-settings").statusCode());
    }

    @Test
    void theAdminApiNeedsAnAdminByBasicOrToken() {
        var anonymous = api.get("api/v1/admin/surveys");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").contains("Basic"));
        assertEquals(
                "application/problem+json",
                anonymous.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(
                401,
                api.get("api/v1/admin/surveys", "Authorization", Api.basic("admin", "wrong"))
                        .statusCode());
        assertEquals(401, api.post("api/v1/admin/surveys", "{}").statusCode());

        var token = api.post(
                "api/v1/admin/tokens",
                "{\"name\": \"ci\", \"scopes\": [\"read:analytics\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, token.statusCode(), token.body());
        String secret = Api.json(token).getString("token");
        assertEquals(
                200,
                api.get("api/v1/admin/surveys", "Authorization", "Bearer " + secret)
                        .statusCode());
        assertEquals(
                401,
                api.get("api/v1/admin/surveys", "Authorization", "Bearer " + secret + "x")
                        .statusCode());
    }

    /** Creates a token for the caller; answers the created token's JSON (with the token itself). */
    JsonObject token(String auth, String name, String scopes, int status) {
        var created = api.post(
                "api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"scopes\": [" + scopes + "]}",
                "Authorization",
                auth);
        assertEquals(status, created.statusCode(), created.body());
        return Api.json(created);
    }

    static String bearer(JsonObject token) {
        return "Bearer " + token.getString("token");
    }

    /** The audit entries of an area about one subject, newest first. */
    List<JsonObject> audited(String area, String subject) {
        var audit = api.get("api/v1/admin/audit?area=" + area + "&limit=500", "Authorization", Api.admin());
        assertEquals(200, audit.statusCode(), audit.body());
        return Api.json(audit).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("subject").equals(subject))
                .toList();
    }

    @Test
    void aTokenMayUseOnlyItsScopesAndNeverMoreThanItsUsersRole() {
        String name = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        String reader = bearer(token(Api.admin(), name, "\"read:analytics\"", 201));
        assertEquals(
                200, api.get("api/v1/admin/surveys", "Authorization", reader).statusCode());
        for (String[] call : new String[][] {
            {"POST", "api/v1/admin/surveys", "write:surveys"},
            {"GET", "api/v1/admin/customers?limit=1", "read:responses"},
            {"GET", "api/v1/admin/audit", "admin"},
            {"POST", "api/v1/admin/tokens", "admin"}
        }) {
            var refused = call[0].equals("GET")
                    ? api.get(call[1], "Authorization", reader)
                    : api.post(call[1], "{}", "Authorization", reader);
            assertEquals(403, refused.statusCode(), call[1] + ": " + refused.body());
            assertEquals(
                    "application/problem+json",
                    refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(
                    "This API token lacks the scope " + call[2] + ", which this request needs.",
                    Api.json(refused).getString("detail"));
            assertTrue(
                    refused.headers()
                            .firstValue("WWW-Authenticate")
                            .orElse("")
                            .contains("error=\"insufficient_scope\", scope=\"" + call[2] + "\""),
                    refused.headers().map().toString());
        }

        var beyond = api.post(
                "api/v1/admin/tokens",
                "{\"name\": \"too-much\", \"scopes\": [\"read:analytics\", \"write:surveys\"]}",
                "Authorization",
                viewer());
        assertEquals(422, beyond.statusCode(), beyond.body());
        JsonObject error = Api.json(beyond).getJsonArray("errors").getJsonObject(0);
        assertEquals("scopes", error.getString("field"));
        assertEquals("scopeBeyondRole", error.getString("code"));

        // a viewer's token that somehow carries a write scope still cannot write: the role applies
        JsonObject viewerToken = token(viewer(), name + "-v", "\"read:analytics\"", 201);
        Api.update(
                "UPDATE api_token SET scopes = 'read:analytics write:surveys' WHERE id = ?",
                viewerToken.getJsonNumber("id").longValue());
        var write = api.post(
                "api/v1/admin/surveys",
                "{\"slug\": \"" + name + "\", \"kind\": \"NPS\", \"title\": {\"de\": \"T\", \"en\": \"T\"}}",
                "Authorization",
                bearer(viewerToken));
        assertEquals(403, write.statusCode(), write.body());
        assertEquals(
                200,
                api.get("api/v1/admin/segments", "Authorization", bearer(viewerToken))
                        .statusCode());
    }

    @Test
    void theAdminScopeIsAuditedOnceAMinuteAndTokensAreListedRevokedAndExpire() {
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject created = token(Api.admin(), name, "\"admin\", \"read:analytics\"", 201);
        assertEquals(
                List.of("read:analytics", "admin"),
                created.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        java.time.Instant expires = java.time.Instant.parse(created.getString("expiresAt"));
        assertTrue(
                Math.abs(Duration.between(java.time.Instant.now().plus(Duration.ofDays(90)), expires)
                                .toMinutes())
                        < 5,
                "90 days by default: " + expires);
        String ops = bearer(created);
        assertEquals(200, api.get("api/v1/admin/users", "Authorization", ops).statusCode());
        assertEquals(200, api.get("api/v1/admin/webhooks", "Authorization", ops).statusCode());
        List<JsonObject> used = audited("TOKEN", name);
        assertEquals(
                List.of("adminScopeUsed", "created"),
                used.stream().map(e -> e.getString("action")).toList(),
                "two uses within a minute: one entry");
        assertEquals("admin", used.get(0).getString("actor"));
        assertEquals("GET /api/v1/admin/users", used.get(0).getString("details"));

        var list = api.get("api/v1/admin/tokens", "Authorization", Api.admin());
        assertEquals(200, list.statusCode(), list.body());
        JsonObject listed = ((JsonArray) Api.parse(list.body()))
                .getValuesAs(JsonObject.class).stream()
                        .filter(t -> t.getString("name").equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(list.body()));
        assertEquals(created.getString("expiresAt"), listed.getString("expiresAt"));
        assertTrue(listed.containsKey("lastUsedAt") && !listed.containsKey("token"), listed.toString());

        long id = created.getJsonNumber("id").longValue();
        assertEquals(
                404,
                api.delete("api/v1/admin/tokens/" + id, "Authorization", viewer())
                        .statusCode(),
                "only its owner revokes a token");
        assertEquals(
                204,
                api.delete("api/v1/admin/tokens/" + id, "Authorization", Api.admin())
                        .statusCode());
        assertEquals(401, api.get("api/v1/admin/users", "Authorization", ops).statusCode());
        assertEquals("revoked", audited("TOKEN", name).get(0).getString("action"));

        JsonObject later = token(Api.admin(), name + "-x", "\"read:analytics\"", 201);
        Api.update(
                "UPDATE api_token SET expires_at = created_at - INTERVAL '1' DAY WHERE id = ?",
                later.getJsonNumber("id").longValue());
        var expired = api.get("api/v1/admin/surveys", "Authorization", bearer(later), "Accept-Language", "de");
        assertEquals(401, expired.statusCode(), expired.body());
        assertEquals("urn:resonance:problem:token-expired", Api.json(expired).getString("type"));
        assertTrue(Api.json(expired).getString("detail").startsWith("Dieses API-Token ist abgelaufen"), expired.body());
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));

        var tooLong = api.post(
                "api/v1/admin/tokens",
                "{\"name\": \"long\", \"scopes\": [\"admin\"], \"expiresInDays\": 366}",
                "Authorization",
                Api.admin());
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertEquals(
                "expiresInDays",
                Api.json(tooLong).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aFailedLoginIsAuditedWithTheNameAsTypedAndNeverThePassword() {
        String typed = "eve-" + UUID.randomUUID().toString().substring(0, 6) + "\n<b>admin</b>";
        assertEquals(
                401,
                api.get("api/v1/admin/surveys", "Authorization", Api.basic(typed, "secret-guess"))
                        .statusCode());
        List<JsonObject> entries = audited("LOGIN", typed.replace("\n", "\\u000a"));
        assertEquals(1, entries.size(), "one entry for the failure");
        assertEquals("anonymous", entries.get(0).getString("actor"));
        assertEquals("loginFailed", entries.get(0).getString("action"));
        assertEquals("by HTTP Basic (API)", entries.get(0).getString("details"));
        assertEquals(0, Api.count("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%secret-guess%'"));
    }

    @Test
    void wrongBearerTokensAreCountedAndRepeatedWrongBasicLoginsMakeThatAddressWait() {
        double before = counter(
                api.get("metrics?scope=application").body(), "resonance_login_failures_total", "method=\"bearer\"");
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    api.get("api/v1/admin/surveys", "Authorization", "Bearer rsn_guess" + i)
                            .statusCode());
        }
        double after = counter(
                api.get("metrics?scope=application").body(), "resonance_login_failures_total", "method=\"bearer\"");
        assertEquals(before + 3, after, "every wrong token is counted");

        String name = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            var wrong = api.get("api/v1/admin/surveys", "Authorization", Api.basic(name, "wrong-" + i));
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.headers().firstValue("Retry-After").isEmpty(), "failure " + i + " costs nothing");
        }
        var fifth = api.get("api/v1/admin/surveys", "Authorization", Api.basic(name, "wrong-4"));
        assertEquals(401, fifth.statusCode());
        assertEquals("30", fifth.headers().firstValue("Retry-After").orElse(""), "the fifth failure: wait 30 s");
        var waiting = api.get("api/v1/admin/surveys", "Authorization", Api.basic(name, "wrong-5"));
        assertEquals(401, waiting.statusCode());
        assertTrue(waiting.headers().firstValue("Retry-After").isPresent(), "still waiting");
        assertEquals(
                200,
                api.get("api/v1/admin/surveys", "Authorization", Api.admin()).statusCode(),
                "another name from the same address is not held up");
    }

    @Test
    void optionsAnswers204WithAllowAndNoWadlWhateverTheClientAccepts() {
        List<String> accepts = List.of("", "*/*", "text/plain", "application/vnd.sun.wadl+xml", "application/xml");
        for (String path : List.of("api/v1/surveys/relationship-nps", "api/v1/surveys/relationship-nps/responses")) {
            for (String accept : accepts) {
                var builder = api.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
                if (!accept.isEmpty()) {
                    builder.header("Accept", accept);
                }
                var options = api.send(builder.build());
                String what = "OPTIONS " + path + " Accept " + accept;
                assertEquals(204, options.statusCode(), what + ": " + options.body());
                assertEquals("", options.body(), what);
                String allow = options.headers().firstValue("Allow").orElse("");
                assertTrue(allow.contains("OPTIONS"), what + " Allow: " + allow);
                assertTrue(allow.contains(path.endsWith("responses") ? "POST" : "GET"), what + " Allow: " + allow);
                assertEquals(
                        "nosniff",
                        options.headers().firstValue("X-Content-Type-Options").orElse(""),
                        what);
                assertTrue(
                        options.headers()
                                .firstValue("Content-Security-Policy")
                                .orElse("")
                                .contains("frame-ancestors 'none'"),
                        what);
                assertFalse(
                        options.headers().firstValue("Content-Type").orElse("").contains("wadl"), what);
            }
        }
        var admin = api.send(api.request("api/v1/admin/surveys")
                .header("Authorization", Api.admin())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(204, admin.statusCode(), admin.body());
        assertTrue(admin.headers().firstValue("Allow").orElse("").contains("POST"));
        assertEquals(404, api.get("api/v1/application.wadl").statusCode(), "no WADL document either");
    }

    @Test
    void whateverAClientSendsIsAnsweredWithAProblemNotA500AndRevealsNoServer() {
        String slug = publishedSurvey();
        List<HttpResponse<String>> responses = List.of(
                api.post("api/v1/surveys/" + slug + "/responses", "{not json"),
                api.post("api/v1/surveys/" + slug + "/responses", "[1, 2]"),
                api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 1e400}}"),
                api.post("api/v1/surveys/" + slug + "/responses", "[".repeat(100_000)),
                api.post("api/v1/admin/surveys", "{\"slug\": 5, \"questions\": \"x\"}", "Authorization", Api.admin()),
                api.send(api.request("api/v1/surveys/" + slug).DELETE().build()),
                api.get("api/v1/nothing-here"),
                api.get("no/such/page"),
                api.get("api/v1/admin/customers?limit=100000&sort=name;DROP", "Authorization", Api.admin()),
                api.send(api.request("api/v1/surveys/" + slug + "/responses")
                        .expectContinue(true)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"answers\": {\"why\": \"" + "x".repeat(1_100_000) + "\"}}"))
                        .build()));
        List<Integer> expected = List.of(400, 400, 422, 400, 400, 405, 404, 404, 400, 413);
        for (int i = 0; i < responses.size(); i++) {
            var response = responses.get(i);
            assertEquals(expected.get(i), response.statusCode(), i + ": " + response.body());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    i + ": " + response.body());
            assertFalse(
                    response.body().contains("Exception")
                            || response.body().toLowerCase().contains("payara"),
                    i + ": " + response.body());
            assertTrue(response.headers().firstValue("Server").isEmpty(), "no Server header");
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header");
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertEquals(
                0,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
    }

    /** Finding 9 of the hostile review: what a lenient reader would have stored changed or chosen is refused. */
    @Test
    void aJsonBodyWithMalformedUtf8ADuplicateKeyOrTrailingDataIsRefusedNamingTheProblem() {
        String slug = publishedSurvey();
        String path = "api/v1/surveys/" + slug + "/responses";
        byte[] prefix = "{\"answers\": {\"nps\": 9, \"why\": \"gut".getBytes(StandardCharsets.UTF_8);
        byte[] malformed = java.util.Arrays.copyOf(prefix, prefix.length + 4);
        malformed[prefix.length] = (byte) 0xC3;
        malformed[prefix.length + 1] = '"';
        malformed[prefix.length + 2] = '}';
        malformed[prefix.length + 3] = '}';
        var badUtf8 = api.send(api.request(path)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(malformed))
                .build());
        var duplicate = api.post(path, "{\"answers\": {\"nps\": 9, \"nps\": 0}}");
        var trailing = api.post(path, "{\"answers\": {\"nps\": 9}} {\"answers\": {\"nps\": 0}}");
        var german = api.post(path, "{\"answers\": {\"nps\": 9, \"nps\": 0}}", "Accept-Language", "de");

        assertEquals(400, badUtf8.statusCode(), badUtf8.body());
        assertEquals(
                "The body is not valid UTF-8: the byte sequence at byte " + prefix.length
                        + " is malformed; nothing was stored.",
                Api.json(badUtf8).getString("detail"));
        assertEquals(400, duplicate.statusCode(), duplicate.body());
        assertEquals(
                "The key /answers/nps appears twice in one object; send each key once.",
                Api.json(duplicate).getString("detail"));
        assertEquals(400, trailing.statusCode(), trailing.body());
        assertTrue(Api.json(trailing).getString("detail").startsWith("There is more data after the JSON value"));
        assertEquals(
                "Der Schlüssel /answers/nps kommt in einem Objekt zweimal vor; senden Sie jeden Schlüssel einmal.",
                Api.json(german).getString("detail"));
        for (var response : List.of(badUtf8, duplicate, trailing, german)) {
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertEquals(
                0,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        var clean = api.post(path, "{\"answers\": {\"nps\": 9, \"why\": \"Grüße\"}}\n");
        assertEquals(201, clean.statusCode(), clean.body());
    }

    /** Finding 9: Payara put its default charset into the Content-Type the app read, so this was stored. */
    @Test
    void aJsonBodyDeclaredInAnotherCharsetThanUtf8Is415NamingTheCharset() {
        String slug = publishedSurvey();
        String path = "api/v1/surveys/" + slug + "/responses";
        var latin1 = api.send(api.request(path)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"answers\": {\"nps\": 9, \"why\": \"Gr\u00fc\u00dfe\"}}"
                        .getBytes(StandardCharsets.ISO_8859_1)))
                .build());

        assertEquals(415, latin1.statusCode(), latin1.body());
        assertEquals(
                "application/problem+json",
                latin1.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(Api.json(latin1).getString("detail").contains("ISO-8859-1"), latin1.body());
        assertEquals(
                0,
                Api.count(
                        "SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        var utf8 = api.send(api.request(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"nps\": 9}}", StandardCharsets.UTF_8))
                .build());
        assertEquals(201, utf8.statusCode(), utf8.body());
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        var ready = api.get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", Api.json(ready).getString("status"));
        assertEquals(200, api.get("health/live").statusCode());
        String slug = publishedSurvey();
        api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 10}}");
        api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 12}}");
        var metrics = api.get("metrics?scope=application");
        assertEquals(200, metrics.statusCode());
        assertTrue(
                metrics.body()
                        .contains("resonance_submissions_total{mp_scope=\"application\",outcome=\"accepted\",survey=\""
                                + slug + "\"} 1"),
                metrics.body());
        assertTrue(
                metrics.body()
                        .contains("resonance_submissions_rejected_total{mp_scope=\"application\",reason=\"invalid\"}"),
                metrics.body());
        // the operations gauges: queues are counts and ages that cannot be negative while the database answers
        double backlog = gauge(metrics.body(), "resonance_rollup_backlog");
        assertTrue(backlog >= 0, metrics.body());
        double lag = gauge(metrics.body(), "resonance_rollup_lag_seconds");
        assertTrue(lag >= 0 && lag < 600, "rollup lag " + lag);
        assertTrue(gauge(metrics.body(), "resonance_mail_queued") >= 0);
        assertTrue(gauge(metrics.body(), "resonance_mail_oldest_seconds") >= 0);
        assertTrue(gauge(metrics.body(), "resonance_webhook_events_waiting") >= 0);
        assertTrue(gauge(metrics.body(), "resonance_webhook_deliveries_pending") >= 0);
        double active = gauge(metrics.body(), "resonance_db_connections", "state=\"active\"");
        // H2 reports no connection counts (-1); on PostgreSQL the scrape's own query is an active connection
        assertTrue(active == -1 || active >= 1, "active connections " + active);
        var openapi = api.get("openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(
                openapi.body().contains("/api/v1/surveys/{slug}/responses"),
                openapi.body().substring(0, 500));
        assertNotNull(openapi.body());
    }

    @Test
    void aWebhookReceiverThatIsDownGetsEveryEventOnceSignedWhenItIsBack() throws Exception {
        String slug = publishedSurvey();
        var received = new java.util.concurrent.CopyOnWriteArrayList<String[]>();
        var up = new java.util.concurrent.atomic.AtomicBoolean(false);
        var receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (up.get()) {
                received.add(new String[] {exchange.getRequestHeaders().getFirst("Resonance-Signature"), body});
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            var registered = api.post(
                    "api/v1/admin/webhooks",
                    "{\"url\": \"" + url + "\", \"survey\": \"" + slug + "\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(201, registered.statusCode(), registered.body());
            JsonObject endpoint = Api.json(registered);
            String secret = endpoint.getString("secret");
            String deliveries =
                    "api/v1/admin/webhooks/" + endpoint.getJsonNumber("id").longValue() + "/deliveries";
            var submitted = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 2}}");
            assertEquals(201, submitted.statusCode(), submitted.body());
            long responseId = Api.json(submitted).getJsonNumber("id").longValue();

            await("the first attempt failed against the receiver that is down")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        var list = Api.parse(api.get(deliveries, "Authorization", Api.admin())
                                        .body())
                                .asJsonArray();
                        return !list.isEmpty() && list.getJsonObject(0).getInt("attempts") >= 1;
                    });
            var pending = Api.parse(
                            api.get(deliveries, "Authorization", Api.admin()).body())
                    .asJsonArray()
                    .getJsonObject(0);
            assertEquals("PENDING", pending.getString("status"));
            assertEquals(503, pending.getInt("lastStatus"));

            up.set(true);
            await("delivered once the receiver is back")
                    .atMost(Duration.ofSeconds(40))
                    .until(() -> received.size() == 1);
            // "Only once" is a condition that has to hold for a while: three seconds without a second delivery.
            await("and only once: no second delivery within three seconds")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> received.size() == 1);
            String[] delivery = received.get(0);
            JsonObject event = Api.parse(delivery[1]).asJsonObject();
            assertEquals("response.created", event.getString("type"));
            assertEquals(
                    responseId,
                    event.getJsonObject("response").getJsonNumber("id").longValue());
            assertEquals(
                    2, event.getJsonObject("response").getJsonObject("answers").getInt("nps"));
            String t = delivery[0].substring(2, delivery[0].indexOf(','));
            String v1 = delivery[0].substring(delivery[0].indexOf("v1=") + 3);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals(
                    java.util.HexFormat.of()
                            .formatHex(mac.doFinal(
                                    (t + "." + delivery[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    v1,
                    "signed with the endpoint's secret");
            assertTrue(
                    Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 120, "with a fresh time stamp");
            await("the delivery listed as DELIVERED")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> Api.parse(api.get(deliveries + "?status=DELIVERED", "Authorization", Api.admin())
                                            .body())
                                    .asJsonArray()
                                    .size()
                            == 1);
            // the status filter is a validated parameter like every other list's: 400 naming it, in the request's
            // language
            var lost = api.get(deliveries + "?status=LOST", "Authorization", Api.admin(), "Accept-Language", "de");
            assertEquals(400, lost.statusCode(), lost.body());
            assertEquals(
                    "application/problem+json",
                    lost.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", ""));
            var lostError = Api.json(lost).getJsonArray("errors").getJsonObject(0);
            assertEquals("status", lostError.getString("field"), lost.body());
            assertEquals(
                    "Verwenden Sie einen dieser Werte: PENDING, DELIVERED, FAILED.",
                    lostError.getString("message"),
                    lost.body());
            var all = api.get(deliveries + "?status=", "Authorization", Api.admin());
            assertEquals(200, all.statusCode(), "an empty status lists all: " + all.body());
            assertEquals(1, Api.parse(all.body()).asJsonArray().size(), all.body());
            assertEquals(
                    0,
                    Api.parse(api.get(deliveries + "?status=PENDING", "Authorization", Api.admin())
                                    .body())
                            .asJsonArray()
                            .size());
            var bad = api.post(
                    "api/v1/admin/webhooks", "{\"url\": \"file:///etc/passwd\"}", "Authorization", Api.admin());
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("\"field\":\"url\""), bad.body());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWebhookToAPrivateAddressIsRefusedNamingTheUrl() {
        // the tests allow 127.0.0.1 and localhost only (resonance.webhooks.private-hosts in arquillian.xml); nothing is
        // ever sent
        for (String url : List.of(
                "http://[::1]:5432/",
                "http://127.0.0.2:9/",
                "http://10.0.0.1/hook",
                "http://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/hook",
                "http://[fd00:ec2::254]/hook",
                "http://[::ffff:10.0.0.1]/hook",
                "http://0.0.0.0:8080/hook")) {
            var refused = api.post(
                    "api/v1/admin/webhooks",
                    "{\"url\": \"" + url + "\"}",
                    "Authorization",
                    Api.admin(),
                    "Accept-Language",
                    "en");
            assertEquals(422, refused.statusCode(), url + ": " + refused.body());
            assertEquals(
                    "application/problem+json",
                    refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(refused.body().contains("\"field\":\"url\""), refused.body());
            assertTrue(refused.body().contains("non-public address"), url + ": " + refused.body());
        }
        var german = api.post(
                "api/v1/admin/webhooks",
                "{\"url\": \"http://10.0.0.1/hook\"}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertTrue(german.body().contains("nicht öffentliche Adresse"), german.body());
        var unknown = api.post(
                "api/v1/admin/webhooks",
                "{\"url\": \"https://no-such-host.invalid/hook\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("cannot be resolved"), unknown.body());
        var list = Api.parse(api.get("api/v1/admin/webhooks", "Authorization", Api.admin())
                        .body())
                .asJsonArray();
        assertTrue(
                list.getValuesAs(JsonObject.class).stream()
                        .noneMatch(e -> e.getString("url").contains("10.0.0.1")
                                || e.getString("url").contains("::1")
                                || e.getString("url").contains("169.254")),
                "none was stored: " + list);
    }

    @Test
    void aCustomerCanSeeAndEraseWhatIsStoredAboutThem() {
        var export = api.get("api/v1/admin/privacy/customers/C-00003", "Authorization", Api.admin());
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("personal-data.json"));
        JsonObject data = Api.json(export);
        assertEquals("C-00003", data.getJsonObject("customer").getString("externalId"));
        int responses = data.getJsonArray("responses").size();
        assertTrue(responses > 0, "the demo customer has answered");
        var suppressions = data.getJsonArray("suppressions").getValuesAs(JsonObject.class);
        assertEquals(1, suppressions.size(), "the demo customer unsubscribed: " + suppressions);
        assertEquals("UNSUBSCRIBED", suppressions.get(0).getString("reason"));
        assertEquals("ONE_CLICK", suppressions.get(0).getString("source"));

        var erased = api.send(api.request("api/v1/admin/privacy/customers/C-00003")
                .header("Authorization", Api.admin())
                .DELETE()
                .build());
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(responses, Api.json(erased).getInt("responsesAnonymised"));
        assertEquals(
                404,
                api.get("api/v1/admin/privacy/customers/C-00003", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(0, Api.count("SELECT COUNT(*) FROM customer WHERE external_id = 'C-00003'"));
        assertEquals(
                1,
                Api.count("SELECT COUNT(*) FROM mail_suppression WHERE email LIKE 'feedback+c-00003@%'"
                        + " AND lifted_at IS NULL"),
                "an erased customer's address stays suppressed: a new import of it is not mailed");

        var bad = api.put(
                "api/v1/admin/privacy/retention/relationship-nps", "{\"days\": 0}", "Authorization", Api.admin());
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"days\""), bad.body());
        assertEquals(401, api.get("api/v1/admin/privacy/customers/C-00004").statusCode(), "not without login");
    }

    // Role limits on the admin API: every role reads; only ADMIN changes anything; users and the audit
    // log are ADMIN's alone. The demo's lead (SUPPORT_LEAD) and viewer (VIEWER) log in with the demo password.

    static final String DEMO_PASSWORD = "resonance-demo";

    static String lead() {
        return Api.basic("lead", DEMO_PASSWORD);
    }

    static String viewer() {
        return Api.basic("viewer", DEMO_PASSWORD);
    }

    @Test
    void viewerAndSupportLeadReadSurveysCustomersAndSegments() {
        for (String who : new String[] {lead(), viewer()}) {
            for (String path :
                    new String[] {"api/v1/admin/surveys", "api/v1/admin/customers?limit=3", "api/v1/admin/segments"}) {
                var response = api.get(path, "Authorization", who);
                assertEquals(200, response.statusCode(), path + ": " + response.body());
            }
        }
    }

    @Test
    void viewerAndSupportLeadChangeNothingAndGet403ProblemDetails() {
        String slug = "role-" + UUID.randomUUID().toString().substring(0, 8);
        for (String who : new String[] {lead(), viewer()}) {
            var create = api.post(
                    "api/v1/admin/surveys",
                    "{\"slug\": \"" + slug + "\", \"kind\": \"NPS\", \"title\": {\"de\": \"T\", \"en\": \"T\"}}",
                    "Authorization",
                    who);
            assertEquals(403, create.statusCode(), create.body());
            assertEquals(
                    "application/problem+json",
                    create.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(403, Api.json(create).getInt("status"));
            var segment = api.put(
                    "api/v1/admin/segments/role-test",
                    "{\"name\": {\"de\": \"x\", \"en\": \"x\"}, \"rules\": [{\"attribute\": \"plan\", \"operator\": \"EQUALS\", \"value\": \"x\"}]}",
                    "Authorization",
                    who);
            assertEquals(403, segment.statusCode(), segment.body());
            assertEquals(
                    403, api.get("api/v1/admin/users", "Authorization", who).statusCode());
            assertEquals(
                    403, api.get("api/v1/admin/audit", "Authorization", who).statusCode());
            assertEquals(
                    403,
                    api.get("api/v1/admin/privacy/customers/C-00005", "Authorization", who)
                            .statusCode(),
                    "personal data is for admins only");
            assertEquals(
                    403, api.get("api/v1/admin/webhooks", "Authorization", who).statusCode());
        }
        assertEquals(
                404,
                api.get("api/v1/admin/surveys/" + slug, "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                404,
                api.get("api/v1/admin/segments/role-test", "Authorization", Api.admin())
                        .statusCode());
    }

    @Test
    void anAdminCreatesAUserWhoLogsInWithTheRoleGivenAndTheChangeIsAudited() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post(
                "api/v1/admin/users",
                "{\"username\": \"" + name + "\", \"displayName\": \"Vera\", \"password\": \"a-long-password-1\","
                        + " \"role\": \"VIEWER\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        String auth = Api.basic(name, "a-long-password-1");
        assertEquals(
                200, api.get("api/v1/admin/segments", "Authorization", auth).statusCode());
        assertEquals(403, api.get("api/v1/admin/users", "Authorization", auth).statusCode());

        var audit = api.get("api/v1/admin/audit?area=USER", "Authorization", Api.admin());
        assertEquals(200, audit.statusCode(), audit.body());
        JsonObject entry = Api.json(audit).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("subject").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(audit.body()));
        assertEquals("admin", entry.getString("actor"));
        assertEquals("created", entry.getString("action"));
        assertEquals("role Viewer", entry.getString("details"));
    }

    @Test
    void aBadUserIsRefusedWith422NamingEachField() {
        var response = api.post(
                "api/v1/admin/users",
                "{\"username\": \"Bad Name\", \"displayName\": \"\", \"password\": \"short\", \"role\": \"VIEWER\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, response.statusCode(), response.body());
        JsonArray errors = Api.json(response).getJsonArray("errors");
        var fields = errors.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertTrue(fields.containsAll(java.util.List.of("username", "displayName", "password")), fields.toString());
    }

    @Test
    void segmentChangesAreAuditedWithTheActor() {
        String key = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        var saved = api.put(
                "api/v1/admin/segments/" + key,
                "{\"name\": {\"de\": \"Prüfung\", \"en\": \"Audit\"}, \"rules\": [{\"attribute\": \"plan\","
                        + " \"operator\": \"EQUALS\", \"value\": \"business\"}]}",
                "Authorization",
                Api.admin());
        assertEquals(200, saved.statusCode(), saved.body());
        var audit = api.get("api/v1/admin/audit?area=SEGMENT", "Authorization", Api.admin());
        assertTrue(audit.body().contains("\"subject\":\"" + key + "\""), audit.body());
        assertTrue(audit.body().contains("plan equals business"), audit.body());
        var german = api.get("api/v1/admin/audit?area=SEGMENT", "Authorization", Api.admin(), "Accept-Language", "de");
        assertTrue(german.body().contains("plan ist gleich business"), german.body());
    }

    @Test
    void aWaveInvitesOnceWithinTheContactLimitAndOnlyAdminsSendIt() {
        String id = "wave-" + UUID.randomUUID().toString().substring(0, 8);
        var customer = api.post(
                "api/v1/admin/customers",
                "{\"externalId\": \"" + id + "\", \"name\": \"Wave\", \"email\": \"" + id + "@example.test\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, customer.statusCode(), customer.body());
        String wave = "{\"customers\": [\"" + id + "\"], \"reminderDays\": 3}";
        assertEquals(
                403,
                api.post("api/v1/admin/surveys/relationship-nps/waves", wave, "Authorization", lead())
                        .statusCode());

        var first = api.post("api/v1/admin/surveys/relationship-nps/waves", wave, "Authorization", Api.admin());
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(1, Api.json(first).getInt("invited"));
        assertEquals(0, Api.json(first).getInt("skippedRecentlyContacted"));
        assertEquals(
                2,
                Api.count("SELECT COUNT(*) FROM mail_outbox m JOIN invitation i ON i.id = m.invitation_id"
                        + " JOIN customer c ON c.id = i.customer_id WHERE c.external_id = '" + id + "'"),
                "the invitation and its reminder are queued");

        var second = api.post("api/v1/admin/surveys/post-support-csat/waves", wave, "Authorization", Api.admin());
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(0, Api.json(second).getInt("invited"), "contacted within the limit, by any survey");
        assertEquals(1, Api.json(second).getInt("skippedRecentlyContacted"));
        var history = Api.json(api.get("api/v1/admin/contacts/customers/" + id, "Authorization", viewer()))
                .getJsonArray("events");
        assertEquals(2, history.size(), history.toString());
        assertEquals("post-support-csat", history.getJsonObject(0).getString("survey"));
        assertEquals("TRANSACTIONAL", history.getJsonObject(0).getString("contactKind"));
        assertEquals("SKIPPED", history.getJsonObject(0).getString("what"));
        assertEquals("WAVE", history.getJsonObject(0).getString("channel"));
        assertEquals("CONTACTED_RECENTLY", history.getJsonObject(0).getString("reason"));
        assertEquals("INVITED", history.getJsonObject(1).getString("what"));

        // 45 days later the overall limit is over, the relationship survey's own limit of 90 days is not.
        try (var c = Api.database();
                var s = c.prepareStatement("UPDATE invitation SET created_at = created_at - INTERVAL '45' DAY"
                        + " WHERE customer_id = (SELECT id FROM customer WHERE external_id = ?)")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        var again = api.post("api/v1/admin/surveys/product-feedback/waves", wave, "Authorization", Api.admin());
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(0, Api.json(again).getInt("invited"), "a relationship survey within 90 days of the last");
        var transactional =
                api.post("api/v1/admin/surveys/post-support-csat/waves", wave, "Authorization", Api.admin());
        assertEquals(1, Api.json(transactional).getInt("invited"), "a transactional survey may ask now");
        var reasons = Api.json(api.get("api/v1/admin/contacts/customers/" + id, "Authorization", Api.admin()))
                .getJsonArray("events")
                .stream()
                .map(e -> e.asJsonObject().getString("what") + " "
                        + e.asJsonObject().getString("survey") + " "
                        + e.asJsonObject().getString("reason", "-"))
                .toList();
        assertEquals(
                List.of(
                        "INVITED post-support-csat -",
                        "SKIPPED product-feedback SAME_KIND_RECENTLY",
                        "SKIPPED post-support-csat CONTACTED_RECENTLY",
                        "INVITED relationship-nps -"),
                reasons);

        var listed = api.get("api/v1/admin/surveys/relationship-nps/waves", "Authorization", viewer());
        assertEquals(200, listed.statusCode(), listed.body());

        // Who answered: the wave just sent reached the one customer, who has not answered; the demo's check-in wave
        // of 120 days ago reached 200, some of whom answered, compared by plan, region and lifecycle stage.
        var waves = (jakarta.json.JsonArray) Api.parse(listed.body());
        long sent = Api.json(first).getJsonNumber("id").longValue();
        var mine = Api.json(api.get(
                "api/v1/admin/surveys/relationship-nps/waves/" + sent + "/respondents", "Authorization", viewer()));
        assertEquals(sent, mine.getJsonNumber("wave").longValue());
        var plan = mine.getJsonArray("dimensions").getJsonObject(0);
        assertEquals("plan", plan.getString("dimension"));
        assertEquals("TOO_FEW", plan.getString("verdict"), "one customer, no answer: nothing to test");
        assertFalse(plan.containsKey("pValue"), "no test, no p-value: " + plan);
        var checkIn = waves.stream()
                .map(w -> w.asJsonObject())
                .filter(w -> w.getString("audience").equals("selection:200"))
                .findFirst()
                .orElseThrow();
        var mix = Api.json(api.get(
                "api/v1/admin/surveys/relationship-nps/waves/" + checkIn.getJsonNumber("id") + "/respondents",
                "Authorization",
                lead()));
        for (var dimension : mix.getJsonArray("dimensions")) {
            var groups = dimension.asJsonObject().getJsonArray("groups");
            assertEquals(
                    200,
                    groups.stream()
                            .mapToLong(g ->
                                    g.asJsonObject().getJsonNumber("reached").longValue())
                            .sum());
            assertEquals(
                    checkIn.getInt("answered"),
                    groups.stream()
                            .mapToLong(g ->
                                    g.asJsonObject().getJsonNumber("answered").longValue())
                            .sum(),
                    dimension.toString());
        }
        var elsewhere = api.get(
                "api/v1/admin/surveys/post-support-csat/waves/" + sent + "/respondents", "Authorization", viewer());
        assertEquals(404, elsewhere.statusCode(), "a wave of another survey");
        assertTrue(elsewhere.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        var bad = api.post(
                "api/v1/admin/surveys/relationship-nps/waves",
                "{\"segment\": \"no-such-segment\", \"reminderDays\": 99}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"field\":\"segment\""), bad.body());
        assertTrue(bad.body().contains("\"field\":\"reminderDays\""), bad.body());
    }

    // Customers: PUT replaces the whole customer, PATCH (JSON Merge Patch) changes only what it names.

    static final String MERGE_PATCH = "application/merge-patch+json";

    /** A new customer with every field and two attributes; answers its external id. */
    private String fullCustomer() {
        String id = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("api/v1/admin/customers", """
                {"externalId": "%s", "name": "Voll GmbH", "email": "info@voll.example", "plan": "Business",
                 "region": "DE", "lifecycleStage": "Active", "renewalDate": "2027-02-01", "locale": "de",
                 "attributes": {"industry": "Retail", "seats": "40"}}""".formatted(id), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    private JsonObject customer(String id) {
        var response = api.get("api/v1/admin/customers/" + id, "Authorization", Api.admin());
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsItNamesAndNullClearsOne() {
        String id = fullCustomer();
        var patched = api.patch(
                "api/v1/admin/customers/" + id,
                MERGE_PATCH,
                "{\"plan\": \"Enterprise\", \"email\": null, \"attributes\": {\"seats\": null, \"tier\": \"gold\"}}",
                "Authorization",
                Api.admin());
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(
                "application/json",
                patched.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject stored = customer(id);
        assertEquals(Api.json(patched), stored, "the answer is the stored customer");
        assertEquals("Enterprise", stored.getString("plan"));
        assertFalse(stored.containsKey("email"), stored.toString());
        assertEquals("Voll GmbH", stored.getString("name"));
        assertEquals("DE", stored.getString("region"));
        assertEquals("Active", stored.getString("lifecycleStage"));
        assertEquals("2027-02-01", stored.getString("renewalDate"));
        assertEquals("de", stored.getString("locale"));
        assertEquals(Api.parse("{\"industry\": \"Retail\", \"tier\": \"gold\"}"), stored.getJsonObject("attributes"));

        var audit = api.get("api/v1/admin/audit?area=CUSTOMER&limit=500", "Authorization", Api.admin());
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(
                List.of("updated", "created"),
                Api.json(audit).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .filter(e -> e.getString("subject").equals(id))
                        .map(e -> e.getString("action"))
                        .toList(),
                "the patch is audited like any other change");
    }

    @Test
    void aPutReplacesTheWholeCustomer() {
        String id = fullCustomer();
        var replaced = api.put(
                "api/v1/admin/customers/" + id,
                "{\"name\": \"Voll AG\", \"plan\": \"Starter\"}",
                "Authorization",
                Api.admin());
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonObject stored = customer(id);
        assertEquals("Voll AG", stored.getString("name"));
        assertEquals("Starter", stored.getString("plan"));
        for (String cleared : List.of("email", "region", "lifecycleStage", "renewalDate", "locale")) {
            assertFalse(stored.containsKey(cleared), cleared + " left out of the PUT is cleared: " + stored);
        }
        assertEquals(0, stored.getJsonObject("attributes").size(), stored.toString());
    }

    @Test
    void aPatchInAnotherMediaTypeIs415NamingMergePatch() {
        String id = fullCustomer();
        var json = api.patch(
                "api/v1/admin/customers/" + id,
                "application/json",
                "{\"plan\": \"Enterprise\"}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(415, json.statusCode(), json.body());
        assertEquals(
                "application/problem+json",
                json.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(MERGE_PATCH, json.headers().firstValue("Accept-Patch").orElse(""));
        assertTrue(Api.json(json).getString("detail").contains("application/merge-patch+json"), json.body());
        assertTrue(Api.json(json).getString("detail").startsWith("Senden Sie die Änderungen"), json.body());
        assertEquals("Business", customer(id).getString("plan"), "nothing changed");
    }

    @Test
    void aPatchWithAnUnknownFieldIs422NamingItAndStoresNothing() {
        String id = fullCustomer();
        var unknown = api.patch(
                "api/v1/admin/customers/" + id,
                MERGE_PATCH,
                "{\"plan\": \"Enterprise\", \"segment\": \"vip\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, unknown.statusCode(), unknown.body());
        JsonObject error = Api.json(unknown).getJsonArray("errors").getJsonObject(0);
        assertEquals("segment", error.getString("field"));
        assertEquals("unknownField", error.getString("code"));
        assertEquals(1, Api.json(unknown).getJsonArray("errors").size(), unknown.body());

        var clearedName = api.patch(
                "api/v1/admin/customers/" + id, MERGE_PATCH, "{\"name\": null}", "Authorization", Api.admin());
        assertEquals(422, clearedName.statusCode(), clearedName.body());
        assertEquals(
                "name",
                Api.json(clearedName).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("Business", customer(id).getString("plan"), "nothing changed");
        assertEquals("Voll GmbH", customer(id).getString("name"), "nothing changed");

        assertEquals(
                404,
                api.patch("api/v1/admin/customers/nobody-" + id, MERGE_PATCH, "{}", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                403,
                api.patch("api/v1/admin/customers/" + id, MERGE_PATCH, "{\"plan\": \"X\"}", "Authorization", viewer())
                        .statusCode(),
                "only admins change customers");
    }

    @Test
    void theCustomerListNamesABadPageOrSortParameter() {
        var page = api.get("api/v1/admin/customers?limit=2&sort=name&order=desc", "Authorization", Api.admin());
        assertEquals(200, page.statusCode(), page.body());
        JsonObject body = Api.json(page);
        assertEquals(0, body.getInt("offset"));
        assertEquals(2, body.getInt("limit"));
        assertEquals(2, body.getJsonArray("items").size());
        assertTrue(body.getJsonNumber("total").longValue() >= 2, page.body());
        List<String> names = body.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name"))
                .toList();
        assertTrue(names.get(0).compareTo(names.get(1)) >= 0, "descending by name: " + names);

        var bad =
                api.get("api/v1/admin/customers?offset=-1&limit=abc&sort=email&order=up", "Authorization", Api.admin());
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(
                List.of("limit", "offset", "order", "sort"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
    }

    @Test
    void invitationsAnswerEachCustomersLinkOnce() {
        String slug = publishedSurvey();
        String id = fullCustomer();
        var issued = api.post(
                "api/v1/admin/surveys/" + slug + "/invitations",
                "{\"customers\": [\"" + id + "\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        JsonArray links = Api.parse(issued.body()).asJsonArray();
        assertEquals(1, links.size(), issued.body());
        JsonObject link = links.getJsonObject(0);
        assertEquals(List.of("customer", "link", "path"), List.copyOf(link.keySet()));
        assertEquals(id, link.getString("customer"));
        assertTrue(link.getString("link").endsWith(link.getString("path")), issued.body());
        assertTrue(link.getString("link").startsWith("http"), issued.body());
    }

    @Test
    void theAuditLogNamesABadQueryParameter() {
        var audit = api.get("api/v1/admin/audit?area=WEATHER&limit=abc", "Authorization", Api.admin());
        assertEquals(400, audit.statusCode(), audit.body());
        assertEquals(
                List.of("area", "limit"),
                Api.json(audit).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        var page = api.get("api/v1/admin/audit?limit=1", "Authorization", Api.admin());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Api.json(page).getJsonArray("items").size() <= 1, page.body());
    }

    /** The value of a counter in Prometheus text with the given label, 0 while it has not been counted. */
    private static double counter(String prometheus, String name, String label) {
        var m = java.util.regex.Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$")
                .matcher(prometheus);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    /** The value of a gauge in Prometheus text, with the given extra label if any; fails when it is missing. */
    private static double gauge(String prometheus, String name, String... label) {
        var pattern = java.util.regex.Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$");
        var m = pattern.matcher(prometheus);
        while (m.find()) {
            if (label.length == 0 || m.group(1).contains(label[0])) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " is missing from the metrics:\n" + prometheus);
    }
}
