package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import app.resonance.testsupport.OutboxSetUp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the app sends out, black-box against the built WAR on H2 and PostgreSQL, with the app's mail going to a real
 * SMTP server (GreenMail, started here on the port the app is configured with). Unsubscribe and bounces: an
 * invitation carries its unsubscribe link and the RFC 8058 headers, the one-click POST suppresses, the next wave skips
 * and counts the customer, a 550 suppresses, and only admins report and lift. Notifications: a detractor is told to
 * Slack, Teams (a real HTTP receiver checking their formats) and by mail, and its task's webhook events are signed.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SuppressionIT {

    static final Pattern LINK = Pattern.compile("<(https?://[^>]+/unsubscribe/([A-Za-z0-9_.-]+))>");

    static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeAll
    static void smtp() {
        smtp = OutboxSetUp.smtp(Integer.getInteger("resonance.it.smtpPort"));
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    /** A new customer with this address; answers the external id. */
    String customer(String email) {
        String id = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post(
                "api/v1/admin/customers",
                "{\"externalId\": \"" + id + "\", \"name\": \"Anna\", \"email\": \"" + email + "\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    JsonObject wave(String survey, String customer) {
        var wave = api.post(
                "api/v1/admin/surveys/" + survey + "/waves",
                "{\"customers\": [\"" + customer + "\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, wave.statusCode(), wave.body());
        return Api.json(wave);
    }

    MimeMessage received(String email) {
        return await("the invitation to " + email)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> to(m, email))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    static boolean to(MimeMessage mail, String email) {
        try {
            return GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(email);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The active entries of the list with this reason, as "email source". */
    List<String> listed(String reason, String who) {
        var page = api.get("api/v1/admin/suppressions?reason=" + reason + "&limit=500", "Authorization", who);
        assertEquals(200, page.statusCode(), page.body());
        return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("email") + " " + e.getString("source"))
                .toList();
    }

    HttpResponse<String> delete(String path, String who) {
        return api.send(api.request(path).header("Authorization", who).DELETE().build());
    }

    @Test
    void anInvitationCarriesItsUnsubscribeLinkAndOneClickKeepsTheNextWaveAway() throws Exception {
        String email = "one-click-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String id = customer(email);
        assertEquals(1, wave("relationship-nps", id).getInt("invited"));

        MimeMessage mail = received(email);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        Matcher header = LINK.matcher(mail.getHeader("List-Unsubscribe", null));
        assertTrue(header.matches(), mail.getHeader("List-Unsubscribe", null));
        String link = header.group(1);
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        assertTrue(body.contains("/unsubscribe/" + header.group(2).substring(0, 20)), "the link is in the mail too");
        String path = URI.create(link).getPath();

        var page = api.get(path + "?lang=de");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(
                page.body().contains("<button type=\"submit\" class=\"primary\" id=\"unsubscribe\">Abmelden</button>"),
                page.body());
        assertTrue(
                listed("UNSUBSCRIBED", Api.admin()).stream().noneMatch(e -> e.startsWith(email + " ")),
                "a GET (a mail scanner) unsubscribes nobody");

        var oneClick = api.send(api.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertTrue(listed("UNSUBSCRIBED", ApiIT.viewer()).contains(email + " ONE_CLICK"));

        JsonObject next = wave("post-support-csat", id);
        assertEquals(0, next.getInt("invited"));
        assertEquals(1, next.getInt("skippedSuppressed"));
        assertEquals(0, next.getInt("skippedRecentlyContacted"), "suppressed counts before recently contacted");

        var forged = api.form(path.substring(0, path.length() - 2) + "xx", Map.of());
        assertEquals(404, forged.statusCode(), "a changed token unsubscribes nobody");
    }

    @Test
    void aPermanentRefusalOfTheRecipientSuppressesTheAddress() {
        String email = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@" + OutboxSetUp.REFUSED_DOMAIN;
        assertEquals(1, wave("relationship-nps", customer(email)).getInt("invited"));
        await("the 550 puts " + email + " on the list")
                .atMost(Duration.ofSeconds(60))
                .until(() -> listed("BOUNCED", Api.admin()).contains(email + " SMTP: " + OutboxSetUp.REFUSAL));
    }

    @Test
    void onlyAdminsReportAndLiftAndALiftedAddressIsInvitedAgain() {
        String email = "complaint-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String id = customer(email);
        String report = "{\"email\": \"" + email.toUpperCase() + "\", \"kind\": \"COMPLAINT\"}";
        assertEquals(
                403,
                api.post("api/v1/admin/suppressions", report, "Authorization", ApiIT.viewer())
                        .statusCode());
        assertEquals(
                403,
                api.post("api/v1/admin/suppressions", report, "Authorization", ApiIT.lead())
                        .statusCode());

        var bad = api.post(
                "api/v1/admin/suppressions",
                "{\"email\": \"not an address\", \"kind\": \"SPAM\", \"occurredAt\": \"yesterday\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(
                List.of("email", "kind", "occurredAt"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        var badReason = api.get("api/v1/admin/suppressions?reason=SPAM", "Authorization", ApiIT.viewer());
        assertEquals(400, badReason.statusCode(), badReason.body());
        assertEquals(
                "reason",
                Api.json(badReason).getJsonArray("errors").getJsonObject(0).getString("field"));

        var reported = api.post("api/v1/admin/suppressions", report, "Authorization", Api.admin());
        assertEquals(201, reported.statusCode(), reported.body());
        JsonObject entry = Api.json(reported);
        assertEquals(email, entry.getString("email"), "kept in lower case");
        assertEquals("COMPLAINED", entry.getString("reason"));
        JsonObject skipped = wave("relationship-nps", id);
        assertEquals(0, skipped.getInt("invited"));
        assertEquals(1, skipped.getInt("skippedSuppressed"));

        String entryPath =
                "api/v1/admin/suppressions/" + entry.getJsonNumber("id").longValue();
        assertEquals(403, delete(entryPath, ApiIT.viewer()).statusCode());
        assertEquals(204, delete(entryPath, Api.admin()).statusCode());
        assertEquals(404, delete(entryPath, Api.admin()).statusCode(), "lifted already");
        assertEquals(1, wave("relationship-nps", id).getInt("invited"), "mailable again");

        var audit = api.get("api/v1/admin/audit?area=DISTRIBUTION&limit=500", "Authorization", Api.admin());
        assertTrue(
                audit.body().contains("\"subject\":\"" + email + "\",\"action\":\"suppressionLifted\""), audit.body());
        assertTrue(audit.body().contains("\"subject\":\"" + email + "\",\"action\":\"suppressionReported\""));
    }

    /*
     * The sample planner over HTTP: 80 new customers of their own plan, one of them suppressed, so 79 reachable and
     * no history: the prior (variance 1, rate 0.2). Target ±50 NPS points at 95 %: n0 = 196^2 / 2500 = 15.3664,
     * n = 15.3664 / (1 + 14.3664 / 79) = 13.0019 -> 14, invite ceil(14 / 0.2) = 70 of the 79, drawn at random.
     */
    @Test
    void aPlannedWaveMailsJustThePlannedNumberOfASegmentAndShowsPlannedAgainstAchieved() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("externalId,name,email,region\n");
        for (int i = 0; i < 80; i++) {
            csv.append("plan-")
                    .append(tag)
                    .append('-')
                    .append(i)
                    .append(",Kim,plan-")
                    .append(tag)
                    .append('-')
                    .append(i)
                    .append("@example.test,Planner-")
                    .append(tag)
                    .append('\n');
        }
        var imported = api.send(api.request("api/v1/admin/customers/import")
                .header("Authorization", Api.admin())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build());
        assertTrue(imported.statusCode() < 300, imported.body());
        var suppressed = api.post(
                "api/v1/admin/suppressions",
                "{\"email\": \"plan-" + tag + "-0@example.test\", \"kind\": \"BOUNCE\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, suppressed.statusCode(), suppressed.body());
        String segment = "planner-" + tag;
        var created = api.post(
                "api/v1/admin/segments",
                "{\"key\": \"" + segment + "\", \"name\": {\"de\": \"Planer\", \"en\": \"Planner\"},"
                        + " \"rules\": [{\"attribute\": \"region\", \"operator\": \"EQUALS\", \"value\": \"Planner-"
                        + tag + "\"}]}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        String plan = "{\"confidence\": 95, \"segments\": [{\"segment\": \"" + segment + "\", \"margin\": 50}]}";

        var bad = api.post(
                "api/v1/admin/surveys/relationship-nps/wave-plans/preview",
                "{\"confidence\": 80, \"segments\": [{\"segment\": \"" + segment + "\", \"margin\": 0.5}]}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(
                List.of("confidence", "segments[0].margin"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        var noNps = api.post(
                "api/v1/admin/surveys/post-support-csat/wave-plans/preview", plan, "Authorization", Api.admin());
        assertEquals(422, noNps.statusCode(), noNps.body());
        assertEquals(
                "survey",
                Api.json(noNps).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                403,
                api.post("api/v1/admin/surveys/relationship-nps/wave-plans", plan, "Authorization", ApiIT.viewer())
                        .statusCode());

        var preview = api.post(
                "api/v1/admin/surveys/relationship-nps/wave-plans/preview", plan, "Authorization", Api.admin());
        assertEquals(200, preview.statusCode(), preview.body());
        JsonObject planned = Api.json(preview).getJsonArray("segments").getJsonObject(0);
        assertEquals(79, planned.getInt("reachable"), "the suppressed address is not reachable");
        assertEquals(14, planned.getInt("needed"));
        assertEquals(70, planned.getInt("toInvite"));
        assertTrue(planned.getBoolean("basedOnPrior"));
        assertEquals(
                0,
                Api.count(
                        "SELECT COUNT(*) FROM invitation i JOIN customer c ON c.id = i.customer_id"
                                + " WHERE c.region = ?",
                        "Planner-" + tag),
                "a preview sends nothing");

        var sent = api.post("api/v1/admin/surveys/relationship-nps/wave-plans", plan, "Authorization", Api.admin());
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject wave = Api.json(sent);
        assertEquals(70, wave.getJsonObject("wave").getInt("invited"));
        long id = wave.getJsonObject("wave").getJsonNumber("id").longValue();
        await("70 invitations in the mailbox")
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return GreenMailUtil.getAddressList(m.getAllRecipients())
                                                .contains("plan-" + tag + "-");
                                    } catch (jakarta.mail.MessagingException e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                                .count(),
                        n -> n == 70);

        // 7 of them answer: 4 promoters, 1 detractor
        List<Long> invitations = Api.longs("SELECT id FROM invitation WHERE wave_id = ? ORDER BY id", id);
        long version = Api.count("SELECT MAX(v.id) FROM survey_version v JOIN survey s ON s.id = v.survey_id"
                + " WHERE s.slug = 'relationship-nps' AND v.state = 'PUBLISHED'");
        long question =
                Api.count("SELECT id FROM question WHERE survey_version_id = ? AND question_type = 'NPS'", version);
        for (int i = 0; i < 7; i++) {
            long rid = 8_800_000L + Math.abs(tag.hashCode() % 100_000) * 10L + i;
            Api.update(
                    "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                            + " submitted_at, received_at, updated_at, invitation_id)"
                            + " SELECT ?, i.survey_id, ?, i.customer_id, 'EMAIL', 'en', 'COMPLETE', i.created_at,"
                            + " i.created_at, i.created_at, i.id FROM invitation i WHERE i.id = ?",
                    rid,
                    version,
                    invitations.get(i));
            Api.update(
                    "INSERT INTO answer (id, response_id, question_id, score) VALUES (?, ?, ?, ?)",
                    rid,
                    rid,
                    question,
                    i < 4 ? 10 : i == 4 ? 2 : 8);
        }
        var achieved =
                api.get("api/v1/admin/surveys/relationship-nps/wave-plans/" + id, "Authorization", ApiIT.viewer());
        assertEquals(200, achieved.statusCode(), achieved.body());
        JsonObject outcome = Api.json(achieved).getJsonArray("segments").getJsonObject(0);
        assertEquals(70, outcome.getJsonObject("plan").getInt("toInvite"));
        assertEquals(70, outcome.getInt("invited"));
        assertEquals(7, outcome.getInt("answered"));
        assertEquals(0.1, outcome.getJsonNumber("achievedRate").doubleValue(), 1e-9);
        // NPS (4 - 1) / 7 = 42.857; var = 5/7 - (3/7)^2 = 26/49; margin = 196 * sqrt(26/49 / 7 * 72 / 78) = 51.8459
        assertEquals(42.857143, outcome.getJsonNumber("nps").doubleValue(), 1e-6);
        assertEquals(51.8459, outcome.getJsonNumber("achievedMargin").doubleValue(), 1e-4);
        assertEquals(
                404,
                api.get(
                                "api/v1/admin/surveys/relationship-nps/wave-plans/" + (id + 1_000_000),
                                "Authorization",
                                Api.admin())
                        .statusCode());
    }

    static final String HOSTILE = "<!channel> <script>alert(1)</script> *bold* & _it_";

    /** Registers a notification destination; answers it. */
    JsonObject destination(String json) {
        var created = api.post("api/v1/admin/notifications", json, "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    @Test
    void aDetractorIsToldInSlackTeamsAndByMailOnceWithItsCommentAsTextAndItsTaskAsSignedWebhookEvents()
            throws Exception {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var survey = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "NPS", "title": {"de": "Umfrage", "en": "Survey"},
                 "questions": [
                   {"id": "nps", "type": "NPS", "text": {"de": "Empfehlen?", "en": "Recommend?"}},
                   {"id": "why", "type": "LONG_TEXT", "required": false, "text": {"de": "Warum?", "en": "Why?"}}
                 ]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, survey.statusCode(), survey.body());
        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin())
                        .statusCode());
        String customer = "ntf-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(
                                "api/v1/admin/customers",
                                "{\"externalId\": \"" + customer + "\", \"name\": \"Berg <!here> & Co\"}",
                                "Authorization",
                                Api.admin())
                        .statusCode());
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (var receiver = new ChatReceiver()) {
            JsonObject slack = destination("{\"kind\": \"SLACK\", \"name\": \"#support\", \"url\": \""
                    + receiver.url("/slack/T0/B0/s3cretToken") + "\", \"surveys\": [\"" + slug + "\"]}");
            assertEquals(receiver.url("/…oken"), slack.getString("url"), "the secret URL is masked");
            destination("{\"kind\": \"TEAMS\", \"name\": \"Support\", \"language\": \"de\", \"url\": \""
                    + receiver.url("/teams/wf") + "\", \"alertKinds\": [\"DETRACTOR\"], \"surveys\": [\"" + slug
                    + "\"]}");
            destination("{\"kind\": \"EMAIL\", \"name\": \"Team\", \"addresses\": [\"" + team + "\"], \"surveys\": [\""
                    + slug + "\"]}");
            var hook = api.post(
                    "api/v1/admin/webhooks",
                    "{\"url\": \"" + receiver.url("/hook") + "\", \"survey\": \"" + slug + "\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(201, hook.statusCode(), hook.body());

            var imported = api.post(
                    "api/v1/admin/surveys/" + slug + "/responses",
                    "{\"answers\": {\"nps\": 2, \"why\": \"" + HOSTILE + "\"}, \"customer\": \"" + customer + "\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(201, imported.statusCode(), imported.body());

            await("one Slack and one Teams message, the alert's and the task's webhook events")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.at("/slack").size() == 1
                            && receiver.at("/teams").size() == 1
                            && receiver.events("alert.raised").size() == 1
                            && receiver.events("followup.created").size() == 1);
            MimeMessage mail = received(team);
            await("and no second message")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.at("/slack").size() == 1
                            && receiver.at("/teams").size() == 1);

            JsonObject created = receiver.events("followup.created").get(0).getJsonObject("followUp");
            long task = created.getJsonNumber("id").longValue();
            String link = "/admin/followup.xhtml?id=" + task;
            assertEquals("OPEN", created.getString("status"));
            assertEquals(customer, created.getString("customer"));
            assertEquals("DETRACTOR", created.getJsonArray("alerts").getString(0));
            JsonObject alert = receiver.events("alert.raised").get(0).getJsonObject("alert");
            assertEquals("DETRACTOR", alert.getString("kind"));
            assertEquals(2, alert.getInt("score"));
            assertEquals(task, alert.getJsonNumber("followUp").longValue());
            assertTrue(
                    receiver.at("/hook")
                            .get(0)
                            .headers()
                            .get("webhook-signature")
                            .startsWith("v1,"),
                    "signed like every webhook");

            ChatReceiver.Received slackMessage = receiver.at("/slack").get(0);
            assertEquals(List.of(), slackMessage.errors(), slackMessage.body());
            JsonObject message = slackMessage.json();
            String taskUrl = message.getJsonArray("blocks")
                    .getJsonObject(3)
                    .getJsonObject("text")
                    .getString("text");
            assertTrue(taskUrl.contains(link + "|Open the task>"), taskUrl);
            assertEquals(
                    List.of(),
                    app.resonance.notifications.control.ChatFormats.slackInjections(
                            message, taskUrl.substring(1, taskUrl.indexOf('|'))));
            assertEquals(
                    "New alert: Detractor",
                    message.getJsonArray("blocks")
                            .getJsonObject(0)
                            .getJsonObject("text")
                            .getString("text"));
            assertEquals(
                    "Comment\n" + HOSTILE,
                    message.getJsonArray("blocks")
                            .getJsonObject(2)
                            .getJsonObject("text")
                            .getString("text"));
            assertTrue(message.getString("text").contains("Berg &lt;!here&gt; &amp; Co (" + customer + ")"));

            ChatReceiver.Received teamsMessage = receiver.at("/teams").get(0);
            assertEquals(List.of(), teamsMessage.errors(), teamsMessage.body());
            JsonObject card = teamsMessage
                    .json()
                    .getJsonArray("attachments")
                    .getJsonObject(0)
                    .getJsonObject("content");
            assertEquals(
                    "Neuer Alarm: Kritiker",
                    card.getJsonArray("body").getJsonObject(0).getString("text"));
            assertEquals(
                    HOSTILE,
                    card.getJsonArray("body")
                            .getJsonObject(6)
                            .getJsonArray("inlines")
                            .getJsonObject(0)
                            .getString("text"));
            assertTrue(card.getJsonArray("actions")
                    .getJsonObject(0)
                    .getString("url")
                    .endsWith(link));

            assertTrue(mail.getSubject().startsWith("Resonance alert: New alert: Detractor"), mail.getSubject());
            String text = (String) ((jakarta.mail.internet.MimeMultipart) mail.getContent())
                    .getBodyPart(0)
                    .getContent();
            assertTrue(text.contains("Berg <!here> & Co (" + customer + ")"), text);
            assertTrue(text.contains(link), text);

            var closed = api.send(api.request("api/v1/admin/followups/" + task)
                    .header("Authorization", Api.admin())
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"DONE\"}"))
                    .build());
            assertEquals(200, closed.statusCode(), closed.body());
            await("followup.closed")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.events("followup.closed").size() == 1);
            JsonObject done = receiver.events("followup.closed").get(0).getJsonObject("followUp");
            assertEquals(task, done.getJsonNumber("id").longValue());
            assertEquals("DONE", done.getString("status"));
            var deliveries = api.get(
                    "api/v1/admin/notifications/" + slack.getJsonNumber("id").longValue() + "/deliveries",
                    "Authorization",
                    Api.admin());
            assertEquals(
                    "DELIVERED",
                    Api.parse(deliveries.body()).asJsonArray().getJsonObject(0).getString("status"));
        }
    }

    @Test
    void destinationsAreAdminsAloneRefuseAPlainOrPrivateUrlAndShowAFailingReceiver() throws Exception {
        for (String who : new String[] {ApiIT.viewer(), ApiIT.lead()}) {
            assertEquals(
                    403,
                    api.get("api/v1/admin/notifications", "Authorization", who).statusCode());
            assertEquals(
                    403,
                    api.post("api/v1/admin/notifications", "{}", "Authorization", who)
                            .statusCode());
        }
        for (String url : new String[] {"http://hooks.slack.com/services/T0/B0/x", "https://10.1.2.3/x", "file:///x"}) {
            var refused = api.post(
                    "api/v1/admin/notifications",
                    "{\"kind\": \"SLACK\", \"name\": \"x\", \"url\": \"" + url + "\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals(
                    List.of("url"),
                    Api.json(refused).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("field"))
                            .toList(),
                    url);
        }
        var bad = api.post(
                "api/v1/admin/notifications",
                "{\"kind\": \"EMAIL\", \"name\": \"\", \"language\": \"fr\", \"alertKinds\": [\"HAPPY\"],"
                        + " \"surveys\": [\"no-such-survey\"]}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(
                List.of("name", "addresses", "language", "alertKinds", "surveys"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        try (var receiver = new ChatReceiver()) {
            long down = destination(
                            "{\"kind\": \"TEAMS\", \"name\": \"down\", \"url\": \"" + receiver.url("/down") + "\"}")
                    .getJsonNumber("id")
                    .longValue();
            var test = api.post("api/v1/admin/notifications/" + down + "/test", "", "Authorization", Api.admin());
            assertEquals(202, test.statusCode(), test.body());
            assertEquals(1, Api.json(test).getInt("queued"));
            String deliveries = "api/v1/admin/notifications/" + down + "/deliveries";
            JsonObject failing = await("the failure shows")
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> Api.parse(api.get(deliveries, "Authorization", Api.admin())
                                            .body())
                                    .asJsonArray()
                                    .getValuesAs(JsonObject.class)
                                    .stream()
                                    .filter(d -> d.getInt("attempts") >= 1)
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertEquals("PENDING", failing.getString("status"), "retried");
            assertEquals(500, failing.getInt("lastStatus"));
            assertEquals(List.of(), receiver.at("/down").get(0).errors(), "the test message is a valid card");
            assertEquals(
                    204,
                    delete("api/v1/admin/notifications/" + down, Api.admin()).statusCode());
            assertEquals(
                    404,
                    api.get("api/v1/admin/notifications/" + down, "Authorization", Api.admin())
                            .statusCode());
        }
    }

    @Test
    void alertRulesRoundTripAndACustomKeywordRuleFiresOnceWithItsName() {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var survey = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "CSAT", "title": {"de": "Umfrage", "en": "Survey"},
                 "questions": [
                   {"id": "csat", "type": "CSAT", "text": {"de": "Zufrieden?", "en": "Satisfied?"}},
                   {"id": "why", "type": "LONG_TEXT", "required": false, "text": {"de": "Warum?", "en": "Why?"}}
                 ]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, survey.statusCode(), survey.body());
        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin())
                        .statusCode());

        var defaults = api.get("api/v1/admin/alert-rules", "Authorization", ApiIT.viewer());
        assertEquals(200, defaults.statusCode(), defaults.body());
        assertEquals(
                List.of("LOW_SCORE", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK", "SEGMENT_TREND"),
                Api.parse(defaults.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getBoolean("builtIn"))
                        .map(r -> r.getString("kind"))
                        .toList());
        assertEquals(
                403,
                api.post("api/v1/admin/alert-rules", "{}", "Authorization", ApiIT.lead())
                        .statusCode());

        var bad = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Low\", \"kind\": \"LOW_SCORE\", \"questionType\": \"CSAT\", \"threshold\": 9,"
                        + " \"surveys\": [\"no-such-survey\"], \"quietStart\": \"25:00\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                List.of("threshold", "quietStart", "surveys"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        var created = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Cancellation\", \"kind\": \"KEYWORD\", \"keywords\": [\"cancel\", \"refund\"],"
                        + " \"surveys\": [\"" + slug + "\"], \"action\": \"TASK\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject rule = Api.json(created);
        long id = rule.getJsonNumber("id").longValue();
        String path = "api/v1/admin/alert-rules/" + id;
        assertEquals(
                List.of(slug),
                rule.getJsonArray("surveys").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals("TASK", rule.getString("action"));
        assertEquals(0, rule.getInt("fired"));

        var changed = api.put(
                path,
                "{\"name\": \"Cancellation risk\", \"kind\": \"KEYWORD\", \"keywords\": [\"cancel\"],"
                        + " \"surveys\": [\"" + slug + "\"], \"action\": \"BOTH\", \"quietStart\": \"22:00\","
                        + " \"quietEnd\": \"07:00\"}",
                "Authorization",
                Api.admin());
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Cancellation risk", Api.json(changed).getString("name"));
        assertEquals("22:00", Api.json(changed).getString("quietStart"));
        assertTrue(Api.json(api.post(path + "/pause", "", "Authorization", Api.admin()))
                .getBoolean("paused"));

        // paused: a matching response raises nothing (a second rule shows the response was seen); resumed: the
        // next one raises one alert
        var witness = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Any CSAT\", \"kind\": \"LOW_SCORE\", \"questionType\": \"CSAT\", \"threshold\": 5,"
                        + " \"surveys\": [\"" + slug + "\"], \"action\": \"TASK\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, witness.statusCode(), witness.body());
        String witnessPath = "api/v1/admin/alert-rules/"
                + Api.json(witness).getJsonNumber("id").longValue();
        String customer = "rule-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(
                                "api/v1/admin/customers",
                                "{\"externalId\": \"" + customer + "\", \"name\": \"Keyword Customer\"}",
                                "Authorization",
                                Api.admin())
                        .statusCode());
        String answers =
                "{\"answers\": {\"csat\": 5, \"why\": \"We will cancel\"}, \"customer\": \"" + customer + "\"}";
        String responses = "api/v1/admin/surveys/" + slug + "/responses";
        assertEquals(
                201, api.post(responses, answers, "Authorization", Api.admin()).statusCode());
        await("the rules saw the first response")
                .atMost(Duration.ofSeconds(60))
                .until(() -> Api.json(api.get(witnessPath, "Authorization", Api.admin()))
                                .getInt("fired")
                        == 1);
        assertEquals(0, Api.json(api.get(path, "Authorization", Api.admin())).getInt("fired"), "paused");
        assertEquals(
                false,
                Api.json(api.post(path + "/resume", "", "Authorization", Api.admin()))
                        .getBoolean("paused"));
        assertEquals(
                201, api.post(responses, answers, "Authorization", Api.admin()).statusCode());
        await("the resumed rule fired on the second response")
                .atMost(Duration.ofSeconds(60))
                .until(() -> Api.json(api.get(witnessPath, "Authorization", Api.admin()))
                                .getInt("fired")
                        == 2);
        JsonObject fired = Api.json(api.get(path, "Authorization", Api.admin()));
        assertEquals(1, fired.getInt("fired"));
        assertTrue(fired.containsKey("lastFiredAt"), fired.toString());

        assertEquals(
                409,
                api.delete("api/v1/admin/alert-rules/1", "Authorization", Api.admin())
                        .statusCode(),
                "a default rule is paused, not removed");
        assertEquals(204, api.delete(path, "Authorization", Api.admin()).statusCode());
        assertEquals(404, api.get(path, "Authorization", Api.admin()).statusCode());
        var audit = api.get("api/v1/admin/audit?area=ALERT_RULE", "Authorization", Api.admin());
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("Cancellation risk"), audit.body());
    }

    @Test
    void teamsRoundTripARuleRoutesToOneAndALeadMayNotChangeThem() {
        String name = "IT team " + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                403,
                api.post("api/v1/admin/teams", "{\"name\": \"x\", \"lead\": \"lead\"}", "Authorization", ApiIT.lead())
                        .statusCode(),
                "a support lead reads teams but does not change them");
        var bad = api.post(
                "api/v1/admin/teams",
                "{\"name\": \" \", \"lead\": \"viewer\", \"members\": [\"lead\", \"nobody-here\"]}",
                "Authorization",
                Api.admin());
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                List.of("name", "lead", "members"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList(),
                "no name, a viewer cannot lead, an unknown member");

        var created = api.post(
                "api/v1/admin/teams",
                "{\"name\": \"" + name + "\", \"lead\": \"lead\", \"members\": [\"lead\", \"admin\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject team = Api.json(created);
        String path = "api/v1/admin/teams/" + team.getJsonNumber("id").longValue();
        assertEquals("lead", team.getJsonObject("lead").getString("username"));
        assertEquals(
                List.of("admin", "lead"),
                team.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("username"))
                        .toList());
        var read = api.get(path, "Authorization", ApiIT.lead());
        assertEquals(200, read.statusCode(), read.body());

        // a rule routes a region to the team, due in 8 hours, round robin; an unknown team is named in the 422
        var unknown = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Routed\", \"kind\": \"KEYWORD\", \"keywords\": [\"cancel\"],"
                        + " \"routes\": [{\"attribute\": \"region\", \"value\": \"DE\", \"team\": \"no such team\"}]}",
                "Authorization",
                Api.admin());
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertEquals(
                List.of("routes[0].team"),
                Api.json(unknown).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        var rule = api.post(
                "api/v1/admin/alert-rules",
                "{\"name\": \"Routed\", \"kind\": \"KEYWORD\", \"keywords\": [\"cancel\"], \"dueHours\": 8,"
                        + " \"teamPick\": \"ROUND_ROBIN\", \"routes\": [{\"attribute\": \"Region\", \"value\": \"DE, AT\","
                        + " \"team\": \"" + name + "\"}]}",
                "Authorization",
                Api.admin());
        assertEquals(201, rule.statusCode(), rule.body());
        JsonObject routed = Api.json(rule);
        assertEquals(8, routed.getInt("dueHours"));
        assertEquals("ROUND_ROBIN", routed.getString("teamPick"));
        JsonObject route = routed.getJsonArray("routes").getJsonObject(0);
        assertEquals("region", route.getString("attribute"));
        assertEquals(name, route.getString("team"));

        assertEquals(409, api.delete(path, "Authorization", Api.admin()).statusCode(), "a rule routes to it");
        assertEquals(
                204,
                api.delete(
                                "api/v1/admin/alert-rules/"
                                        + routed.getJsonNumber("id").longValue(),
                                "Authorization",
                                Api.admin())
                        .statusCode());
        assertEquals(204, api.delete(path, "Authorization", Api.admin()).statusCode());
        assertEquals(404, api.get(path, "Authorization", Api.admin()).statusCode());
    }

    /** A new open NPS survey (relationship kind) for the event rules. */
    String eventSurvey() {
        String slug = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "NPS", "title": {"de": "Umfrage", "en": "Survey"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"de": "Empfehlen?", "en": "Recommend?"}}]}\
                """.formatted(slug), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        var published = api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin());
        assertEquals(200, published.statusCode(), published.body());
        return slug;
    }

    HttpResponse<String> event(String id, String type, String customer, String occurredAt) {
        return api.post("api/v1/events", """
                {"id": "%s", "type": "%s", "customer": "%s", "occurredAt": "%s", "timeZone": "Europe/Berlin",
                 "attributes": {"ticket_id": "48213", "agent": "Mia <support>"}}\
                """.formatted(id, type, customer, occurredAt), "Authorization", Api.admin());
    }

    /** The follow-up task the alert rules made for this customer's detractor. */
    long taskOf(String customer) {
        return await("the task of " + customer)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.parse(api.get(
                                                "api/v1/admin/followups?customer=" + customer,
                                                "Authorization",
                                                Api.admin())
                                        .body())
                                .asJsonArray(),
                        tasks -> tasks.size() == 1)
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    @Test
    void aLeadRepliesToTheCustomerInTheirLanguageAndTheReplyArrivesAsTextAndStaysInTheHistory() throws Exception {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var survey = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "NPS", "title": {"de": "Kundenumfrage", "en": "Customer survey"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"de": "Empfehlen?", "en": "Recommend?"}}]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, survey.statusCode(), survey.body());
        assertEquals(
                200,
                api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin())
                        .statusCode());
        String email = "reply-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String known = customer(email);
        String unknown = "rpl-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(
                                "api/v1/admin/customers",
                                "{\"externalId\": \"" + unknown + "\", \"name\": \"Ohne Adresse\"}",
                                "Authorization",
                                Api.admin())
                        .statusCode());
        for (String customer : new String[] {known, unknown}) {
            var imported = api.post(
                    "api/v1/admin/surveys/" + slug + "/responses",
                    "{\"answers\": {\"nps\": 3}, \"customer\": \"" + customer + "\", \"locale\": \"de\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(201, imported.statusCode(), imported.body());
        }
        long task = taskOf(known);
        String replies = "api/v1/admin/followups/" + task + "/replies";

        var template = api.get(replies + "/template", "Authorization", ApiIT.lead());
        assertEquals(200, template.statusCode(), template.body());
        JsonObject german = Api.json(template);
        assertEquals("de", german.getString("language"), "the response was given in German");
        assertEquals(email, german.getString("recipient"));
        assertEquals("Ihr Feedback zu „Kundenumfrage“", german.getString("subject"));
        assertTrue(
                german.getString("body").startsWith("Hallo Anna,\n\nvielen Dank für Ihre Antwort vom "),
                german.getString("body"));
        assertTrue(
                german.getString("body").endsWith("Freundliche Grüße\nSabine Support-Lead"), german.getString("body"));
        JsonObject english = Api.json(api.get(replies + "/template?language=en", "Authorization", ApiIT.lead()));
        assertEquals("Your feedback on \"Customer survey\"", english.getString("subject"));
        var badLanguage = api.get(replies + "/template?language=pt", "Authorization", ApiIT.lead());
        assertEquals(400, badLanguage.statusCode(), badLanguage.body());
        assertTrue(badLanguage.body().contains("\"field\":\"language\""), badLanguage.body());

        String body = "Hallo Anna,\n\n<b>Das tut uns leid.</b> Wir melden uns & klären das.\n\nSabine";
        String reply = "{\"subject\": \"Ihr Feedback\", \"body\": " + jsonString(body) + "}";
        var viewer = api.post(replies, reply, "Authorization", ApiIT.viewer());
        assertEquals(403, viewer.statusCode(), viewer.body());
        var tooLong = api.post(
                replies, "{\"subject\": \"\", \"body\": \"" + "x".repeat(10001) + "\"}", "Authorization", ApiIT.lead());
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertEquals(
                List.of("body", "subject"),
                Api.json(tooLong).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        var sent = api.post(replies, reply, "Authorization", ApiIT.lead());
        assertEquals(201, sent.statusCode(), sent.body());
        assertEquals("de", Api.json(sent).getString("language"));

        MimeMessage mail = received(email);
        assertEquals("Ihr Feedback", mail.getSubject());
        assertEquals(
                "lead@resonance.example", ((jakarta.mail.internet.InternetAddress) mail.getReplyTo()[0]).getAddress());
        var parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertEquals(1, parts.getCount(), "text only: what the lead wrote is never markup");
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals(body, ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));

        JsonObject history = await("the reply delivered in the task's history")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> Api.json(api.get("api/v1/admin/followups/" + task, "Authorization", ApiIT.viewer()))
                                .getJsonArray("replies")
                                .getJsonObject(0),
                        r -> r.getString("delivery").equals("DELIVERED"));
        assertEquals("REPLY", history.getString("kind"));
        assertEquals("lead", history.getString("sender"));
        assertEquals(email, history.getString("recipient"));
        assertEquals("Ihr Feedback", history.getString("subject"));
        assertEquals(body, history.getString("body"));
        assertEquals("de", history.getString("language"));

        var noAddress = api.post(
                "api/v1/admin/followups/" + taskOf(unknown) + "/replies", reply, "Authorization", ApiIT.lead());
        assertEquals(409, noAddress.statusCode(), noAddress.body());
        assertEquals(
                "customer.email",
                Api.json(noAddress).getJsonArray("errors").getJsonObject(0).getString("field"));

        assertEquals(
                201,
                api.post(
                                "api/v1/admin/suppressions",
                                "{\"email\": \"" + email + "\", \"kind\": \"BOUNCE\"}",
                                "Authorization",
                                Api.admin())
                        .statusCode());
        var suppressed = api.post(replies, reply, "Authorization", ApiIT.lead());
        assertEquals(409, suppressed.statusCode(), suppressed.body());
        assertTrue(suppressed.body().contains("suppression list"), suppressed.body());
        assertEquals(
                1,
                Api.parse(api.get(replies, "Authorization", Api.admin()).body())
                        .asJsonArray()
                        .size());
    }

    static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }

    @Test
    void anEventRuleInvitesAfterItsDelayOnceTheAnswerCarriesTheEventAndARecentContactIsSkipped() throws Exception {
        String slug = eventSurvey();
        String type = "ticket_solved_" + UUID.randomUUID().toString().substring(0, 8);
        var rule = api.post("api/v1/admin/event-rules", """
                {"eventType": "%s", "survey": "%s", "delayMinutes": 120, "samplePercent": 100, "sendFrom": 0,
                 "sendUntil": 24, "zone": "Europe/Berlin"}\
                """.formatted(type, slug), "Authorization", Api.admin());
        assertEquals(201, rule.statusCode(), rule.body());
        long ruleId = Api.json(rule).getJsonNumber("id").longValue();
        var invalid = api.post(
                "api/v1/admin/event-rules",
                "{\"eventType\": \"Ticket Solved\", \"survey\": \"" + slug + "\", \"sendFrom\": 20, \"sendUntil\": 8,"
                        + " \"zone\": \"Mars/Olympus\"}",
                "Authorization",
                Api.admin());
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(
                List.of("eventType", "sendUntil", "zone"),
                Api.json(invalid).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());

        // an event posted an hour from now would be in the future; one of two hours ago is due at once
        String email = "event-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String customer = customer(email);
        String eventId = "ticket-" + UUID.randomUUID();
        String twoHoursAgo = java.time.Instant.now().minus(Duration.ofHours(2)).toString();
        var posted = event(eventId, type, customer, twoHoursAgo);
        assertEquals(202, posted.statusCode(), posted.body());
        JsonObject receipt = Api.json(posted);
        assertEquals(false, receipt.getBoolean("duplicate"));
        assertEquals("DUE", receipt.getJsonArray("dispatches").getJsonObject(0).getString("status"));
        assertEquals(slug, receipt.getJsonArray("dispatches").getJsonObject(0).getString("survey"));
        var future = event(
                "ticket-" + UUID.randomUUID(),
                type,
                customer,
                java.time.Instant.now().plus(Duration.ofHours(1)).toString());
        assertEquals(422, future.statusCode(), future.body());

        MimeMessage mail = received(email);
        assertTrue(mail.getHeader("List-Unsubscribe", null) != null, "the invitation mail of the wave's path");
        // posted again (a CRM retrying): the same event, nothing more is sent
        var again = event(eventId, type, customer, twoHoursAgo);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(true, Api.json(again).getBoolean("duplicate"));

        // answered: the response carries the event's attributes
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("/i/([A-Za-z0-9_-]{43})").matcher(body);
        assertTrue(link.find(), body);
        String path = "i/" + link.group(1);
        String page = api.get(path).body();
        long stamped = System.nanoTime();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("page", "1");
        fields.put("stamp", Api.hidden(page, "stamp"));
        fields.put("lang", "en");
        fields.put("q.nps", "9");
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - stamped > 450_000_000L);
        var sent = api.form(path, fields);
        assertEquals(303, sent.statusCode(), sent.body());
        long responseId = Long.parseLong(Api.text(
                "SELECT MAX(r.id) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        var detail = api.get("api/v1/admin/responses/" + responseId, "Authorization", Api.admin());
        assertEquals(200, detail.statusCode(), detail.body());
        JsonObject attributes = Api.json(detail).getJsonObject("eventAttributes");
        assertEquals("48213", attributes.getString("ticket_id"));
        assertEquals("Mia <support>", attributes.getString("agent"));

        // a customer a wave invited just now is skipped by the rule, with the reason
        String recentEmail = "event-recent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String recent = customer(recentEmail);
        assertEquals(1, wave("relationship-nps", recent).getInt("invited"));
        assertEquals(
                202,
                event("ticket-" + UUID.randomUUID(), type, recent, twoHoursAgo).statusCode());
        String reason = await("the event's skip")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.text(
                                "SELECT s.reason FROM contact_skip s JOIN customer c ON c.id = s.customer_id"
                                        + " WHERE c.external_id = ? AND s.channel = 'EVENT'",
                                recent),
                        java.util.Objects::nonNull);
        assertEquals("CONTACTED_RECENTLY", reason);
        var figures = api.get("api/v1/admin/event-rules/" + ruleId, "Authorization", Api.admin());
        assertEquals(200, figures.statusCode(), figures.body());
        assertEquals(1, Api.json(figures).getInt("sent"));
        assertEquals(1, Api.json(figures).getInt("skipped"));
        assertEquals(
                1,
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m, email))
                        .count(),
                "one invitation for the event, however often it was posted");
        // without credentials nothing is taken
        assertEquals(401, api.post("api/v1/events", "{}").statusCode());
    }

    /** A customer with this plan (the programmes' segments select by plan). */
    String customer(String email, String plan) {
        String id = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post(
                "api/v1/admin/customers",
                "{\"externalId\": \"" + id + "\", \"name\": \"Anna\", \"email\": \"" + email + "\", \"plan\": \"" + plan
                        + "\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    /** A segment of the customers with this plan; answers its key. */
    String planSegment(String plan) {
        String key = plan.toLowerCase(java.util.Locale.ROOT);
        var segment = api.put(
                "api/v1/admin/segments/" + key,
                "{\"name\": {\"de\": \"" + plan + "\", \"en\": \"" + plan + "\"}, \"rules\": [{\"attribute\": \"plan\","
                        + " \"operator\": \"EQUALS\", \"value\": \"" + plan + "\"}]}",
                "Authorization",
                Api.admin());
        assertTrue(segment.statusCode() < 300, segment.body());
        return key;
    }

    static jakarta.json.JsonArray array(String body) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return reader.readArray();
        }
    }

    HttpResponse<String> programme(String name, String survey, String segment) {
        return api.post(
                "api/v1/admin/programmes",
                """
                {"name": "%s", "survey": "%s", "segment": "%s", "cadenceDays": 90, "windowDays": 1,
                 "startDate": "%s"}\
                """.formatted(name, survey, segment, java.time.LocalDate.now(java.time.ZoneOffset.UTC)),
                "Authorization",
                Api.admin());
    }

    @Test
    void aProgrammeRunsItsCycleThroughTheContactRulesAndTheOutboxAndOnlyAnAdminChangesIt() throws Exception {
        String slug = eventSurvey();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "programme-" + suffix + "@example.test";
        String reached = customer(email, "Pa" + suffix);
        String recentEmail = "programme-recent-" + suffix + "@example.test";
        String recent = customer(recentEmail, "Pb" + suffix);
        assertEquals(1, wave("relationship-nps", recent).getInt("invited"));

        var invalid = api.post("api/v1/admin/programmes", """
                {"name": "", "survey": "%s", "segment": "nobody-%s", "cadenceDays": 30, "windowDays": 31,
                 "startDate": "2020-01-01"}\
                """.formatted(slug, suffix), "Authorization", Api.admin());
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(
                "application/problem+json",
                invalid.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                List.of("name", "segment", "windowDays", "startDate"),
                Api.json(invalid).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList());
        var refused = api.post("api/v1/admin/programmes", "{}", "Authorization", ApiIT.viewer());
        assertEquals(403, refused.statusCode(), refused.body());

        // starting today: the cycle is planned at once, its only member due now
        var created = programme("Check-in " + suffix, slug, planSegment("Pa" + suffix));
        assertEquals(201, created.statusCode(), created.body());
        long id = Api.json(created).getJsonNumber("id").longValue();
        var skipping = programme("Check-in recent " + suffix, slug, planSegment("Pb" + suffix));
        assertEquals(201, skipping.statusCode(), skipping.body());
        long skippingId = Api.json(skipping).getJsonNumber("id").longValue();

        MimeMessage mail = received(email);
        assertTrue(mail.getHeader("List-Unsubscribe", null) != null, "the invitation mail of the wave's path");
        String reason = await("the programme's skip")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.text(
                                "SELECT s.reason FROM contact_skip s JOIN customer c ON c.id = s.customer_id"
                                        + " WHERE c.external_id = ? AND s.channel = 'PROGRAMME'",
                                recent),
                        java.util.Objects::nonNull);
        assertEquals("CONTACTED_RECENTLY", reason);

        var cycles = api.get("api/v1/admin/programmes/" + id + "/cycles", "Authorization", ApiIT.viewer());
        assertEquals(200, cycles.statusCode(), cycles.body());
        JsonObject cycle = array(cycles.body()).getJsonObject(0);
        assertEquals(0, cycle.getInt("cycle"));
        assertEquals(1, cycle.getInt("planned"));
        assertEquals(1, cycle.getInt("sent"));
        assertEquals(0, cycle.getInt("skipped"));
        JsonObject skipped = array(
                        api.get("api/v1/admin/programmes/" + skippingId + "/cycles", "Authorization", Api.admin())
                                .body())
                .getJsonObject(0);
        assertEquals(1, skipped.getInt("skipped"));
        assertEquals(
                "CONTACTED_RECENTLY",
                skipped.getJsonArray("skippedBy").getJsonObject(0).getString("reason"));
        assertEquals(
                1,
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m, email))
                        .count(),
                "one invitation for the programme's member in its cycle");

        // pause, resume, end; the viewer may not, and an ended programme takes no change
        assertEquals(
                403,
                api.post("api/v1/admin/programmes/" + id + "/pause", "", "Authorization", ApiIT.viewer())
                        .statusCode());
        var paused = api.post("api/v1/admin/programmes/" + id + "/pause", "", "Authorization", Api.admin());
        assertEquals("PAUSED", Api.json(paused).getString("status"), paused.body());
        assertEquals(
                409,
                api.post("api/v1/admin/programmes/" + id + "/pause", "", "Authorization", Api.admin())
                        .statusCode());
        var resumed = api.post("api/v1/admin/programmes/" + id + "/resume", "", "Authorization", Api.admin());
        assertEquals("ACTIVE", Api.json(resumed).getString("status"), resumed.body());
        var ended = api.post("api/v1/admin/programmes/" + id + "/end", "", "Authorization", Api.admin());
        assertEquals("ENDED", Api.json(ended).getString("status"), ended.body());
        var change = api.put(
                "api/v1/admin/programmes/" + id,
                "{\"name\": \"x\", \"survey\": \"" + slug + "\", \"segment\": \"pa" + suffix
                        + "\", \"cadenceDays\": 30, \"startDate\": \"2030-01-01\"}",
                "Authorization",
                Api.admin());
        assertEquals(409, change.statusCode(), change.body());
        assertEquals(
                404,
                api.post("api/v1/admin/programmes/999999999/end", "", "Authorization", Api.admin())
                        .statusCode());
    }
}
