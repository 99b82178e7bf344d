package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, black-box on H2 and PostgreSQL: the identified widget (a site signs its customer id with the survey's
 * widget secret) and hidden fields (declared URL parameters stored with the response) on the widget, the public link
 * and the invitation link, through the API, the response detail, the customer's history, the segment figures and the
 * CSV export.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentifiedWidgetIT {

    static final String HOSTILE_FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String HOSTILE_MARKUP = "<script>alert(1)</script>";

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

    /** A published NPS survey (score and an optional comment) declaring the hidden fields source and ticket_id. */
    String survey(boolean anonymous) {
        String slug = "hw-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "NPS", "anonymous": %s, "title": {"de": "Umfrage", "en": "Survey"},
                 "questions": [
                   {"id": "nps", "type": "NPS", "text": {"de": "Empfehlen?", "en": "Recommend?"}},
                   {"id": "why", "type": "LONG_TEXT", "required": false, "text": {"de": "Warum?", "en": "Why?"}}
                 ]}""".formatted(slug, anonymous), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        var published = api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin());
        assertEquals(200, published.statusCode(), published.body());
        var settings = api.put("api/v1/admin/surveys/" + slug + "/settings", """
                {"allowedOrigins": ["https://shop.example.com"], "hiddenFields": ["source", "ticket_id"]}""", "Authorization", Api.admin());
        assertEquals(200, settings.statusCode(), settings.body());
        assertEquals(
                List.of("source", "ticket_id"),
                strings(Api.json(settings).getJsonObject("settings").getJsonArray("hiddenFields")));
        return slug;
    }

    String customer() {
        String id = "W-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("api/v1/admin/customers", """
                {"externalId": "%s", "name": "Widget GmbH", "email": "w@widget.example", "plan": "Business",
                 "region": "DE", "lifecycleStage": "Active", "locale": "de"}""".formatted(id), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    String secret(String slug) {
        var issued = api.post("api/v1/admin/surveys/" + slug + "/widget-secret", "", "Authorization", Api.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Api.json(issued).getString("secret");
        assertTrue(secret.matches("wsk_[A-Za-z0-9_-]{43}"), secret);
        return secret;
    }

    static String sign(String secret, String customer, long ts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((customer + "." + ts).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String identity(String customer, long ts, String sig) {
        return "{\"customer\": \"%s\", \"ts\": \"%d\", \"sig\": \"%s\"}".formatted(customer, ts, sig);
    }

    /** Posts a widget answer as the script does; answers the stored response as admins read it. */
    JsonObject widgetAnswer(String slug, String identity, String hidden) {
        var posted = api.post(
                "api/v1/surveys/" + slug + "/responses",
                "{\"answers\": {\"nps\": 9}, \"channel\": \"WIDGET\", \"hidden\": " + hidden
                        + (identity == null ? "" : ", \"identity\": " + identity) + "}",
                "Origin",
                "https://shop.example.com");
        assertEquals(201, posted.statusCode(), "never an error for the respondent: " + posted.body());
        return detail(Api.json(posted).getJsonNumber("id").longValue());
    }

    JsonObject detail(long id) {
        var detail = api.get("api/v1/admin/responses/" + id, "Authorization", Api.admin());
        assertEquals(200, detail.statusCode(), detail.body());
        return Api.json(detail);
    }

    JsonObject widgetConfig(String slug, String query) {
        var config = api.get("api/v1/surveys/" + slug + "/widget" + query, "Origin", "https://shop.example.com");
        assertEquals(200, config.statusCode(), config.body());
        assertEquals(
                "https://shop.example.com",
                config.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "the widget's site may read it");
        return Api.json(config);
    }

    static List<String> auditActions(String slug) {
        try (var connection = Api.database();
                var statement = connection.prepareStatement("SELECT action FROM audit_entry WHERE subject = ?"
                        + " AND action LIKE 'widgetSecret%' ORDER BY id")) {
            statement.setString(1, slug);
            List<String> actions = new java.util.ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    static String customerOf(JsonObject response) {
        JsonValue customer = response.get("customer");
        return customer == null || customer == JsonValue.NULL ? null : ((JsonString) customer).getString();
    }

    @Test
    void aSignedCustomerIdAttachesTheWidgetAnswerToTheCustomerItsHistoryAndSegmentFigures() {
        String slug = survey(false);
        String customer = customer();
        String secret = secret(slug);
        var state = Api.json(api.get("api/v1/admin/surveys/" + slug + "/widget-secret", "Authorization", Api.admin()));
        assertTrue(state.getBoolean("configured"));
        assertFalse(state.containsKey("secret"), "the secret is shown once, never again");
        assertEquals(
                1,
                Api.count(
                        "SELECT COUNT(*) FROM widget_secret w JOIN survey s ON s.id = w.survey_id"
                                + " WHERE s.slug = ? AND w.sealed <> ?",
                        slug,
                        secret),
                "stored sealed, not in clear");

        long ts = now();
        String query = "?customer=" + customer + "&ts=" + ts + "&sig=" + sign(secret, customer, ts);
        JsonObject config = widgetConfig(slug, query);
        assertTrue(config.getBoolean("show"), "a customer not surveyed within the contact limit sees the widget");
        assertEquals(List.of("source", "ticket_id"), strings(config.getJsonArray("hiddenFields")));

        JsonObject stored = widgetAnswer(
                slug,
                identity(customer, ts, sign(secret, customer, ts)),
                "{\"source\": \"pricing-page\", \"ticket_id\": \"T-77\", \"utm_campaign\": \"spring\"}");
        assertEquals(customer, customerOf(stored));
        assertEquals("WIDGET", stored.getString("channel"));
        // other tests of the same run may add segments that match this customer too: the demo's must be there
        assertTrue(
                strings(stored.getJsonArray("segments")).contains("business"),
                "counts for the customer's segments: " + stored.getJsonArray("segments"));
        assertEquals(
                Map.of("source", "pricing-page", "ticket_id", "T-77"),
                Map.copyOf(stored.getJsonObject("hiddenFields").entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()))),
                "declared fields stored, the undeclared utm_campaign ignored");
        long id = stored.getJsonNumber("id").longValue();

        // The customer's history shows the answer.
        JsonObject feedback =
                Api.json(api.get("api/v1/admin/feedback/customers/" + customer, "Authorization", Api.admin()));
        assertTrue(
                feedback.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                        .anyMatch(h -> h.getJsonNumber("responseId").longValue() == id && h.getInt("score") == 9),
                feedback.toString());
        // The segment's figures count it (the rollups are fed every two seconds).
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String trend = "api/v1/admin/analytics/trend?survey=" + slug + "&segment=business&granularity=DAY&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(api.get(trend, "Authorization", Api.admin()))
                                .getJsonArray("points")
                                .getValuesAs(JsonObject.class)
                                .stream()
                                .map(p -> p.getJsonObject("figure"))
                                .mapToLong(f -> f.isNull("responses")
                                        ? 0
                                        : f.getJsonNumber("responses").longValue())
                                .sum()
                        == 1);

        // Surveyed now: within the contact limit the widget stays hidden for this customer, not for others.
        long later = now();
        assertFalse(
                widgetConfig(slug, "?customer=" + customer + "&ts=" + later + "&sig=" + sign(secret, customer, later))
                        .getBoolean("show"));
        assertTrue(widgetConfig(slug, "").getBoolean("show"), "anonymous visitors still see it");
        assertTrue(
                widgetConfig(slug, "?customer=" + customer + "&ts=" + later + "&sig=" + "0".repeat(64))
                        .getBoolean("show"),
                "a forged signature is an anonymous visitor: nothing tells it apart");
        widgetConfig(slug, "?customer=" + customer + "&ts=" + later + "&sig=" + sign(secret, customer, later));

        // The customer page says why: the widget held the customer back, recorded once however often the site asks.
        var contacts = api.get(
                "api/v1/admin/contacts/customers/" + customer, "Authorization", Api.admin(), "Accept-Language", "de");
        assertEquals(200, contacts.statusCode(), contacts.body());
        var events = Api.json(contacts).getJsonArray("events");
        var skips = events.stream()
                .map(e -> e.asJsonObject())
                .filter(e -> e.getString("what").equals("SKIPPED"))
                .toList();
        assertEquals(1, skips.size(), contacts.body());
        assertEquals("WIDGET", skips.get(0).getString("channel"));
        assertEquals("CONTACTED_RECENTLY", skips.get(0).getString("reason"));
        assertEquals("kürzlich von einer anderen Umfrage gefragt", skips.get(0).getString("reasonText"));
        assertEquals(slug, skips.get(0).getString("survey"));
        assertTrue(
                events.stream().anyMatch(e -> e.asJsonObject().getString("what").equals("ANSWERED")),
                "the answer that set the limit is in the history too: " + contacts.body());
        assertEquals(
                404,
                api.get("api/v1/admin/contacts/customers/no-such-customer", "Authorization", Api.admin())
                        .statusCode());
    }

    @Test
    void forgedExpiredReplayedUnknownOrRotatedSignaturesAreAnonymousAnswersNeverErrors() {
        String slug = survey(false);
        String customer = customer();
        String secret = secret(slug);
        long ts = now();
        String none = "{}";
        assertEquals(null, customerOf(widgetAnswer(slug, identity(customer, ts, "ab".repeat(32)), none)), "forged");
        assertEquals(
                null,
                customerOf(widgetAnswer(slug, identity(customer, ts, sign("wsk_other", customer, ts)), none)),
                "signed with another secret");
        assertEquals(
                null,
                customerOf(widgetAnswer(slug, identity("C-00001", ts, sign(secret, customer, ts)), none)),
                "a valid signature for another customer id");
        long expired = ts - 11 * 60;
        assertEquals(
                null,
                customerOf(widgetAnswer(slug, identity(customer, expired, sign(secret, customer, expired)), none)),
                "a signature older than ten minutes (a replay outside the window)");
        long future = ts + 11 * 60;
        assertEquals(
                null,
                customerOf(widgetAnswer(slug, identity(customer, future, sign(secret, customer, future)), none)),
                "a time stamp more than ten minutes ahead");
        String unknown = "W-unknown-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                null,
                customerOf(widgetAnswer(slug, identity(unknown, ts, sign(secret, unknown, ts)), none)),
                "an unknown customer id");
        assertEquals(null, customerOf(widgetAnswer(slug, "\"not an object\"", none)), "malformed");
        long recent = ts - 9 * 60;
        assertEquals(
                customer,
                customerOf(widgetAnswer(slug, identity(customer, recent, sign(secret, customer, recent)), none)),
                "nine minutes old is within the window");

        // Rotating: the old secret stops working at once, the new one works.
        String rotated = secret(slug);
        long now = now();
        assertEquals(null, customerOf(widgetAnswer(slug, identity(customer, now, sign(secret, customer, now)), none)));
        assertEquals(
                customer, customerOf(widgetAnswer(slug, identity(customer, now, sign(rotated, customer, now)), none)));
        assertEquals(
                List.of("widgetSecretCreated", "widgetSecretRotated"),
                auditActions(slug),
                "created and rotated, audited");

        // Removed: every widget answer is anonymous again.
        assertEquals(
                204,
                api.send(api.request("api/v1/admin/surveys/" + slug + "/widget-secret")
                                .header("Authorization", Api.admin())
                                .DELETE()
                                .build())
                        .statusCode());
        assertEquals(List.of("widgetSecretCreated", "widgetSecretRotated", "widgetSecretRemoved"), auditActions(slug));
        long after = now();
        assertEquals(
                null, customerOf(widgetAnswer(slug, identity(customer, after, sign(rotated, customer, after)), none)));

        // An anonymous survey never attaches a customer, even with a valid signature.
        String anonymous = survey(true);
        String anonymousSecret = secret(anonymous);
        assertEquals(
                null,
                customerOf(widgetAnswer(
                        anonymous, identity(customer, after, sign(anonymousSecret, customer, after)), none)));
        assertEquals(
                404,
                api.post("api/v1/admin/surveys/no-such-survey/widget-secret", "", "Authorization", Api.admin())
                        .statusCode());
        assertEquals(
                401,
                api.post("api/v1/admin/surveys/" + slug + "/widget-secret", "").statusCode());
    }

    @Test
    void hiddenFieldsOfThePublicLinkAreKeptEscapedAndStoredOnlyWhenDeclared() {
        String slug = survey(false);
        String page = api.get("s/" + slug + "?source=" + URLEncoder.encode(HOSTILE_MARKUP, StandardCharsets.UTF_8)
                        + "&ticket_id=" + URLEncoder.encode(HOSTILE_FORMULA, StandardCharsets.UTF_8)
                        + "&undeclared=1&lang=en")
                .body();
        long stamped = System.nanoTime(); // the stamp was made before the page arrived
        assertFalse(page.contains(HOSTILE_MARKUP), "never unescaped in the page");
        assertTrue(page.contains("name=\"h.source\" value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), page);
        assertFalse(page.contains("undeclared"), "undeclared parameters are not carried");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", "1");
        fields.put("stamp", Api.hidden(page, "stamp"));
        fields.put("resume", Api.hidden(page, "resume"));
        fields.put("lang", "en");
        fields.put("h.source", HOSTILE_MARKUP);
        fields.put("h.ticket_id", HOSTILE_FORMULA);
        fields.put("h.undeclared", "1");
        fields.put("q.nps", "3");
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - stamped > 450_000_000L);
        var sent = api.form("s/" + slug, fields);
        assertEquals(303, sent.statusCode(), sent.body());
        long id = Long.parseLong(Api.text(
                "SELECT MAX(r.id) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        JsonObject stored = detail(id);
        assertEquals("LINK", stored.getString("channel"));
        assertEquals(HOSTILE_MARKUP, stored.getJsonObject("hiddenFields").getString("source"));
        assertEquals(HOSTILE_FORMULA, stored.getJsonObject("hiddenFields").getString("ticket_id"));
        assertEquals(2, stored.getJsonObject("hiddenFields").size());

        // The export has a column per declared field, its texts neutralised against formulas.
        var csv = api.get("api/v1/admin/analytics/exports/responses?survey=" + slug, "Authorization", Api.admin());
        assertEquals(200, csv.statusCode(), csv.body());
        String[] lines = csv.body().replace("\uFEFF", "").split("\r?\n");
        assertTrue(lines[0].endsWith(",Hidden field source,Hidden field ticket_id"), lines[0]);
        assertTrue(
                lines[1].endsWith(
                        ",<script>alert(1)</script>,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
                lines[1]);
    }

    @Test
    void hiddenFieldsOfAnInvitationLinkAreStoredAndLongValuesAreCut() {
        String slug = survey(false);
        String customer = customer();
        var issued = api.post(
                "api/v1/admin/surveys/" + slug + "/invitations",
                "{\"customers\": [\"" + customer + "\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        String path = Api.parse(issued.body()).asJsonArray().getJsonObject(0).getString("path");
        String longValue = "x".repeat(250);
        String page = api.get(path.substring(1) + "?source=newsletter&ticket_id=" + longValue)
                .body();
        long stamped = System.nanoTime(); // the stamp was made before the page arrived
        assertEquals("x".repeat(200), Api.hidden(page, "h.ticket_id"), "cut to 200 characters");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", "1");
        fields.put("stamp", Api.hidden(page, "stamp"));
        fields.put("lang", "en");
        fields.put("h.source", "  newsletter  ");
        fields.put("h.ticket_id", longValue);
        fields.put("q.nps", "10");
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - stamped > 450_000_000L);
        var sent = api.form(path.substring(1), fields);
        assertEquals(303, sent.statusCode(), sent.body());
        long id = Long.parseLong(Api.text(
                "SELECT MAX(r.id) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        JsonObject stored = detail(id);
        assertEquals("INVITATION", stored.getString("channel"));
        assertEquals(customer, customerOf(stored));
        assertEquals("newsletter", stored.getJsonObject("hiddenFields").getString("source"), "trimmed");
        assertEquals("x".repeat(200), stored.getJsonObject("hiddenFields").getString("ticket_id"));
    }

    @Test
    void hiddenFieldDeclarationsAreCheckedAndEveryBadNameIsNamed() {
        String slug = survey(false);
        String eleven = String.join(
                ", ",
                java.util.stream.IntStream.range(0, 11)
                        .mapToObj(i -> "\"f" + i + "\"")
                        .toList());
        var tooMany = api.put(
                "api/v1/admin/surveys/" + slug + "/settings",
                "{\"hiddenFields\": [" + eleven + "]}",
                "Authorization",
                Api.admin());
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("\"hiddenFields\""), tooMany.body());
        var badNames = api.put(
                "api/v1/admin/surveys/" + slug + "/settings",
                "{\"hiddenFields\": [\"Ticket-ID\", \"" + "a".repeat(41) + "\", \"ok\", \"ok\"]}",
                "Authorization",
                Api.admin(),
                "Accept-Language",
                "de");
        assertEquals(422, badNames.statusCode(), badNames.body());
        assertTrue(badNames.body().contains("hiddenFields[0]"), badNames.body());
        assertTrue(badNames.body().contains("hiddenFields[1]"), badNames.body());
        assertTrue(badNames.body().contains("hiddenFields[3]"), badNames.body());
        assertTrue(badNames.body().contains("Kleinbuchstaben"), "in German: " + badNames.body());
        assertEquals(
                "source,ticket_id",
                Api.text("SELECT hidden_fields FROM survey WHERE slug = ?", slug),
                "nothing changed");
    }
}
