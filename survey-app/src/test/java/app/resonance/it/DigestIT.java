package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.ItDatabaseCondition;
import app.resonance.testsupport.OutboxSetUp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
 * Digests of saved views, black-box against the built WAR on H2 and PostgreSQL, the mails read from a real SMTP
 * server (GreenMail): made over the API, sent now and by the scheduled check (run as of a set instant), each period
 * once; the mail in German and English with the figures the analytics API answers for the view and the period, and
 * the view's PDF report attached; the checks naming the field; viewers only read. The digests' timer is off in the
 * ITs ({@code resonance.digests.pollSeconds} 86400, arquillian.xml): the check endpoint runs its code instead, as of
 * the instant a test sets.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DigestIT {

    /** The demo survey's title (DemoSurveys), which the report prints. */
    static final String TITLE_EN = "How happy are you with Resonance?";

    static final String TITLE_DE = "Wie zufrieden sind Sie mit Resonance?";

    static final ZoneId REPORTING = ZoneId.of("Europe/Berlin");

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

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A saved view of the demo's Business NPS by month over the last 12 months; answers its id and name. */
    JsonObject view() {
        var created = api.post(
                "api/v1/admin/dashboard-views",
                "{\"name\": \"Digest " + unique() + "\", \"survey\": \"relationship-nps\", \"segment\": \"business\","
                        + " \"granularity\": \"MONTH\", \"period\": \"LAST_12_MONTHS\"}",
                "Authorization",
                ApiIT.lead());
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    String digests(JsonObject view) {
        return "api/v1/admin/dashboard-views/" + view.getJsonNumber("id").longValue() + "/digests";
    }

    JsonObject digest(JsonObject view, String json) {
        var created = api.post(digests(view), json, "Authorization", ApiIT.lead());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject digest = Api.json(created);
        assertTrue(
                created.headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .endsWith("/digests/" + digest.getJsonNumber("id").longValue()),
                created.headers().toString());
        return digest;
    }

    static List<MimeMessage> to(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> SuppressionIT.to(m, email))
                .toList();
    }

    static MimeMessage received(String email, String subjectStart) {
        return await("the digest to " + email)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> to(email).stream()
                                .filter(m -> subject(m).startsWith(subjectStart))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part, the HTML part and the attachment of a digest mail. */
    record Parts(String text, String html, String fileName, String fileType, byte[] file) {}

    static Parts parts(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        assertEquals(2, mixed.getCount(), "the summary and the report");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = ((String) alternative.getBodyPart(1).getContent()).replace("\r\n", "\n");
        BodyPart pdf = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, pdf.getDisposition());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = pdf.getInputStream()) {
            in.transferTo(bytes);
        }
        return new Parts(text, html, pdf.getFileName(), pdf.getContentType(), bytes.toByteArray());
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    /** The analytics API's segment comparison for the period, the Business row. */
    JsonObject business(String from, String to, String language) {
        var answer = api.get(
                "api/v1/admin/analytics/segments?survey=relationship-nps&from=" + from + "&to=" + to,
                "Authorization",
                ApiIT.viewer(),
                "Accept-Language",
                language);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject json = Api.json(answer);
        assertEquals(from, json.getString("from"));
        return json.getJsonArray("segments").getValuesAs(JsonObject.class).stream()
                .filter(r -> "business".equals(r.isNull("segment") ? null : r.getString("segment")))
                .findFirst()
                .orElseThrow();
    }

    static NumberFormat one(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format;
    }

    /** "23.4 ± 8.1 (n = 120)" as the API's figure reads in the report's words. */
    static String figure(JsonObject f, Locale locale) {
        NumberFormat one = one(locale);
        String n = f.isNull("responses")
                ? ""
                : " (n = " + f.getJsonNumber("responses").longValue() + ")";
        if (f.isNull("value")) {
            return f.getString("display") + n;
        }
        return one.format(f.getJsonNumber("value").doubleValue()) + " ± "
                + one.format(f.getJsonNumber("marginOfError").doubleValue()) + n;
    }

    /** The verdict on the change in the report's words. */
    static String verdict(JsonObject change, Locale locale) {
        boolean german = locale.getLanguage().equals("de");
        if (change.isNull("difference") || change.isNull("pValue")) {
            return german
                    ? "Keine Aussage: zu wenige Antworten vor oder nach der Maßnahme."
                    : "No verdict: too few responses before or after the action.";
        }
        NumberFormat one = one(locale);
        NumberFormat three = NumberFormat.getNumberInstance(locale);
        three.setMinimumFractionDigits(3);
        three.setMaximumFractionDigits(3);
        three.setGroupingUsed(false);
        double d = change.getJsonNumber("difference").doubleValue();
        double p = change.getJsonNumber("pValue").doubleValue();
        String signed = (d > 0 ? "+" : d < 0 ? "-" : "") + one.format(Math.abs(d));
        String pText = p < 0.001 ? "p < " + three.format(0.001) : "p = " + three.format(p);
        return change.getBoolean("significant")
                ? (german
                        ? "Die Veränderung um " + signed + " Punkte ist signifikant (" + pText
                                + "): sehr wahrscheinlich kein Zufall."
                        : "The change of " + signed + " points is significant (" + pText
                                + "): very unlikely to be chance.")
                : (german
                        ? "Die Veränderung um " + signed + " Punkte ist nicht signifikant (" + pText
                                + "): Sie kann Zufall sein."
                        : "The change of " + signed + " points is not significant (" + pText + "): it may be chance.");
    }

    /** Alerts of relationship-nps raised on the days from..to in the reporting zone. */
    static long alerts(LocalDate from, LocalDate to) {
        return Api.count(
                "SELECT COUNT(*) FROM alert WHERE survey_id = (SELECT id FROM survey WHERE slug = 'relationship-nps')"
                        + " AND created_at >= ? AND created_at < ?",
                utc(from),
                utc(to.plusDays(1)));
    }

    static Timestamp utc(LocalDate day) {
        return Timestamp.valueOf(
                day.atStartOfDay(REPORTING).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    long overdue() {
        var tasks = api.get("api/v1/admin/followups?overdue=true&limit=200", "Authorization", ApiIT.viewer());
        assertEquals(200, tasks.statusCode(), tasks.body());
        return Api.parse(tasks.body()).asJsonArray().size();
    }

    @Test
    void sendNowMailsEachRecipientTheFiguresOfTheAnalyticsApiInTheirLanguageWithTheReport() throws Exception {
        JsonObject view = view();
        String name = view.getString("name");
        String english = "digest-en-" + unique() + "@example.test";
        String german = "digest-de-" + unique() + "@example.test";
        JsonObject digest = digest(
                view,
                "{\"cadence\": \"WEEKLY\", \"weekday\": \"MONDAY\", \"hour\": 8, \"paused\": true, \"recipients\": ["
                        + "{\"user\": \"lead\"}, {\"email\": \"" + english + "\", \"language\": \"en\"},"
                        + " {\"email\": \"" + german + "\", \"language\": \"de\"}]}");
        assertEquals("WEEKLY", digest.getString("cadence"));
        assertEquals("MONDAY", digest.getString("weekday"));
        assertTrue(digest.isNull("dayOfMonth"));
        assertEquals("Europe/Berlin", digest.getString("zone"), "the default zone");
        assertTrue(digest.getBoolean("paused"));
        assertTrue(digest.isNull("nextSend"), "a paused digest is not scheduled");
        assertEquals(name, digest.getString("viewName"));
        assertEquals(
                List.of("lead", "-", "-"),
                digest.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.isNull("user") ? "-" : r.getString("user"))
                        .toList());

        var sent = api.post(
                digests(view) + "/" + digest.getJsonNumber("id").longValue() + "/send",
                "",
                "Authorization",
                ApiIT.lead());
        assertEquals(202, sent.statusCode(), sent.body());
        JsonObject result = Api.json(sent);
        assertEquals(3, result.getInt("mails"));
        JsonObject period = result.getJsonObject("period");
        LocalDate from = LocalDate.parse(period.getString("from"));
        LocalDate to = LocalDate.parse(period.getString("to"));
        // the last complete ISO week before today (in Berlin)
        LocalDate today = LocalDate.now(REPORTING);
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        assertEquals(monday.minusDays(7), from);
        assertEquals(monday.minusDays(1), to);
        String label = period.getString("label");
        assertTrue(label.matches("\\d{4}-W\\d{2}"), label);

        long alerts = alerts(from, to);
        long overdue = overdue();

        MimeMessage en = received(english, "Weekly digest: " + name);
        assertEquals("Weekly digest: " + name + " (" + label + ")", en.getSubject());
        Parts enParts = parts(en);
        JsonObject enRow = business(from.toString(), to.toString(), "en");
        String enText = enParts.text();
        assertTrue(enText.startsWith("Weekly digest of the saved view \"" + name + "\"\n\n"), enText);
        assertTrue(enText.contains("Period: " + from + " to " + to + " (" + label + ")\n"), enText);
        assertTrue(enText.contains("Survey: " + TITLE_EN + "\n"), enText);
        assertTrue(enText.contains("Segment: " + enRow.getString("name") + "\n"), enText);
        assertTrue(enText.contains("\nNPS: " + figure(enRow.getJsonObject("current"), Locale.ENGLISH) + "\n"), enText);
        assertTrue(
                enText.contains("\nPrevious period (" + from.minusDays(7) + " to " + from.minusDays(1) + "): "
                        + figure(enRow.getJsonObject("previous"), Locale.ENGLISH) + "\n"),
                enText);
        assertTrue(enText.contains("\n" + verdict(enRow.getJsonObject("change"), Locale.ENGLISH) + "\n"), enText);
        assertTrue(enText.contains("\nAlerts raised in the period: " + alerts + "\n"), enText);
        assertTrue(enText.contains("\nOverdue follow-up tasks now: " + overdue + "\n"), enText);
        assertTrue(enText.contains("/admin/dashboard.xhtml?survey=relationship-nps&segment=business"), enText);
        assertTrue(
                enParts.html().contains("<td>" + figure(enRow.getJsonObject("current"), Locale.ENGLISH) + "</td>"),
                enParts.html());
        assertTrue(enParts.html().contains("&quot;" + name + "&quot;"), "escaped: " + enParts.html());

        assertEquals("resonance-digest-" + label + ".pdf", enParts.fileName());
        assertTrue(enParts.fileType().startsWith("application/pdf"), enParts.fileType());
        assertEquals("%PDF", new String(enParts.file(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String enPdf = pdfText(enParts.file());
        assertTrue(enPdf.contains(TITLE_EN), enPdf);
        assertTrue(enPdf.contains(enRow.getString("name")), enPdf);

        MimeMessage de = received(german, "Wochenbericht: " + name);
        assertEquals("Wochenbericht: " + name + " (" + label + ")", de.getSubject());
        Parts deParts = parts(de);
        JsonObject deRow = business(from.toString(), to.toString(), "de");
        String deText = deParts.text();
        assertTrue(deText.startsWith("Wochenbericht der gespeicherten Ansicht „" + name + "“\n\n"), deText);
        assertTrue(deText.contains("Zeitraum: " + from + " bis " + to + " (" + label + ")\n"), deText);
        assertTrue(deText.contains("Umfrage: " + TITLE_DE + "\n"), deText);
        assertTrue(deText.contains("Kundensegment: " + deRow.getString("name") + "\n"), deText);
        assertTrue(deText.contains("\nNPS: " + figure(deRow.getJsonObject("current"), Locale.GERMAN) + "\n"), deText);
        assertTrue(
                deText.contains("\nVorheriger Zeitraum (" + from.minusDays(7) + " bis " + from.minusDays(1) + "): "
                        + figure(deRow.getJsonObject("previous"), Locale.GERMAN) + "\n"),
                deText);
        assertTrue(deText.contains("\n" + verdict(deRow.getJsonObject("change"), Locale.GERMAN) + "\n"), deText);
        assertTrue(deText.contains("\nIm Zeitraum ausgelöste Alarme: " + alerts + "\n"), deText);
        assertTrue(deText.contains("\nJetzt überfällige Folgeaufgaben: " + overdue + "\n"), deText);
        assertTrue(pdfText(deParts.file()).contains(TITLE_DE));

        // the demo lead's account is German: the user's own language
        String leadEmail = Api.text("SELECT email FROM app_user WHERE username = 'lead'");
        received(leadEmail, "Wochenbericht: " + name);
        assertEquals(3, Api.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ?", "%" + name + "%"));
        assertEquals(
                0,
                Api.count(
                        "SELECT COUNT(*) FROM digest_send WHERE digest_id = ?",
                        digest.getJsonNumber("id").longValue()),
                "sending now is not the scheduled send of the period");

        // sent again by hand at once: refused with 429 and Retry-After, in the caller's language, and nothing mailed
        var again = api.post(
                digests(view) + "/" + digest.getJsonNumber("id").longValue() + "/send",
                "",
                "Authorization",
                ApiIT.lead(),
                "Accept-Language",
                "de");
        assertEquals(429, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        long retry = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry > 500 && retry <= 600, "about ten minutes: " + retry);
        assertTrue(
                Api.json(again).getString("detail").startsWith("Dieser Bericht wurde vor weniger als 10 Minuten"),
                again.body());
        assertEquals(3, Api.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ?", "%" + name + "%"));
    }

    @Test
    void theScheduledCheckSendsEachPeriodOnceAlsoAsOfAnEarlierInstant() throws Exception {
        JsonObject view = view();
        String email = "digest-check-" + unique() + "@example.test";
        JsonObject digest = digest(
                view,
                "{\"cadence\": \"WEEKLY\", \"weekday\": \"WEDNESDAY\", \"hour\": 7, \"zone\": \"UTC\","
                        + " \"recipients\": [{\"email\": \"" + email + "\"}]}");
        long id = digest.getJsonNumber("id").longValue();
        assertTrue(digest.isNull("lastSent"));
        Instant nextSend = Instant.parse(digest.getString("nextSend"));
        LocalDate nextFrom = LocalDate.parse(digest.getJsonObject("nextPeriod").getString("from"));
        // the newest period whose send time passed: the ISO week before the next one
        LocalDate dueFrom = nextFrom.minusDays(7);

        List<JsonObject> first = check(null);
        List<JsonObject> mine = mine(first, id);
        assertEquals(1, mine.size(), first.toString());
        assertEquals(dueFrom.toString(), mine.get(0).getJsonObject("period").getString("from"));
        assertEquals(1, mine.get(0).getInt("mails"));
        assertEquals(List.of(), mine(check(null), id), "a second check in the period sends nothing");

        // as of a minute before the due period's send time (the clock set back), the week before is due
        Instant earlier = nextSend.minus(Duration.ofDays(7)).minusSeconds(60);
        List<JsonObject> caughtUp = mine(check(earlier.toString()), id);
        assertEquals(1, caughtUp.size());
        assertEquals(
                dueFrom.minusDays(7).toString(),
                caughtUp.get(0).getJsonObject("period").getString("from"));
        assertEquals(List.of(), mine(check(earlier.toString()), id));

        assertEquals(2, Api.count("SELECT COUNT(*) FROM digest_send WHERE digest_id = ?", id));
        assertEquals(2, Api.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email));
        String label = caughtUp.get(0).getJsonObject("period").getString("label");
        MimeMessage mail = received(email, "Weekly digest: " + view.getString("name") + " (" + label + ")");
        assertNotNull(parts(mail).file());

        var read = api.get(digests(view) + "/" + id, "Authorization", ApiIT.viewer());
        assertEquals(200, read.statusCode(), read.body());
        JsonObject lastSent = Api.json(read).getJsonObject("lastSent");
        assertEquals(dueFrom.toString(), lastSent.getJsonObject("period").getString("from"), "the newest period");
        assertEquals(1, lastSent.getInt("mails"));

        var future = api.post(
                "api/v1/admin/digests/check?at=" + Instant.now().plus(Duration.ofDays(1)),
                "",
                "Authorization",
                Api.admin());
        assertEquals(422, future.statusCode(), future.body());
        assertEquals(
                "at", Api.json(future).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                403,
                api.post("api/v1/admin/digests/check", "", "Authorization", ApiIT.lead())
                        .statusCode(),
                "the check sends every digest: an admin's");
    }

    List<JsonObject> check(String at) {
        var answer = api.post(
                "api/v1/admin/digests/check" + (at == null ? "" : "?at=" + at), "", "Authorization", Api.admin());
        assertEquals(200, answer.statusCode(), answer.body());
        return Api.json(answer).getJsonArray("sent").getValuesAs(JsonObject.class);
    }

    static List<JsonObject> mine(List<JsonObject> sent, long id) {
        return sent.stream()
                .filter(s -> s.getJsonNumber("digest").longValue() == id)
                .toList();
    }

    static List<String> fields(java.net.http.HttpResponse<String> problem) {
        assertTrue(
                problem.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                problem.headers().toString());
        return Api.json(problem).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
    }

    @Test
    void theDemoHasAWeeklyDigestWithOnePeriodSent() {
        var views = api.get("api/v1/admin/dashboard-views", "Authorization", ApiIT.viewer());
        assertEquals(200, views.statusCode(), views.body());
        JsonObject view = Api.parse(views.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("name").equals("Business NPS, last 12 months"))
                .findFirst()
                .orElseThrow();
        var list = api.get(digests(view), "Authorization", ApiIT.viewer());
        assertEquals(200, list.statusCode(), list.body());
        List<JsonObject> demo = Api.parse(list.body()).asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, demo.size(), list.body());
        JsonObject digest = demo.get(0);
        assertEquals("WEEKLY", digest.getString("cadence"));
        assertEquals("MONDAY", digest.getString("weekday"));
        assertEquals(8, digest.getInt("hour"));
        assertEquals(
                "cs-team@resonance.example",
                digest.getJsonArray("recipients").getJsonObject(0).getString("email"));
        JsonObject lastSent = digest.getJsonObject("lastSent");
        assertEquals(2, lastSent.getInt("mails"));
        LocalDate sentFrom = LocalDate.parse(lastSent.getJsonObject("period").getString("from"));
        assertEquals(
                sentFrom.plusDays(7).toString(),
                digest.getJsonObject("nextPeriod").getString("from"),
                "the next period follows the one sent");
    }

    @Test
    void badDigestsAreRefusedNamingTheFieldAndViewersOnlyRead() {
        JsonObject view = view();
        String path = digests(view);
        var bad = api.post(
                path,
                "{\"cadence\": \"DAILY\", \"dayOfMonth\": 40, \"hour\": 24, \"zone\": \"Mars/Olympus\","
                        + " \"recipients\": [{\"user\": \"nobody-" + unique() + "\"}, {\"email\": \"not an address\"},"
                        + " {\"user\": \"lead\", \"email\": \"a@example.test\"},"
                        + " {\"email\": \"b@example.test\", \"language\": \"fr\"}, {\"user\": \"lead\", \"language\": \"en\"}]}",
                "Authorization",
                ApiIT.lead(),
                "Accept-Language",
                "de");
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals(
                List.of(
                        "cadence",
                        "dayOfMonth",
                        "hour",
                        "zone",
                        "recipients[0].user",
                        "recipients[1].email",
                        "recipients[2]",
                        "recipients[3].language",
                        "recipients[4].language"),
                fields(bad));
        assertEquals(
                "Geben Sie entweder einen Benutzer oder eine Adresse an.",
                Api.json(bad).getJsonArray("errors").getJsonObject(6).getString("message"));

        assertEquals(
                List.of("weekday"),
                fields(api.post(
                        path,
                        "{\"cadence\": \"WEEKLY\", \"recipients\": [{\"user\": \"lead\"}]}",
                        "Authorization",
                        ApiIT.lead())));
        assertEquals(
                List.of("weekday", "dayOfMonth"),
                fields(api.post(
                        path,
                        "{\"cadence\": \"MONTHLY\", \"weekday\": \"MONDAY\", \"dayOfMonth\": 29,"
                                + " \"recipients\": [{\"user\": \"lead\"}]}",
                        "Authorization",
                        ApiIT.lead())));
        assertEquals(
                List.of("dayOfMonth", "recipients"),
                fields(api.post(
                        path,
                        "{\"cadence\": \"WEEKLY\", \"weekday\": \"friday\", \"dayOfMonth\": 3, \"recipients\": []}",
                        "Authorization",
                        ApiIT.lead())));
        assertEquals(
                List.of("recipients[1].email"),
                fields(api.post(
                        path,
                        "{\"cadence\": \"MONTHLY\", \"dayOfMonth\": 1, \"recipients\": [{\"email\": \"x@example.test\"},"
                                + " {\"email\": \"X@example.test\"}]}",
                        "Authorization",
                        ApiIT.lead())));

        var noBody = api.post(path, "", "Authorization", ApiIT.lead());
        assertEquals(400, noBody.statusCode(), noBody.body());
        var unknownView = api.post(
                "api/v1/admin/dashboard-views/999999999/digests",
                "{\"cadence\": \"MONTHLY\", \"dayOfMonth\": 1, \"recipients\": [{\"user\": \"lead\"}]}",
                "Authorization",
                ApiIT.lead());
        assertEquals(404, unknownView.statusCode(), unknownView.body());
        assertEquals(
                404,
                api.get(path + "/999999999", "Authorization", ApiIT.viewer()).statusCode());
        assertEquals(
                404, api.get(path + "/abc", "Authorization", ApiIT.viewer()).statusCode());

        String good = "{\"cadence\": \"MONTHLY\", \"dayOfMonth\": 1, \"recipients\": [{\"user\": \"lead\"}]}";
        assertEquals(403, api.post(path, good, "Authorization", ApiIT.viewer()).statusCode(), "a viewer only reads");
        JsonObject digest = digest(view, good);
        long id = digest.getJsonNumber("id").longValue();
        assertEquals("MONTHLY", digest.getString("cadence"));
        assertEquals(1, digest.getInt("dayOfMonth"));
        assertEquals(8, digest.getInt("hour"), "the default hour");
        assertTrue(digest.getString("nextSend").endsWith("T07:00:00Z")
                || digest.getString("nextSend").endsWith("T06:00:00Z"));

        var list = api.get(path, "Authorization", ApiIT.viewer());
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(
                List.of(id),
                Api.parse(list.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                        .map(d -> d.getJsonNumber("id").longValue())
                        .toList());
        assertEquals(
                403,
                api.put(path + "/" + id, good.replace("}]}", "}], \"paused\": true}"), "Authorization", ApiIT.viewer())
                        .statusCode());
        assertEquals(
                403,
                api.post(path + "/" + id + "/send", "", "Authorization", ApiIT.viewer())
                        .statusCode());
        assertEquals(
                403,
                api.delete(path + "/" + id, "Authorization", ApiIT.viewer()).statusCode());

        var paused =
                api.put(path + "/" + id, good.replace("}]}", "}], \"paused\": true}"), "Authorization", ApiIT.lead());
        assertEquals(200, paused.statusCode(), paused.body());
        assertTrue(Api.json(paused).getBoolean("paused"));
        assertEquals(
                List.of("hour"),
                fields(api.put(
                        path + "/" + id, good.replace("}]}", "}], \"hour\": -1}"), "Authorization", ApiIT.lead())));
        assertEquals(
                204, api.delete(path + "/" + id, "Authorization", ApiIT.lead()).statusCode());
        assertEquals(
                404, api.get(path + "/" + id, "Authorization", ApiIT.viewer()).statusCode());
        assertEquals(
                1,
                Api.count(
                        "SELECT COUNT(*) FROM audit_entry WHERE area = 'DIGEST' AND action = 'removed' AND subject = ?",
                        view.getString("name")));
    }
}
