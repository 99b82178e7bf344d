package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics admin API, black-box against the built WAR with the demo loaded (rollups built at
 * start-up), on H2 and on PostgreSQL: trends equal a direct count over the responses in the console's
 * zone, segments compared with significance, markers with before/after, outbox events picked up, and
 * bad parameters named.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/survey-app.war"));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    JsonObject get(String path, String language) {
        var response = api.get(path, "Authorization", Api.admin(), "Accept-Language", language);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void theMonthlyTrendOfASegmentEqualsADirectCountInTheConsolesZone() throws SQLException {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate from = today.withDayOfMonth(1).minusMonths(11);
        JsonObject trend = get(
                "api/v1/admin/analytics/trend?survey=relationship-nps&segment=business&granularity=MONTH&from=" + from
                        + "&to=" + today,
                "en");
        assertEquals("NPS", trend.getString("metric"));
        assertEquals("nps", trend.getString("question"));
        assertEquals("Europe/Berlin", trend.getString("zone"));
        var points = trend.getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(12, points.size());
        for (JsonObject point : points) {
            LocalDate start = LocalDate.parse(point.getString("from"));
            LocalDate end = LocalDate.parse(point.getString("to"));
            long[] direct = npsCounts("relationship-nps", "business", start, end);
            JsonObject figure = point.getJsonObject("figure");
            assertEquals(direct[2], figure.getJsonNumber("responses").longValue(), point.toString());
            if (direct[2] >= 30) {
                assertEquals("SHOWN", figure.getString("visibility"));
                assertEquals(
                        100.0 * (direct[0] - direct[1]) / direct[2],
                        figure.getJsonNumber("value").doubleValue(),
                        1e-9);
                assertTrue(figure.getJsonNumber("marginOfError").doubleValue() > 0);
            } else {
                assertEquals(JsonValue.NULL, figure.get("value"));
            }
        }
        // The Business dip: its worst month is far below its first month. Months with too few responses
        // have no value (the current month early on, e.g. on its first day).
        double first =
                points.get(0).getJsonObject("figure").getJsonNumber("value").doubleValue();
        double worst = points.stream()
                .filter(p -> "SHOWN".equals(p.getJsonObject("figure").getString("visibility")))
                .mapToDouble(
                        p -> p.getJsonObject("figure").getJsonNumber("value").doubleValue())
                .min()
                .orElseThrow();
        assertTrue(first - worst > 25, "dip from " + first + " to " + worst);
    }

    @Test
    void dailyFiguresFromFewResponsesAreNotEnoughResponsesNeverNumbers() {
        LocalDate today = LocalDate.now(BERLIN);
        JsonObject trend = get(
                "api/v1/admin/analytics/trend?survey=support-effort-ces&segment=onboarding&granularity=DAY&from="
                        + today.minusDays(13) + "&to=" + today.minusDays(1),
                "de");
        var points = trend.getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(13, points.size());
        for (JsonObject point : points) {
            JsonObject figure = point.getJsonObject("figure");
            assertEquals("CES", figure.getString("metric"));
            assertEquals("NOT_ENOUGH_RESPONSES", figure.getString("visibility"), point.toString());
            assertEquals(JsonValue.NULL, figure.get("value"));
            assertEquals(JsonValue.NULL, figure.get("marginOfError"));
            assertEquals("Zu wenige Antworten", figure.getString("display"));
        }
    }

    @Test
    void segmentsAreComparedWithThePreviousPeriodAndTheBusinessRecoveryIsSignificant() {
        LocalDate today = LocalDate.now(BERLIN);
        // The last 90 days (recovered) against the 90 before (the check-in calls just started).
        JsonObject comparison = get(
                "api/v1/admin/analytics/segments?survey=relationship-nps&from=" + today.minusDays(89) + "&to=" + today,
                "en");
        assertEquals(today.minusDays(179).toString(), comparison.getString("previousFrom"));
        var rows = comparison.getJsonArray("segments").getValuesAs(JsonObject.class);
        assertEquals(JsonValue.NULL, rows.get(0).get("segment"));
        assertEquals("All responses", rows.get(0).getString("name"));
        Map<String, JsonObject> bySegment =
                rows.stream().skip(1).collect(Collectors.toMap(r -> r.getString("segment"), r -> r));
        assertEquals(
                Set.of("enterprise-dach", "enterprise-international", "business", "starter", "onboarding"),
                bySegment.keySet());
        JsonObject business = bySegment.get("business");
        assertEquals("Business plan", business.getString("name"));
        JsonObject change = business.getJsonObject("change");
        assertTrue(change.getBoolean("significant"), business.toString());
        assertTrue(change.getJsonNumber("difference").doubleValue() > 10, business.toString());
        double current =
                business.getJsonObject("current").getJsonNumber("value").doubleValue();
        double previous =
                business.getJsonObject("previous").getJsonNumber("value").doubleValue();
        assertEquals(current - previous, change.getJsonNumber("difference").doubleValue(), 1e-9);
    }

    @Test
    void aMarkerShowsOnTheTrendAndItsBeforeAfterComparisonSaysTheCallsWorked() {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate callsStarted = today.minusDays(150);
        var created =
                api.post("api/v1/admin/analytics/markers", """
                {"date": "%s", "label": "Check-in calls started", "description": "Every Business customer gets a call",
                 "survey": "relationship-nps", "segment": "business"}""".formatted(callsStarted), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        long id = Api.json(created).getJsonNumber("id").longValue();
        assertEquals("admin", Api.json(created).getString("createdBy"));

        JsonObject trend = get(
                "api/v1/admin/analytics/trend?survey=relationship-nps&segment=business&from=" + today.minusDays(200)
                        + "&to=" + today,
                "en");
        assertEquals("MONTH", trend.getString("granularity"), "without a choice: months, as the console's dashboard");
        assertTrue(
                trend.getJsonArray("markers").getValuesAs(JsonObject.class).stream()
                        .anyMatch(m -> m.getJsonNumber("id").longValue() == id
                                && m.getString("label").equals("Check-in calls started")),
                trend.toString());

        JsonObject impact = get("api/v1/admin/analytics/markers/" + id + "/impact?days=120", "en");
        JsonObject result = impact.getJsonObject("result");
        assertEquals(
                callsStarted.minusDays(120).toString(),
                result.getJsonObject("before").getString("from"));
        assertEquals(callsStarted.toString(), result.getJsonObject("after").getString("from"));
        JsonObject change = result.getJsonObject("change");
        assertTrue(change.getBoolean("significant"), impact.toString());
        assertTrue(change.getJsonNumber("difference").doubleValue() > 0, impact.toString());

        var deleted = api.send(api.request("api/v1/admin/analytics/markers/" + id)
                .header("Authorization", Api.admin())
                .DELETE()
                .build());
        assertEquals(204, deleted.statusCode());
        assertEquals(
                404,
                api.get("api/v1/admin/analytics/markers/" + id + "/impact", "Authorization", Api.admin())
                        .statusCode());
    }

    @Test
    void aResponseEventReachesTheTrendWithinSeconds() throws Exception {
        LocalDate today = LocalDate.now(BERLIN);
        String path = "api/v1/admin/analytics/trend?survey=relationship-nps&metric=NPS&granularity=QUARTER&from="
                + today + "&to=" + today + "&channel=IMPORT";
        long before = get(path, "en")
                .getJsonObject("total")
                .getJsonNumber("responses")
                .longValue();
        var imported = api.post(
                "api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 2}, \"customer\": \"C-00007\", \"channel\": \"IMPORT\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, imported.statusCode(), imported.body());
        long responseId = Api.json(imported).getJsonNumber("id").longValue();
        // The outbox row, as the submission path writes it (written here too: a duplicate changes nothing).
        try (var connection = Api.database();
                var insert = connection.prepareStatement("INSERT INTO response_event (id, response_id, survey_id, kind,"
                        + " occurred_at) SELECT ?, id, survey_id, 'CREATED', ? FROM response WHERE id = ?")) {
            insert.setLong(1, 9_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
            insert.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            insert.setLong(3, responseId);
            assertEquals(1, insert.executeUpdate());
        }
        await("the imported response counted in the trend")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        before + 1,
                        get(path, "en")
                                .getJsonObject("total")
                                .getJsonNumber("responses")
                                .longValue()));
        // The submission's own event and the duplicate may be consumed in different passes.
        await("every event is consumed")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        0,
                        Api.count("SELECT COUNT(*) FROM response_event WHERE response_id = ?", responseId),
                        "every event is consumed"));
        assertEquals(
                before + 1,
                get(path, "en")
                        .getJsonObject("total")
                        .getJsonNumber("responses")
                        .longValue(),
                "the duplicate counted nothing");
    }

    @Test
    void commentsAreSearchedAndCountedByThemeInBothLanguages() {
        JsonObject page = get("api/v1/admin/analytics/comments?survey=relationship-nps&q=Check-in&limit=5", "en");
        assertTrue(page.getJsonNumber("total").longValue() > 20, page.toString());
        var items = page.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(5, items.size());
        for (JsonObject item : items) {
            assertTrue(item.getString("text").toLowerCase().contains("check-in"), item.toString());
            assertEquals("POSITIVE", item.getString("sentiment"));
            assertEquals("COMMUNICATION", item.getJsonArray("themes").getString(0));
            assertTrue(item.getInt("score") >= 9);
        }
        JsonObject themes = get("api/v1/admin/analytics/comments/themes?survey=relationship-nps", "de");
        var support = themes.getJsonArray("themes").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("theme").equals("PRICE"))
                .findFirst()
                .orElseThrow();
        assertEquals("Preis", support.getString("name"));
        long priced = support.getJsonNumber("comments").longValue();
        JsonObject filtered = get("api/v1/admin/analytics/comments?survey=relationship-nps&theme=PRICE&limit=1", "en");
        assertEquals(priced, filtered.getJsonNumber("total").longValue());
        // every language respondents answer in filters (the support survey is offered in seven), no other
        var french = api.get(
                "api/v1/admin/analytics/comments?survey=post-support-csat&locale=fr&limit=1",
                "Authorization",
                Api.admin());
        assertEquals(200, french.statusCode(), french.body());
        var portuguese = api.get(
                "api/v1/admin/analytics/comments?survey=post-support-csat&locale=pt&limit=1",
                "Authorization",
                Api.admin());
        assertEquals(400, portuguese.statusCode(), portuguese.body());
        assertTrue(portuguese.body().contains("de, en, fr, it, es, nl, pl"), portuguese.body());
        // One text question's answers: the product feedback's wish, counted and tagged by topic on its own
        long wishes = Api.count("SELECT COUNT(*) FROM answer a JOIN question q ON q.id = a.question_id"
                + " JOIN response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id"
                + " WHERE s.slug = 'product-feedback' AND q.question_key = 'wish' AND a.text_value IS NOT NULL");
        assertTrue(wishes > 0);
        String allDays = "&from=2000-01-01&to=2100-01-01";
        JsonObject wish =
                get("api/v1/admin/analytics/comments?survey=product-feedback&question=wish&limit=200" + allDays, "en");
        assertEquals(wishes, wish.getJsonNumber("total").longValue());
        wish.getJsonArray("comments")
                .getValuesAs(JsonObject.class)
                .forEach(c -> assertEquals("wish", c.getString("question")));
        JsonObject wishThemes =
                get("api/v1/admin/analytics/comments/themes?survey=product-feedback&question=wish" + allDays, "en");
        assertEquals(wishes, wishThemes.getJsonNumber("comments").longValue(), wishThemes.toString());
        JsonObject everyText = get("api/v1/admin/analytics/comments?survey=product-feedback&limit=1" + allDays, "en");
        assertTrue(everyText.getJsonNumber("total").longValue() >= wishes);
        for (String notText : List.of("aspects", "nosuch")) {
            var refused = api.get(
                    "api/v1/admin/analytics/comments/themes?survey=product-feedback&question=" + notText,
                    "Authorization",
                    Api.admin());
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals(
                    List.of("question"),
                    Api.json(refused).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("field"))
                            .toList());
        }
        // a topic nobody defined is named, not answered with no comments as if there were none on it
        var undefined = api.get(
                "api/v1/admin/analytics/comments?survey=relationship-nps&theme=weather&limit=1",
                "Authorization",
                Api.admin());
        assertEquals(400, undefined.statusCode(), undefined.body());
        assertEquals(
                List.of("theme"),
                Api.json(undefined).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
    }

    @Test
    void adminsDefineTopicsThatTagOldCommentsAtOnceAndOthersOnlyRead() {
        var list = api.get("api/v1/admin/topics", "Authorization", ApiIT.viewer());
        assertEquals(200, list.statusCode(), list.body());
        var keys = Api.parse(list.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("key") + (t.getBoolean("builtIn") ? "" : "*"))
                .toList();
        assertEquals(List.of("SUPPORT", "PRICE", "COMMUNICATION", "PRODUCT_QUALITY"), keys.subList(0, 4));
        assertTrue(keys.contains("WAITING_TIME*"), "the demo admin's topic: " + keys);
        String darkMode = "{\"nameDe\": \"Dunkelmodus\", \"nameEn\": \"Dark mode\", \"keywordsDe\": [\"Dunkelmodus\"],"
                + " \"phrasesEn\": [\"dark mode\"]}";
        assertEquals(
                403,
                api.post("api/v1/admin/topics", darkMode, "Authorization", ApiIT.lead())
                        .statusCode());

        var bad = api.post(
                "api/v1/admin/topics",
                "{\"nameDe\": \" \", \"phrasesEn\": [\"" + "x".repeat(61) + "\"]}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                List.of("nameDe", "nameEn", "phrasesEn", "keywords"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        var created = api.post("api/v1/admin/topics", darkMode, "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("DARK_MODE", Api.json(created).getString("key"));
        String path =
                "api/v1/admin/topics/" + Api.json(created).getJsonNumber("id").longValue();
        try {
            // the product survey's wishes name "Dark mode": tagged at the next read, no rebuild
            JsonObject wishes =
                    get("api/v1/admin/analytics/comments?survey=product-feedback&theme=DARK_MODE&limit=1", "en");
            assertTrue(wishes.getJsonNumber("total").longValue() > 0, wishes.toString());
            assertEquals(
                    "Dark mode",
                    wishes.getJsonArray("comments").getJsonObject(0).getString("text"));

            var changed = api.put(path, darkMode.replace("Dark mode", "Dark theme"), "Authorization", Api.admin());
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals("Dark theme", Api.json(changed).getString("nameEn"));
            assertEquals("DARK_MODE", Api.json(changed).getString("key"));
            assertEquals(
                    409,
                    api.delete("api/v1/admin/topics/1", "Authorization", Api.admin())
                            .statusCode());
        } finally {
            assertEquals(204, api.delete(path, "Authorization", Api.admin()).statusCode());
        }
        assertEquals(404, api.get(path, "Authorization", Api.admin()).statusCode());
    }

    @Test
    void responsesExportAsStreamedCsvAndXlsx() {
        var csv = api.get(
                "api/v1/admin/analytics/exports/responses?survey=support-effort-ces&channel=EMAIL",
                "Authorization",
                Api.admin());
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals(
                "text/csv",
                csv.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(
                "attachment; filename=\"support-effort-ces-responses.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        String[] lines = csv.body().split("\r\n");
        assertEquals(
                "\uFEFFResponse,Submitted (Europe/Berlin),Submitted (UTC),Completion,Channel,Language,Customer,Segments,ces,comment",
                lines[0]);
        long emailed = Api.count("SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                + " WHERE s.slug = 'support-effort-ces' AND r.channel = 'EMAIL'");
        assertEquals(emailed, lines.length - 1);
        String[] first = lines[1].split(",");
        assertTrue(first[1].matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0[12]:00"), lines[1]);
        assertTrue(first[2].matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), lines[1]);
        assertEquals(
                OffsetDateTime.parse(first[1]).toInstant(),
                Instant.parse(first[2]),
                "the same instant in Berlin and in UTC");

        var xlsx =
                api.send(api.request("api/v1/admin/analytics/exports/responses?survey=support-effort-ces&format=xlsx")
                        .header("Authorization", Api.admin())
                        .GET()
                        .build());
        assertEquals(200, xlsx.statusCode());
        assertEquals(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(xlsx.body().startsWith("PK"), "a zip file");

        // The sheet declares its real range, so that streaming readers see every row.
        long all = Api.count("SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                + " WHERE s.slug = 'support-effort-ces'");
        String sheet =
                firstSheet(api.request("api/v1/admin/analytics/exports/responses?survey=support-effort-ces&format=xlsx")
                        .header("Authorization", Api.admin())
                        .GET()
                        .build());
        assertTrue(sheet.contains("<dimension ref=\"A1:J" + (all + 1) + "\"/>"), sheet.substring(0, 400));
        assertEquals(all + 1, sheet.split("<row ").length - 1, "the header and every response");

        var bad = api.get(
                "api/v1/admin/analytics/exports/responses?format=pdf&from=2026-13-01",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(400, bad.statusCode());
        assertEquals(
                Set.of("survey", "format", "from"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .collect(Collectors.toSet()));
    }

    @Test
    void aDetractorBecomesATaskForASupportLeadThatIsWorkedAndClosedWithAResurvey() throws Exception {
        try (var connection = Api.database();
                var insert = connection.prepareStatement("INSERT INTO app_user (id, username, display_name,"
                        + " password_hash, user_role, enabled, created_at)"
                        + " VALUES (7777777, 'it-lead', 'IT Lead', 'unusable', 'SUPPORT_LEAD', TRUE, ?)")) {
            insert.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        var imported = api.post(
                "api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 1, \"reason\": \"=cmd|' /C calc'!A0\"}, \"customer\": \"C-00011\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, imported.statusCode(), imported.body());
        long responseId = Api.json(imported).getJsonNumber("id").longValue();
        JsonObject task = await("a task for the detractor")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            var tasks = api.get("api/v1/admin/followups?customer=C-00011", "Authorization", Api.admin())
                                    .body();
                            var list = ((jakarta.json.JsonArray) Api.parse(tasks)).getValuesAs(JsonObject.class);
                            return list.stream()
                                    .filter(t -> t.get("responseId") instanceof jakarta.json.JsonNumber n
                                            && n.longValue() == responseId)
                                    .findFirst()
                                    .orElse(null);
                        },
                        Objects::nonNull);
        assertTrue(task != null, "a task for the detractor");
        assertEquals("OPEN", task.getString("status"));
        assertEquals("relationship-nps", task.getString("survey"));
        assertTrue(task.getString("title").startsWith("Detractor"), task.toString());
        assertEquals("DETRACTOR", task.getJsonArray("alerts").getJsonObject(0).getString("kind"));
        assertEquals(1, task.getJsonArray("alerts").getJsonObject(0).getInt("score"));
        // it-lead has the fewest open tasks, but C-00011 is a German customer: the demo's Detractor rule routes
        // region DE, AT, CH to the team Enterprise DACH, whose one member is the demo lead
        assertEquals("lead", task.getJsonObject("assignee").getString("username"));
        long id = task.getJsonNumber("id").longValue();

        var worked = api.send(api.request("api/v1/admin/followups/" + id)
                .header("Authorization", Api.admin())
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"status\": \"DONE\", \"note\": \"Called, <b>sorted</b> the invoice.\","
                                        + " \"resurvey\": true, \"dueDate\": \"2030-01-31\"}"))
                .build());
        assertEquals(200, worked.statusCode(), worked.body());
        JsonObject done = Api.json(worked);
        assertEquals("DONE", done.getString("status"));
        assertEquals("2030-01-31", done.getString("dueDate"));
        assertEquals(
                "Called, <b>sorted</b> the invoice.",
                done.getJsonArray("notes").getJsonObject(0).getString("text"));
        assertEquals("admin", done.getJsonArray("notes").getJsonObject(0).getString("author"));
        assertTrue(done.getString("resurveyLink").startsWith("/i/"), done.toString());
        assertFalse(done.getBoolean("overdue"));

        JsonObject customer = get("api/v1/admin/feedback/customers/C-00011", "en");
        assertEquals(1, customer.getJsonObject("latestNps").getInt("score"));
        assertTrue(customer.getJsonArray("history").size() >= 1);
        assertTrue(customer.getJsonArray("followUps").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getJsonNumber("id").longValue() == id));

        var bad = api.send(api.request("api/v1/admin/followups/" + id)
                .header("Authorization", Api.admin())
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"status\": \"MAYBE\", \"assignee\": \"nobody\", \"dueDate\": \"soon\"}"))
                .build());
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(
                Set.of("status", "assignee", "dueDate"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .collect(Collectors.toSet()));
        assertEquals(
                404,
                api.get("api/v1/admin/followups/999999999", "Authorization", Api.admin())
                        .statusCode());
    }

    @Test
    void theBusinessDipRaisesASegmentDeclineAlertOnce() {
        LocalDate asOf = LocalDate.now(BERLIN).minusDays(240);
        var check = api.post(
                "api/v1/admin/alerts/segment-check?asOf=" + asOf + "&days=30", "", "Authorization", Api.admin());
        assertEquals(200, check.statusCode(), check.body());
        assertTrue(Api.json(check).getInt("alerts") >= 1, check.body());
        var again = api.post(
                "api/v1/admin/alerts/segment-check?asOf=" + asOf + "&days=30", "", "Authorization", Api.admin());
        assertEquals(0, Api.json(again).getInt("alerts"), "once per week");
        long business = Api.count("SELECT id FROM segment WHERE segment_key = 'business'");
        assertEquals(
                1, Api.count("SELECT COUNT(*) FROM alert WHERE kind = 'SEGMENT_DECLINE' AND segment_id = ?", business));
        var alerts = ((jakarta.json.JsonArray)
                        Api.parse(api.get("api/v1/admin/alerts?limit=500", "Authorization", Api.admin())
                                .body()))
                .getValuesAs(JsonObject.class);
        JsonObject decline = alerts.stream()
                .filter(a -> a.getString("kind").equals("SEGMENT_DECLINE"))
                .findFirst()
                .orElseThrow();
        assertTrue(decline.getJsonNumber("figure").doubleValue()
                < decline.getJsonNumber("previousFigure").doubleValue());
        assertTrue(decline.getJsonNumber("pValue").doubleValue() < 0.05);
    }

    /**
     * A SEGMENT_TREND rule (relationship-nps, NPS, 30 days, p < 0.01) fires for exactly the segments whose NPS fell
     * with p below 0.01 and at least the rule's minimum of responses in both windows, as direct counts of the answers
     * and the dashboard's z test say, once per segment and period: a second check on the same day and one on
     * another day of the same 30-day block add nothing. A second rule whose minimum lies above one of those
     * segments' windows leaves that segment out; a segment that did not fall significantly never fires.
     */
    @Test
    void aSegmentTrendRuleFiresOncePerQualifyingSegmentAndPeriodOnly() throws SQLException {
        LocalDate asOf = LocalDate.now(BERLIN).minusDays(240);
        int days = 30;
        double level = 0.01;
        Map<Long, long[][]> windows = windows(asOf, days);
        Set<Long> expected = falling(windows, level, 30);
        assertFalse(expected.isEmpty(), "the business dip");
        long tight = expected.stream()
                        .mapToLong(g -> Math.min(windows.get(g)[0][2], windows.get(g)[1][2]))
                        .min()
                        .orElseThrow()
                + 1;
        Set<Long> expectedTight = falling(windows, level, (int) tight);
        assertTrue(expected.size() > expectedTight.size(), "the tighter minimum leaves a segment out");
        Set<Long> steady = new java.util.HashSet<>(windows.keySet());
        steady.removeAll(falling(windows, 0.05, 5));
        assertFalse(steady.isEmpty(), "some segments did not fall significantly");

        long rule = trendRule("Trend 1 %", 30);
        long tightRule = trendRule("Trend 1 %, more responses", tight);
        try {
            var check = api.post(
                    "api/v1/admin/alerts/segment-check?asOf=" + asOf + "&days=30", "", "Authorization", Api.admin());
            assertEquals(200, check.statusCode(), check.body());
            assertEquals(expected, alerted(rule));
            assertEquals(expectedTight, alerted(tightRule));
            for (long segment : expected) {
                assertEquals(
                        1,
                        Api.count(
                                "SELECT COUNT(*) FROM alert a JOIN follow_up f ON f.id = a.follow_up_id"
                                        + " WHERE a.rule_id = ? AND a.segment_id = ? AND a.kind = 'SEGMENT_DECLINE'"
                                        + " AND f.segment_id = ? AND f.status = 'OPEN' AND a.figure < a.previous_figure"
                                        + " AND a.p_value < 0.01",
                                rule,
                                segment,
                                segment),
                        "one alert with its task, segment " + segment);
            }
            LocalDate blockStart = LocalDate.parse(app.resonance.followups.control.SegmentTrends.period(asOf, days)
                    .substring(0, 10));
            LocalDate sameBlock = asOf.equals(blockStart) ? asOf.plusDays(1) : blockStart;
            for (LocalDate day : List.of(asOf, sameBlock)) {
                var again = api.post(
                        "api/v1/admin/alerts/segment-check?asOf=" + day + "&days=30", "", "Authorization", Api.admin());
                assertEquals(200, again.statusCode(), again.body());
            }
            // the other day of the block has windows of its own: a segment falling there fires now, if it has not
            // fired in this block yet; none fires twice
            Map<Long, long[][]> other = windows(sameBlock, days);
            Set<Long> everFalling = new java.util.TreeSet<>(expected);
            everFalling.addAll(falling(other, level, 30));
            Set<Long> everFallingTight = new java.util.TreeSet<>(expectedTight);
            everFallingTight.addAll(falling(other, level, (int) tight));
            assertEquals(everFalling, alerted(rule));
            assertEquals(
                    everFalling.size(),
                    Api.count("SELECT COUNT(*) FROM alert WHERE rule_id = ?", rule),
                    "once per segment and period");
            assertEquals(everFallingTight, alerted(tightRule));
            assertEquals(everFallingTight.size(), Api.count("SELECT COUNT(*) FROM alert WHERE rule_id = ?", tightRule));
            var listed = Api.json(api.get("api/v1/admin/alert-rules/" + rule, "Authorization", ApiIT.viewer()));
            assertEquals(everFalling.size(), listed.getInt("fired"));
            assertEquals(30, listed.getInt("windowDays"));
            assertEquals(0.01, listed.getJsonNumber("significance").doubleValue());
            assertEquals(30, listed.getInt("minResponses"));
        } finally {
            api.delete("api/v1/admin/alert-rules/" + rule, "Authorization", Api.admin());
            api.delete("api/v1/admin/alert-rules/" + tightRule, "Authorization", Api.admin());
        }
    }

    @Test
    void aSegmentTrendRuleWithBadSettingsIsRefusedNamingEachField() {
        var bad = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Trend\", \"kind\": \"SEGMENT_TREND\", \"questionType\": \"TEXT\","
                        + " \"windowDays\": 3, \"significance\": 0.2, \"minResponses\": 2, \"action\": \"NOTIFY\","
                        + " \"channels\": [\"WIDGET\"]}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var errors = Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("questionType", "windowDays", "significance", "minResponses", "channels"),
                errors.stream().map(e -> e.getString("field")).toList());
        assertEquals(
                "Geben Sie eine ganze Zahl von 7 bis 180 an.", errors.get(1).getString("message"));
        assertEquals(
                403,
                api.post(
                                "api/v1/admin/alert-rules",
                                "{\"name\": \"Trend\", \"kind\": \"SEGMENT_TREND\", \"questionType\": \"NPS\"}",
                                "Authorization",
                                ApiIT.lead())
                        .statusCode());
    }

    /** The segments whose NPS fell with p below the level, both windows with at least minimum answers. */
    static Set<Long> falling(Map<Long, long[][]> windows, double level, int minimum) {
        var rules = new app.resonance.analytics.control.ReportingRules(minimum, false);
        Set<Long> falling = new java.util.TreeSet<>();
        windows.forEach((segment, w) -> {
            var change = app.resonance.analytics.control.ChangeTest.compare(
                    app.resonance.analytics.control.Estimator.estimate(
                            app.resonance.analytics.control.Metric.NPS, counts(w[0]), rules),
                    app.resonance.analytics.control.Estimator.estimate(
                            app.resonance.analytics.control.Metric.NPS, counts(w[1]), rules));
            if (change.pValue() != null && change.difference() < 0 && change.pValue() < level) {
                falling.add(segment);
            }
        });
        return falling;
    }

    /** Promoters, detractors and all as score counts (10, 0 and 7 for the passives: NPS reads only the shares). */
    static app.resonance.analytics.control.ScoreCounts counts(long[] w) {
        long[] scores = new long[11];
        scores[10] = w[0];
        scores[0] = w[1];
        scores[7] = w[2] - w[0] - w[1];
        return app.resonance.analytics.control.ScoreCounts.of(scores);
    }

    /** A SEGMENT_TREND rule on relationship-nps (NPS, 30 days, p < 0.01) with this minimum; answers its id. */
    long trendRule(String name, long minimum) {
        var created = api.post(
                "api/v1/admin/alert-rules",
                ("{\"name\": \"%s\", \"kind\": \"SEGMENT_TREND\", \"questionType\": \"NPS\","
                                + " \"surveys\": [\"relationship-nps\"], \"windowDays\": 30, \"significance\": 0.01,"
                                + " \"minResponses\": %d, \"action\": \"TASK\"}")
                        .formatted(name, minimum),
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getJsonNumber("id").longValue();
    }

    /** Per segment: the NPS counts of the window before and of the window of {@code days} days ending on {@code day}. */
    static Map<Long, long[][]> windows(LocalDate day, int days) throws SQLException {
        Map<Long, long[][]> windows = new java.util.TreeMap<>();
        for (long segment : Api.longs("SELECT id FROM segment ORDER BY id")) {
            windows.put(segment, new long[][] {
                npsCounts(segment, day.minusDays(2L * days - 1), day.minusDays(days)),
                npsCounts(segment, day.minusDays(days - 1L), day)
            });
        }
        return windows;
    }

    static Set<Long> alerted(long rule) {
        return new java.util.TreeSet<>(
                Api.longs("SELECT segment_id FROM alert WHERE rule_id = ? ORDER BY segment_id", rule));
    }

    /** Promoters, detractors and all NPS answers of relationship-nps in a segment on the days from..to in Berlin. */
    static long[] npsCounts(long segment, LocalDate from, LocalDate to) throws SQLException {
        String sql =
                "SELECT SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END),"
                        + " COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " JOIN response_segment rs ON rs.response_id = r.id"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " WHERE s.slug = 'relationship-nps' AND q.question_type = 'NPS' AND a.score IS NOT NULL"
                        + " AND rs.segment_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?";
        try (var connection = Api.database();
                var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, segment);
            statement.setObject(
                    2, LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            statement.setObject(
                    3,
                    LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            try (var rs = statement.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /**
     * The dip's comments about waiting for support: the demo admin's topic "Waiting time" takes a far larger share of
     * relationship-nps's comments in the dip than in the month before. The demo ran the check at the end of the dip's
     * first month (its alert is there at start); the check a week later raises one more TOPIC_RISE alert with a task,
     * whose shares equal a direct count of the comments the topic names (by the same matcher).
     */
    @Test
    void theDipsWaitingTimeCommentsRaiseATopicRiseAlertOnce() throws Exception {
        long survey = Api.count("SELECT id FROM survey WHERE slug = 'relationship-nps'");
        long demoAlerts = Api.count(
                "SELECT COUNT(*) FROM alert WHERE kind = 'TOPIC_RISE' AND topic_key = 'WAITING_TIME'"
                        + " AND follow_up_id IS NOT NULL AND survey_id = ?",
                survey);
        assertEquals(1, demoAlerts, "the demo's check, once");
        LocalDate asOf =
                LocalDate.now(BERLIN).minusDays(app.resonance.demo.control.DemoAlertChecks.TOPIC_CHECK_DAYS_AGO - 7);
        var check =
                api.post("api/v1/admin/alerts/topic-check?asOf=" + asOf + "&days=30", "", "Authorization", Api.admin());
        assertEquals(200, check.statusCode(), check.body());
        assertTrue(Api.json(check).getInt("alerts") >= 1, check.body());
        var again =
                api.post("api/v1/admin/alerts/topic-check?asOf=" + asOf + "&days=30", "", "Authorization", Api.admin());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, Api.json(again).getInt("alerts"), "once per survey, topic and week");
        assertEquals(
                2,
                Api.count(
                        "SELECT COUNT(*) FROM alert WHERE kind = 'TOPIC_RISE' AND topic_key = 'WAITING_TIME'"
                                + " AND survey_id = ?",
                        survey));
        assertEquals(
                2,
                Api.count(
                        "SELECT COUNT(*) FROM follow_up f JOIN alert a ON a.follow_up_id = f.id"
                                + " WHERE a.kind = 'TOPIC_RISE' AND a.topic_key = 'WAITING_TIME' AND f.survey_id = ?"
                                + " AND f.status = 'OPEN' AND f.response_id IS NULL",
                        survey));
        var alerts = ((jakarta.json.JsonArray) Api.parse(
                        api.get("api/v1/admin/alerts?limit=500", "Authorization", Api.admin(), "Accept-Language", "de")
                                .body()))
                .getValuesAs(JsonObject.class);
        // The demo's alert (as of the end of the dip's first month) and this check's, a week later, in id order.
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (var c = Api.database();
                var statement = c.prepareStatement("SELECT id FROM alert WHERE kind = 'TOPIC_RISE'"
                        + " AND topic_key = 'WAITING_TIME' AND survey_id = ? ORDER BY id")) {
            statement.setLong(1, survey);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        LocalDate demoAsOf =
                LocalDate.now(BERLIN).minusDays(app.resonance.demo.control.DemoAlertChecks.TOPIC_CHECK_DAYS_AGO);
        for (int i = 0; i < 2; i++) {
            long id = ids.get(i);
            LocalDate end = i == 0 ? demoAsOf : asOf;
            JsonObject rise = alerts.stream()
                    .filter(a -> a.getJsonNumber("id").longValue() == id)
                    .findFirst()
                    .orElseThrow();
            assertEquals("TOPIC_RISE", rise.getString("kind"));
            assertEquals("WAITING_TIME", rise.getString("topic"));
            assertEquals("Anteil eines Themas steigt signifikant", rise.getString("name"));
            assertFalse(rise.containsKey("score"), rise.toString());
            double share = rise.getJsonNumber("figure").doubleValue();
            double before = rise.getJsonNumber("previousFigure").doubleValue();
            assertTrue(share > before, share + " after " + before);
            assertTrue(rise.getJsonNumber("pValue").doubleValue() < 0.05, rise.toString());
            if (i == 1) {
                // this test's check: its shares equal the two windows counted now by the same topic matcher (the
                // demo's check ran at start, before other tests of the shared app added and erased responses)
                assertEquals(waitingTimeShare(survey, end.minusDays(29), end), share, 1e-9, end.toString());
                assertEquals(
                        waitingTimeShare(survey, end.minusDays(59), end.minusDays(30)), before, 1e-9, end.toString());
            }
        }

        var bad = api.post("api/v1/admin/alerts/topic-check?asOf=yesterday&days=500", "", "Authorization", Api.admin());
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(
                java.util.List.of("asOf", "days"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        assertEquals(
                403,
                api.post("api/v1/admin/alerts/topic-check", "", "Authorization", ApiIT.viewer())
                        .statusCode());
    }

    /** The share of a survey's comments in the days from..to (Berlin) that the topic "Waiting time" names. */
    static double waitingTimeShare(long survey, LocalDate from, LocalDate to) throws java.sql.SQLException {
        long comments = 0;
        long named = 0;
        try (var c = Api.database();
                var statement = c.prepareStatement("SELECT a.text_value FROM answer a"
                        + " JOIN question q ON q.id = a.question_id JOIN response r ON r.id = a.response_id"
                        + " WHERE r.survey_id = ? AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT')"
                        + " AND a.text_value IS NOT NULL AND r.submitted_at >= ? AND r.submitted_at < ?")) {
            statement.setLong(1, survey);
            statement.setObject(
                    2,
                    java.time.LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), java.time.ZoneOffset.UTC));
            statement.setObject(
                    3,
                    java.time.LocalDateTime.ofInstant(
                            to.plusDays(1).atStartOfDay(BERLIN).toInstant(), java.time.ZoneOffset.UTC));
            var matcher = app.resonance.analytics.control.Topics.matcher(c);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    comments++;
                    if (matcher.matches("WAITING_TIME", rs.getString(1))) {
                        named++;
                    }
                }
            }
        }
        return (double) named / comments;
    }

    @Test
    void badFollowUpAndAlertParametersAreNamedInGermanAndEnglish() {
        var request = api.request("api/v1/admin/followups?status=WAITING&overdue=yes&limit=abc&offset=-1")
                .header("Authorization", Api.admin())
                .header("Accept-Language", "de")
                .GET()
                .build();
        var tasks = api.send(request);
        assertEquals(400, tasks.statusCode(), tasks.body());
        JsonObject problem = Api.json(tasks);
        assertTrue(problem.getString("type").endsWith("invalid-parameters"), tasks.body());
        var errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(
                java.util.List.of("limit", "offset", "overdue", "status"),
                errors.stream().map(e -> e.getString("field")).toList());
        assertEquals(
                "Geben Sie eine ganze Zahl von 1 bis 500 an.", errors.get(0).getString("message"));
        assertEquals("Geben Sie true oder false an.", errors.get(2).getString("message"));

        var alerts = api.get("api/v1/admin/alerts?limit=501", "Authorization", Api.admin());
        assertEquals(400, alerts.statusCode(), alerts.body());
        var limit = Api.json(alerts).getJsonArray("errors").getJsonObject(0);
        assertEquals("limit", limit.getString("field"));
        assertEquals("Give a whole number from 1 to 500.", limit.getString("message"));

        var check =
                api.post("api/v1/admin/alerts/segment-check?asOf=2026-02-30&days=6", "", "Authorization", Api.admin());
        assertEquals(400, check.statusCode(), check.body());
        assertEquals(
                java.util.List.of("asOf", "days"),
                Api.json(check).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        var unknown = api.get("api/v1/admin/followups?assignee=nobody-here&limit=5", "Authorization", Api.admin());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals(
                "assignee",
                Api.json(unknown).getJsonArray("errors").getJsonObject(0).getString("field"));
        var fine = api.get("api/v1/admin/followups?status=open&overdue=false&limit=2", "Authorization", Api.admin());
        assertEquals(200, fine.statusCode(), fine.body());
        assertTrue(((jakarta.json.JsonArray) Api.parse(fine.body())).size() <= 2, fine.body());
    }

    /**
     * The closed-loop effectiveness of the demo: the check-in calls of the last year (the demo lead's, most from the
     * Detractor rule) won back most of the detractors they reached, with a Wilson interval; the detractors nobody
     * called are the comparison, with the p value of the z test and the caveat in the reader's language; an empty
     * period shows no rate; bad days are named; a viewer may read it.
     */
    /**
     * The dashboard PDF of the same days shows the loop as the effectiveness API answers it: both groups' recovery
     * with the Wilson interval and their counts, and the difference with its p, in English and German.
     */
    @Test
    void theDashboardPdfShowsTheLoopsEffectivenessAsTheApi() throws Exception {
        LocalDate to = LocalDate.now(BERLIN);
        LocalDate from = to.minusDays(364);
        for (String language : List.of("en", "de")) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(language);
            JsonObject report = get("api/v1/admin/followups/effectiveness?from=" + from + "&to=" + to, language);
            var pdf = api.bytes(
                    "api/v1/admin/analytics/reports/dashboard.pdf?survey=relationship-nps&from=" + from + "&to=" + to,
                    "Authorization",
                    Api.admin(),
                    "Accept-Language",
                    language);
            assertEquals(200, pdf.statusCode());
            String text;
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
            Map<String, String> groups = Map.of(
                    "followedUp", language.equals("en") ? "With a follow-up" : "Mit Nachverfolgung",
                    "notFollowedUp", language.equals("en") ? "Without a follow-up" : "Ohne Nachverfolgung");
            for (var group : groups.entrySet()) {
                JsonObject rate = report.getJsonObject(group.getKey()).getJsonObject("recovery");
                assertEquals("SHOWN", rate.getString("visibility"), rate.toString());
                String line = group.getValue() + " "
                        + String.format(
                                locale,
                                "%.1f %% (%.1f-%.1f %%) %d / %d",
                                rate.getJsonNumber("value").doubleValue() * 100,
                                rate.getJsonNumber("low").doubleValue() * 100,
                                rate.getJsonNumber("high").doubleValue() * 100,
                                rate.getJsonNumber("recovered").longValue(),
                                rate.getJsonNumber("detractors").longValue());
                assertTrue(text.contains(line), line + " in " + text);
            }
            JsonObject test = report.getJsonObject("comparison");
            double difference = test.getJsonNumber("difference").doubleValue() * 100;
            String points = (difference > 0 ? "+" : difference < 0 ? "-" : "")
                    + String.format(locale, "%.1f", Math.abs(difference));
            assertTrue(text.contains((language.equals("en") ? "Difference " : "Unterschied ") + points), points + text);
        }
    }

    @Test
    void theDemosCheckInCallsWonBackDetractorsAndTheReportSaysItIsObservational() {
        JsonObject en = get("api/v1/admin/followups/effectiveness", "en");
        LocalDate today = LocalDate.now(BERLIN);
        assertEquals(today.toString(), en.getString("to"));
        assertEquals(today.minusDays(364).toString(), en.getString("from"));
        assertEquals(30, en.getInt("minimumResponses"));
        assertTrue(en.getString("caveat").startsWith("Observational, not an experiment"), en.getString("caveat"));
        JsonObject calls = en.getJsonObject("followedUp");
        JsonObject rate = calls.getJsonObject("recovery");
        assertEquals("SHOWN", rate.getString("visibility"));
        long detractors = rate.getJsonNumber("detractors").longValue();
        long recovered = rate.getJsonNumber("recovered").longValue();
        assertTrue(detractors >= 60, rate.toString());
        assertTrue(recovered > detractors / 2, "most called detractors came back: " + rate);
        assertEquals(
                (double) recovered / detractors, rate.getJsonNumber("value").doubleValue(), 1e-12);
        assertTrue(rate.getJsonNumber("low").doubleValue()
                < rate.getJsonNumber("value").doubleValue());
        assertTrue(rate.getJsonNumber("high").doubleValue()
                > rate.getJsonNumber("value").doubleValue());
        assertEquals(
                "Sabine Support-Lead",
                en.getJsonArray("byAssignee").getJsonObject(0).getString("key"));
        assertTrue(
                en.getJsonArray("byRule").getValuesAs(JsonObject.class).stream()
                        .anyMatch(g -> "Detractor".equals(g.getString("key", null))),
                en.getJsonArray("byRule").toString());
        assertEquals(
                "SHOWN",
                en.getJsonObject("notFollowedUp").getJsonObject("recovery").getString("visibility"));
        JsonObject test = en.getJsonObject("comparison");
        double p = test.getJsonNumber("pValue").doubleValue();
        assertTrue(p > 0 && p <= 1, test.toString());
        assertEquals(p < 0.05, test.getBoolean("significant"));

        JsonObject de = get("api/v1/admin/followups/effectiveness?from=2020-01-01&to=2020-01-31", "de");
        assertTrue(de.getString("caveat").startsWith("Beobachtet, kein Experiment"), de.getString("caveat"));
        assertEquals(0, de.getJsonObject("followedUp").getJsonNumber("pairs").longValue());
        JsonObject none = de.getJsonObject("followedUp").getJsonObject("recovery");
        assertEquals("NOT_ENOUGH_RESPONSES", none.getString("visibility"));
        assertEquals(JsonValue.NULL, none.get("value"));
        assertEquals(JsonValue.NULL, de.getJsonObject("comparison").get("pValue"));

        var bad = api.get(
                "api/v1/admin/followups/effectiveness?from=2026-02-30",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                "from", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
        var reversed = api.get(
                "api/v1/admin/followups/effectiveness?from=2026-03-02&to=2026-03-01", "Authorization", Api.admin());
        assertEquals(400, reversed.statusCode(), reversed.body());
        assertEquals(
                "from",
                Api.json(reversed).getJsonArray("errors").getJsonObject(0).getString("field"));
        var viewer = api.get("api/v1/admin/followups/effectiveness", "Authorization", ApiIT.viewer());
        assertEquals(200, viewer.statusCode(), viewer.body());
        assertEquals(401, api.get("api/v1/admin/followups/effectiveness").statusCode());
    }

    @Test
    void badParametersAreNamedInOneProblem() {
        var response = api.get(
                "api/v1/admin/analytics/trend?metric=XYZ&segment=nope&from=yesterday&granularity=DECADE&zone=UTC",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "en");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = Api.json(response);
        var fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message")));
        assertEquals(Set.of("metric", "segment", "from", "granularity", "zone"), fields.keySet());
        assertEquals("Use one of: NPS, CSAT, CES, RATING.", fields.get("metric"));
        assertTrue(fields.get("zone").contains("Europe/Berlin"), fields.get("zone"));

        var unknown = api.get("api/v1/admin/analytics/trend?survey=no-such-survey", "Authorization", Api.admin());
        assertEquals(400, unknown.statusCode());
        assertEquals(
                List.of("survey"),
                Api.json(unknown).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        var reversed = api.get(
                "api/v1/admin/analytics/segments?metric=NPS&from=2026-02-01&to=2026-01-01",
                "Authorization",
                Api.admin());
        assertEquals(400, reversed.statusCode());

        var marker = api.post(
                "api/v1/admin/analytics/markers",
                "{\"date\": \"soon\", \"label\": \" \"}",
                "Authorization",
                Api.admin());
        assertEquals(422, marker.statusCode(), marker.body());
        assertEquals(
                Set.of("date", "label"),
                Api.json(marker).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .collect(Collectors.toSet()));
        assertEquals(401, api.get("api/v1/admin/analytics/trend?metric=NPS").statusCode());
        assertFalse(api.get("api/v1/admin/analytics/markers/abc/impact", "Authorization", Api.admin())
                .body()
                .contains("Exception"));
    }

    /** Promoters, detractors and all NPS answers of a segment on the days from..to in Berlin, straight from SQL. */
    static long[] npsCounts(String survey, String segment, LocalDate from, LocalDate to) throws SQLException {
        String sql =
                "SELECT SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END),"
                        + " COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " JOIN response_segment rs ON rs.response_id = r.id JOIN segment g ON g.id = rs.segment_id"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " WHERE s.slug = ? AND q.question_key = 'nps' AND g.segment_key = ?"
                        + " AND r.submitted_at >= ? AND r.submitted_at < ?";
        try (var connection = Api.database();
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, survey);
            statement.setString(2, segment);
            statement.setObject(
                    3, LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            statement.setObject(
                    4,
                    LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            try (var rs = statement.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /** Saves a view as the given user; answers it. */
    JsonObject saveView(String auth, String body) {
        var saved = api.post("api/v1/admin/dashboard-views", body, "Authorization", auth, "Accept-Language", "en");
        assertEquals(201, saved.statusCode(), saved.body());
        return Api.json(saved);
    }

    /** Makes a share link of a view as the given user; answers the answer (status and body). */
    java.net.http.HttpResponse<String> share(String auth, long view, String body) {
        return api.post(
                "api/v1/admin/dashboard-views/" + view + "/share-links",
                body,
                "Authorization",
                auth,
                "Accept-Language",
                "en");
    }

    @Test
    void aShareLinkShowsTheTrendsFiguresOfItsViewAndNothingAboutCustomers() throws SQLException {
        JsonObject view = saveView(Api.admin(), """
                {"name": "Business NPS (IT)", "survey": "relationship-nps", "segment": "business",
                 "granularity": "MONTH", "period": "LAST_12_MONTHS"}""");
        long viewId = view.getJsonNumber("id").longValue();
        LocalDate today = LocalDate.now(BERLIN);
        // the relative period resolved today: 12 months up to today
        assertEquals(
                today.minusMonths(12).plusDays(1).toString(),
                view.getJsonObject("days").getString("from"));
        assertEquals(today.toString(), view.getJsonObject("days").getString("to"));
        var made = share(Api.admin(), viewId, "{\"expiresInDays\": 30, \"includeComments\": true}");
        assertEquals(201, made.statusCode(), made.body());
        JsonObject created = Api.json(made);
        String path = created.getString("path");
        assertTrue(created.getString("url").endsWith(path));
        String token = path.substring("/share/".length());
        assertEquals(
                1,
                Api.count(
                        "SELECT COUNT(*) FROM share_link WHERE token_hash = ? AND view_id = ?", sha256(token), viewId));
        assertEquals(0, Api.count("SELECT COUNT(*) FROM share_link WHERE token_hash = ?", token), "never the token");

        // the admin trend API with the view's filters, and the link's figures: the same periods and figures
        JsonObject trend = get(view.getString("trend").substring(1), "en");
        var shared = api.get("api/v1/share/" + token, "Accept-Language", "en");
        assertEquals(200, shared.statusCode(), shared.body());
        assertEquals(
                "noindex, nofollow", shared.headers().firstValue("X-Robots-Tag").orElse(""));
        JsonObject page = Api.json(shared);
        assertEquals("Business NPS (IT)", page.getString("name"));
        assertEquals(trend.getString("from"), page.getString("from"));
        assertEquals(trend.getString("to"), page.getString("to"));
        assertEquals(trend.getJsonObject("total"), page.getJsonObject("total"));
        var apiPoints = trend.getJsonArray("points");
        assertEquals(apiPoints, page.getJsonArray("points"));
        assertEquals(apiPoints.get(apiPoints.size() - 1), page.getJsonObject("latest"));
        assertTrue(page.getBoolean("includesComments"));
        assertFalse(page.getJsonArray("comments").isEmpty(), "the link includes comments");
        for (JsonObject comment : page.getJsonArray("comments").getValuesAs(JsonObject.class)) {
            assertEquals(Set.of("day", "score", "text"), comment.keySet(), "no customer, segment or id");
        }

        // the page in German and English: the same figures, no name, address or id of a customer
        var german = api.get(path.substring(1), "Accept-Language", "de-DE,de;q=0.9");
        assertEquals(200, german.statusCode());
        assertEquals(
                "noindex, nofollow", german.headers().firstValue("X-Robots-Tag").orElse(""));
        assertTrue(german.body().contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assertTrue(german.body().contains("<html lang=\"de\">"));
        assertTrue(german.body().contains("Der Verlauf als Tabelle"), german.body());
        var english = api.get(path.substring(1) + "?lang=en");
        assertTrue(english.body().contains("The trend as a table"));
        JsonObject latest = page.getJsonObject("latest").getJsonObject("figure");
        if ("SHOWN".equals(latest.getString("visibility"))) {
            String value = String.format(
                    java.util.Locale.ROOT, "%.1f", latest.getJsonNumber("value").doubleValue());
            assertTrue(english.body().contains(value), "the latest figure " + value);
            assertTrue(german.body().contains(value.replace('.', ',')), "German decimals");
        }
        for (String body : List.of(shared.body(), german.body(), english.body())) {
            assertFalse(body.matches("(?s).*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}.*"), "an e-mail address");
            assertFalse(body.matches("(?s).*\\bC-\\d{5}\\b.*"), "a customer id");
        }
        try (var connection = Api.database();
                var rs = connection.createStatement().executeQuery("SELECT external_id, name, email FROM customer")) {
            int customers = 0;
            while (rs.next()) {
                customers++;
                for (int column = 1; column <= 3; column++) {
                    String personal = rs.getString(column);
                    if (personal != null) {
                        String escaped = personal.replace("&", "&amp;").replace("'", "&#39;");
                        assertFalse(
                                english.body().contains(personal)
                                        || english.body().contains(escaped),
                                personal);
                        assertFalse(shared.body().contains(personal), personal);
                    }
                }
            }
            assertTrue(customers > 1000, "the demo's customers were checked");
        }

        // every use counted and audited with the link's id
        long id = created.getJsonObject("link").getJsonNumber("id").longValue();
        var links = api.get("api/v1/admin/dashboard-views/" + viewId + "/share-links", "Authorization", ApiIT.viewer());
        assertEquals(200, links.statusCode(), links.body());
        JsonObject link = Api.parse(links.body()).asJsonArray().getJsonObject(0);
        assertEquals(id, link.getJsonNumber("id").longValue());
        assertEquals(3, link.getJsonNumber("uses").longValue());
        assertEquals("ACTIVE", link.getString("status"));
        assertFalse(link.containsKey("token"));
        assertEquals(
                3,
                Api.count(
                        "SELECT COUNT(*) FROM audit_entry WHERE area = 'SHARE_LINK' AND action = 'used' AND details LIKE ?",
                        "%\"key\":\"shareLink\",\"args\":[\"" + id + "\"]%"));
    }

    @Test
    void aPeriodBelowTheMinimumIsNotShownOnASharedView() {
        // the onboarding segment's effort answers per day: a handful a day, below the minimum of 30
        JsonObject view = saveView(Api.admin(), """
                {"name": "Onboarding effort by day", "survey": "support-effort-ces", "segment": "onboarding",
                 "granularity": "DAY", "period": "LAST_30_DAYS"}""");
        JsonObject created =
                Api.json(share(Api.admin(), view.getJsonNumber("id").longValue(), "{\"expiresInDays\": 1}"));
        String path = created.getString("path");
        JsonObject page = Api.json(api.get("api/v1" + path));
        assertFalse(page.getBoolean("includesComments"));
        assertTrue(page.getJsonArray("comments").isEmpty(), "no comments unless chosen");
        var points = page.getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(30, points.size());
        JsonObject small = points.get(points.size() - 2);
        JsonObject figure = small.getJsonObject("figure");
        assertEquals("NOT_ENOUGH_RESPONSES", figure.getString("visibility"), small.toString());
        assertEquals(JsonValue.NULL, figure.get("value"));
        assertEquals(JsonValue.NULL, figure.get("marginOfError"));
        String html = api.get(path.substring(1) + "?lang=en").body();
        String row = html.substring(html.indexOf("<th scope=\"row\">" + small.getString("period") + "</th>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<td>Not enough responses</td><td></td>"), row);
        assertFalse(row.contains("±"), row);
    }

    @Test
    void revokedAndExpiredLinksAreGoneAViewerMakesNoLinkAndBadInputIsNamed() {
        JsonObject view = saveView(ApiIT.lead(), """
                {"name": "Q3 business", "survey": "relationship-nps", "segment": "business",
                 "from": "2026-07-01", "to": "2026-09-30", "granularity": "WEEK"}""");
        assertEquals("lead", view.getString("owner"));
        long viewId = view.getJsonNumber("id").longValue();
        var viewerTry = share(ApiIT.viewer(), viewId, "{\"expiresInDays\": 7}");
        assertEquals(403, viewerTry.statusCode(), viewerTry.body());
        assertEquals(0, Api.count("SELECT COUNT(*) FROM share_link WHERE view_id = ?", viewId));

        var tooLong = share(ApiIT.lead(), viewId, "{\"expiresInDays\": 91}");
        assertEquals(422, tooLong.statusCode());
        assertEquals(
                "expiresInDays",
                Api.json(tooLong).getJsonArray("errors").getJsonObject(0).getString("field"));
        var none = share(ApiIT.lead(), viewId, "{\"includeComments\": true}");
        assertEquals(422, none.statusCode());
        assertEquals(
                "expiresInDays",
                Api.json(none).getJsonArray("errors").getJsonObject(0).getString("field"));

        JsonObject first = Api.json(share(ApiIT.lead(), viewId, "{\"expiresInDays\": 7}"));
        String path = first.getString("path");
        assertEquals(200, api.get(path.substring(1)).statusCode());
        long linkId = first.getJsonObject("link").getJsonNumber("id").longValue();
        var revoked = api.delete(
                "api/v1/admin/dashboard-views/" + viewId + "/share-links/" + linkId, "Authorization", ApiIT.lead());
        assertEquals(204, revoked.statusCode(), revoked.body());
        var gone = api.get(path.substring(1) + "?lang=en");
        assertEquals(410, gone.statusCode());
        assertEquals(
                "noindex, nofollow", gone.headers().firstValue("X-Robots-Tag").orElse(""));
        assertTrue(gone.body().contains("This link no longer works"));
        assertFalse(gone.body().contains("Q3 business"), "nothing about the view");
        var goneJson = api.get("api/v1" + path);
        assertEquals(410, goneJson.statusCode());
        assertTrue(goneJson.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        JsonObject second = Api.json(share(ApiIT.lead(), viewId, "{\"expiresInDays\": 7}"));
        assertEquals(200, api.get(second.getString("path").substring(1)).statusCode());
        Api.update(
                "UPDATE share_link SET expires_at = ? WHERE id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                second.getJsonObject("link").getJsonNumber("id").longValue());
        assertEquals(410, api.get(second.getString("path").substring(1)).statusCode());
        assertEquals(410, api.get("api/v1" + second.getString("path")).statusCode());

        // an unknown token: 404, the same short page for any address
        assertEquals(404, api.get("share/" + "A".repeat(43)).statusCode());
        assertEquals(404, api.get("share/nothing").statusCode());
        assertEquals(404, api.get("api/v1/share/" + "A".repeat(43)).statusCode());

        // a viewer changes no view; someone else's view is its owner's or an admin's to change
        var viewerView = api.post(
                "api/v1/admin/dashboard-views",
                "{\"name\": \"v\", \"metric\": \"NPS\", \"period\": \"LAST_30_DAYS\"}",
                "Authorization",
                ApiIT.viewer());
        assertEquals(403, viewerView.statusCode());

        // bad views: each field named, nothing stored
        var bad = api.post(
                "api/v1/admin/dashboard-views",
                "{\"name\": \"\", \"survey\": \"relationship-nps\", \"segment\": \"nobody\", \"granularity\": \"YEAR\","
                        + " \"period\": \"LAST_12_MONTHS\", \"from\": \"2026-01-01\"}",
                "Authorization",
                ApiIT.lead(),
                "Accept-Language",
                "en");
        assertEquals(422, bad.statusCode(), bad.body());
        Set<String> fields = Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("name", "segment", "granularity", "period"), fields, bad.body());
        var noSurvey = api.post(
                "api/v1/admin/dashboard-views",
                "{\"name\": \"x\", \"survey\": \"nope\", \"from\": \"2026-01-01\"}",
                "Authorization",
                ApiIT.lead());
        assertEquals(422, noSurvey.statusCode());
        Set<String> missing = Api.json(noSurvey).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("survey", "to"), missing, noSurvey.body());

        // removing the view ends its links
        JsonObject third = Api.json(share(ApiIT.lead(), viewId, "{\"expiresInDays\": 7}"));
        assertEquals(
                204,
                api.delete("api/v1/admin/dashboard-views/" + viewId, "Authorization", ApiIT.lead())
                        .statusCode());
        assertEquals(404, api.get(third.getString("path").substring(1)).statusCode());
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first worksheet's XML of an XLSX download, read front to back as streaming readers do. */
    private static String firstSheet(java.net.http.HttpRequest request) {
        try {
            byte[] body = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(body))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            throw new AssertionError("no sheet in the workbook");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
