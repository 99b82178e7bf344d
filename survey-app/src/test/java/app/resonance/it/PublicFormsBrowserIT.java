package app.resonance.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testing.browser.Browser;
import app.resonance.testsupport.ItDatabaseCondition;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The respondent's side in headless Chromium against the real pages: every question type on a phone,
 * skip logic and piping, validation in both languages, resuming, invitations, one-click scores, the
 * widget on another site, accessibility (axe-core, zero violations) and page weight; plus the spam and
 * abuse protections over plain HTTP.
 */
@ExtendWith(ItDatabaseCondition.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicFormsBrowserIT {

    static final int PHONE_WIDTH = 360;

    @Deployment(testable = false)
    static WebArchive app() {
        return Api.surveyApp();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        base = Api.loopback(base);
        api = new Api(base);
    }

    String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    static String slug() {
        return "f-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every question type on two pages; "low" appears on page 1 only for NPS 0-6; "why" pipes the score. */
    String allTypesSurvey(String settings) {
        String slug = slug();
        var created = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "CUSTOM", "title": {"de": "Alle Typen", "en": "All types"},
                 "questions": [
                   {"id": "nps", "type": "NPS", "page": 1, "text": {"de": "Empfehlen Sie uns?", "en": "Would you recommend us?"},
                    "minLabel": {"de": "nie", "en": "never"}, "maxLabel": {"de": "sicher", "en": "certainly"}},
                   {"id": "low", "type": "SHORT_TEXT", "page": 1, "required": false,
                    "showIf": {"question": "nps", "operator": "BETWEEN", "values": ["0", "6"]},
                    "text": {"de": "Was fehlt Ihnen?", "en": "What are you missing?"}},
                   {"id": "csat", "type": "CSAT", "page": 1, "text": {"de": "Zufrieden?", "en": "Satisfied?"}},
                   {"id": "ces", "type": "CES", "page": 1, "text": {"de": "Wie einfach?", "en": "How easy?"}},
                   {"id": "stars", "type": "RATING", "page": 2, "min": 1, "max": 5, "text": {"de": "Sterne", "en": "Stars"}},
                   {"id": "plan", "type": "SINGLE_CHOICE", "page": 2, "text": {"de": "Tarif", "en": "Plan"},
                    "options": [{"id": "basic", "label": {"de": "Basis", "en": "Basic"}},
                                {"id": "pro", "label": {"de": "Profi", "en": "Pro"}}]},
                   {"id": "uses", "type": "MULTIPLE_CHOICE", "page": 2, "required": false, "text": {"de": "Nutzung", "en": "Uses"},
                    "options": [{"id": "web", "label": {"de": "Web", "en": "Web"}},
                                {"id": "app", "label": {"de": "App", "en": "App"}},
                                {"id": "api", "label": {"de": "API", "en": "API"}}]},
                   {"id": "grid", "type": "MATRIX", "page": 2, "text": {"de": "Bewertung", "en": "Rating"},
                    "options": [{"id": "bad", "label": {"de": "schlecht", "en": "bad"}},
                                {"id": "good", "label": {"de": "gut", "en": "good"}}],
                    "rows": [{"id": "speed", "label": {"de": "Tempo", "en": "Speed"}},
                             {"id": "design", "label": {"de": "Gestaltung", "en": "Design"}}]},
                   {"id": "why", "type": "LONG_TEXT", "page": 2, "required": false,
                    "text": {"de": "Warum eine {answer:nps|solche Bewertung}, {customer.name}?", "en": "Why a {answer:nps|score like this}, {customer.name}?"}}
                 ]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        if (settings != null) {
            var put = api.put("api/v1/admin/surveys/" + slug + "/settings", settings, "Authorization", Api.admin());
            assertEquals(200, put.statusCode(), put.body());
        }
        var published = api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin());
        assertEquals(200, published.statusCode(), published.body());
        return slug;
    }

    @Test
    void onAPhoneEveryMatrixOptionFitsItsButtonAndTheFormsHaveAFavicon() throws Exception {
        String slug = slug();
        var created = api.post("api/v1/admin/surveys", """
                {"slug": "%s", "kind": "CUSTOM", "title": {"de": "Matrix", "en": "Matrix"},
                 "questions": [
                   {"id": "grid", "type": "MATRIX", "page": 1, "text": {"de": "Wie war es?", "en": "How was it?"},
                    "options": [{"id": "o1", "label": {"de": "Mangelhaft", "en": "Poor"}},
                                {"id": "o2", "label": {"de": "Ausreichend", "en": "Fair"}},
                                {"id": "o3", "label": {"de": "Befriedigend", "en": "Satisfactory"}},
                                {"id": "o4", "label": {"de": "Gut", "en": "Good"}},
                                {"id": "o5", "label": {"de": "Hervorragend", "en": "Outstanding"}}],
                    "rows": [{"id": "speed", "label": {"de": "Tempo", "en": "Speed"}},
                             {"id": "design", "label": {"de": "Gestaltung", "en": "Design"}}]}
                 ]}""".formatted(slug), "Authorization", Api.admin());
        assertEquals(201, created.statusCode(), created.body());
        var published = api.post("api/v1/admin/surveys/" + slug + "/publish", "", "Authorization", Api.admin());
        assertEquals(200, published.statusCode(), published.body());
        try (Browser browser = Browser.open(390, 844, "de-DE")) {
            browser.go(url("s/" + slug));
            List<WebElement> labels = browser.findAll(".cells label");
            assertEquals(10, labels.size());
            for (WebElement label : labels) {
                long scroll = Long.parseLong(label.getDomProperty("scrollWidth"));
                long client = Long.parseLong(label.getDomProperty("clientWidth"));
                assertTrue(scroll <= client, label.getText() + " overflows its button: " + scroll + " > " + client);
            }
            List<WebElement> first = browser.findAll(".row:first-of-type .cells .opt");
            assertEquals(
                    first.get(0).getRect().getX(),
                    first.get(4).getRect().getX(),
                    "on a phone a row's options are a list, not a grid that leaves the fifth alone");
            String icon = browser.find("link[rel=icon]").getDomProperty("href");
            var answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create(icon))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), icon);
            assertTrue(answer.body().startsWith("<svg"), answer.body());
        }
    }

    String invite(String slug, String customer) {
        var issued = api.post(
                "api/v1/admin/surveys/" + slug + "/invitations",
                "{\"customers\": [\"" + customer + "\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        return Api.parse(issued.body()).asJsonArray().getJsonObject(0).getString("path");
    }

    static long responses(String slug) {
        return Api.count("SELECT COUNT(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug);
    }

    static String answers(String slug) {
        return answersWhere("JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug);
    }

    /** The stored answers as "key=value", "key.row=column", in question order. */
    static String answersWhere(String condition, String parameter) {
        try (var connection = Api.database();
                var statement = connection.prepareStatement("SELECT q.question_key, a.row_code, a.option_code, a.score,"
                        + " a.text_value FROM answer a JOIN question q ON q.id = a.question_id"
                        + " JOIN response r ON r.id = a.response_id " + condition
                        + " ORDER BY q.position, a.row_code, a.option_code")) {
            statement.setString(1, parameter);
            var parts = new java.util.ArrayList<String>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(4) != null
                            ? rs.getString(4)
                            : rs.getString(5) != null ? rs.getString(5) : rs.getString(3);
                    parts.add(rs.getString(1) + (rs.getString(2) == null ? "" : "." + rs.getString(2)) + "=" + value);
                }
            }
            return String.join(" ", parts);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(String slug) {
        return Api.text("SELECT r.status FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug);
    }

    /**
     * Waits until the page has been shown for longer than a person needs at least: the forms refuse
     * submissions faster than that (400 ms in the tests), counted from the stamp the server put in the page,
     * which was made before the page's first byte arrived.
     */
    static void pause(Browser browser) {
        browser.waitUntil(d -> ((Number)
                                browser.script(
                                        "return performance.now() - performance.getEntriesByType('navigation')[0].responseStart"))
                        .doubleValue()
                > 450);
    }

    @Test
    void everyQuestionTypeIsAnsweredOnAPhoneWithSkipLogicAndPiping() {
        String slug = allTypesSurvey(null);
        try (Browser browser = Browser.open(PHONE_WIDTH, 800, "en")) {
            browser.go(url("s/" + slug));
            assertEquals("Page 1 of 2", browser.text("#progress-label"));
            assertTrue(
                    (Long) browser.script("return document.documentElement.scrollWidth") <= PHONE_WIDTH,
                    "no sideways scrolling on a 360 px phone");
            assertFalse(browser.find("#q-low").isDisplayed(), "asked only of detractors");
            browser.choose("q-nps-5");
            assertTrue(browser.find("#q-low").isDisplayed(), "shown as soon as the score is 0-6");
            // Keyboard: arrow keys move along the scale.
            new Actions(browser.driver())
                    .sendKeys(Keys.ARROW_RIGHT)
                    .sendKeys(Keys.ARROW_RIGHT)
                    .perform();
            assertTrue(browser.find("#q-nps-7").isSelected());
            assertFalse(browser.find("#q-low").isDisplayed(), "hidden again for a passive score");
            browser.choose("q-nps-6");
            browser.type("#q-low", "Better <b>exports</b>");
            browser.choose("q-csat-4");
            browser.choose("q-ces-6");
            pause(browser);
            browser.submit();

            assertEquals("Page 2 of 2", browser.text("#progress-label"));
            assertEquals(
                    "Why a 6?",
                    browser.find("label[for=q-why]").getText(),
                    "the score piped, no name for a public link");
            browser.choose("q-stars-4");
            browser.choose("q-plan-pro");
            browser.choose("q-uses-web");
            browser.choose("q-uses-api");
            browser.choose("q-grid-speed-good");
            browser.choose("q-grid-design-bad");
            browser.type("#q-why", "Ü & <script>alert(1)</script>");
            pause(browser);
            browser.submit();
            assertEquals("Thank you!", browser.text("h1"));
            assertNoViolations(browser, "thank-you page");
        }
        assertEquals(1, responses(slug));
        assertEquals("COMPLETE", status(slug));
        assertEquals(
                "nps=6 low=Better <b>exports</b> csat=4 ces=6 stars=4 plan=pro uses=api uses=web"
                        + " grid.design=bad grid.speed=good why=Ü & <script>alert(1)</script>",
                answers(slug));
    }

    @Test
    void aChangedScoreDropsTheAnswerTheNewScoreDoesNotAskFor() {
        try (Browser browser = Browser.open(1280, 900, "en")) {
            browser.go(url("s/relationship-nps"));
            browser.choose("q-nps-3");
            pause(browser);
            browser.submit();
            assertTrue(browser.present("#q-improve"), "detractors are asked what to improve");
            assertEquals(
                    "Thank you. What is the main reason for your score (3 out of 10)?",
                    browser.find("label[for=q-reason]").getText());
            browser.type("#q-improve", "Faster support");
            String resume = browser.find(".resume a").getAttribute("href");
            browser.follow(".nav a");
            assertTrue(browser.find("#q-nps-3").isSelected(), "back keeps the saved score");
            browser.choose("q-nps-9");
            pause(browser);
            browser.submit();
            assertFalse(browser.present("#q-improve"), "promoters are not asked what to improve");
            browser.type("#q-reason", "Great product");
            pause(browser);
            browser.submit();
            assertEquals("Thank you!", browser.text("h1"));
            String token = resume.substring(resume.lastIndexOf('/') + 1);
            assertEquals("nps=9 reason=Great product", answersOf(token), "the stale improvement wish was not kept");
        }
    }

    static String answersOf(String resumeToken) {
        return answersWhere("WHERE r.resume_token_hash = ?", sha256(resumeToken));
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validationMessagesSitNextToTheFieldsInTheRespondentsLanguageAndKeepTheValues() {
        String slug = allTypesSurvey(null);
        try (Browser browser = Browser.open(1024, 900, "de-DE")) {
            browser.go(url("s/" + slug));
            assertEquals("de", browser.find("html").getAttribute("lang"));
            browser.choose("q-nps-2");
            browser.type("#q-low", "Mehr Berichte");
            pause(browser);
            browser.submit();
            assertEquals("Bitte beantworten Sie dies.", browser.text("#q-csat-error"));
            assertEquals("Bitte beantworten Sie dies.", browser.text("#q-ces-error"));
            assertEquals("q-csat-error", browser.find("#q-csat").getAttribute("aria-describedby"));
            assertEquals(
                    List.of("Bitte beantworten Sie: Zufrieden?", "Bitte beantworten Sie: Wie einfach?"),
                    browser.findAll("#error-summary a").stream()
                            .map(e -> e.getText())
                            .toList(),
                    "the summary names each question that needs an answer");
            assertTrue(browser.driver().getTitle().startsWith("Fehler:"));
            assertEquals(
                    "error-summary",
                    browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the error summary takes the focus so that screen readers announce it");
            assertTrue(browser.find("#q-nps-2").isSelected(), "the score is kept");
            assertEquals("Mehr Berichte", browser.find("#q-low").getAttribute("value"), "the text is kept");
            assertNoViolations(browser, "form with errors (de)");

            browser.follow(".langs a[lang=en]");
            browser.choose("q-nps-2");
            pause(browser);
            browser.submit();
            assertEquals("Please answer this.", browser.text("#q-csat-error"));
            assertEquals("Please check your answers", browser.text("#error-summary h2"));
            assertEquals(
                    List.of("Please answer: Satisfied?", "Please answer: How easy?"),
                    browser.findAll("#error-summary a").stream()
                            .map(e -> e.getText())
                            .toList());
            browser.find("#error-summary a").click();
            assertEquals(
                    "q-csat-1",
                    browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the summary's link leads to the field");
        }
        assertEquals(0, responses(slug), "nothing stored while the page has errors");
    }

    @Test
    void aRespondentWhoClosesTheTabResumesWithTheLinkAndCompletesOneResponse() {
        String slug = allTypesSurvey(null);
        String resume;
        try (Browser browser = Browser.open(1024, 900, "en")) {
            browser.go(url("s/" + slug));
            browser.choose("q-nps-10");
            browser.choose("q-csat-5");
            browser.choose("q-ces-7");
            pause(browser);
            browser.submit();
            resume = browser.find(".resume a").getAttribute("href");
        }
        assertEquals("PARTIAL", status(slug), "the first page is saved as a partial response");
        try (Browser browser = Browser.open(1024, 900, "en")) {
            browser.go(resume);
            assertEquals("Page 2 of 2", browser.text("#progress-label"), "resumes where the respondent left");
            browser.choose("q-stars-5");
            browser.choose("q-plan-basic");
            browser.choose("q-grid-speed-good");
            browser.choose("q-grid-design-good");
            pause(browser);
            browser.submit();
            assertEquals("Thank you!", browser.text("h1"));
            browser.go(resume);
            assertEquals("Already answered", browser.text("h1"));
        }
        assertEquals(1, responses(slug), "completed, never duplicated");
        assertEquals("COMPLETE", status(slug));
    }

    @Test
    void anInvitationIsAnsweredOnceUnlessTheSurveyLetsRespondentsChangeTheirAnswers() {
        String slug = allTypesSurvey(null);
        String link = invite(slug, "C-01001");
        String name = Api.text("SELECT name FROM customer WHERE external_id = 'C-01001'");
        try (Browser browser = Browser.open(1024, 900, "en")) {
            browser.go(url(link.substring(1)));
            browser.choose("q-nps-8");
            browser.choose("q-csat-4");
            browser.choose("q-ces-5");
            pause(browser);
            browser.submit();
            assertEquals(
                    "Why a 8, " + name + "?", browser.find("label[for=q-why]").getText(), "the customer's name piped");
            browser.choose("q-stars-3");
            browser.choose("q-plan-pro");
            browser.choose("q-grid-speed-bad");
            browser.choose("q-grid-design-bad");
            pause(browser);
            browser.submit();
            assertEquals("Thank you!", browser.text("h1"));
            browser.go(url(link.substring(1)));
            assertEquals("Already answered", browser.text("h1"));

            var put = api.put(
                    "api/v1/admin/surveys/" + slug + "/settings",
                    "{\"answerPolicy\": \"CHANGEABLE\"}",
                    "Authorization",
                    Api.admin());
            assertEquals(200, put.statusCode(), put.body());
            browser.go(url(link.substring(1)));
            assertTrue(browser.find("#q-nps-8").isSelected(), "the earlier answers are shown to change");
            browser.choose("q-nps-10");
            pause(browser);
            browser.submit();
            pause(browser);
            browser.submit();
            assertEquals("Thank you!", browser.text("h1"));
        }
        assertEquals(1, responses(slug), "one response per invitation");
        assertTrue(answers(slug).startsWith("nps=10 csat=4 ces=5 stars=3 plan=pro"), answers(slug));
        assertEquals(
                "INVITATION",
                Api.text(
                        "SELECT r.channel FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        assertNotNull(Api.text(
                "SELECT opened_at FROM invitation i JOIN survey s ON s.id = i.survey_id WHERE s.slug = ?", slug));
        assertEquals(
                404, api.get(link.substring(0, link.length() - 2) + "xx").statusCode(), "a forged token finds nothing");
    }

    @Test
    void aOneClickScoreIsRecordedOnTheFirstClickChangedByAnotherAndNeverByAMailScanner() {
        String slug = allTypesSurvey(null);
        String link = invite(slug, "C-01002");
        var scanner = api.get(link + "?score=0");
        assertEquals(200, scanner.statusCode());
        assertEquals(0, responses(slug), "a GET (as mail scanners send) records nothing");
        try (Browser browser = Browser.open(1024, 900, "en")) {
            browser.go(url(link.substring(1) + "?score=9"));
            browser.waitUntil(d -> !browser.text("#oneclick-status").isEmpty());
            assertEquals(
                    "Thank you, your score 9 has been saved. Tell us more below if you like.",
                    browser.text("#oneclick-status"));
            assertEquals("nps=9", answers(slug));
            browser.go(url(link.substring(1) + "?score=4"));
            browser.waitUntil(d -> browser.text("#oneclick-status").contains("4"));
            assertTrue(browser.find("#q-nps-4").isSelected(), "the rest of the survey opens with the score chosen");
        }
        assertEquals(1, responses(slug), "another score in the same email changes the response, never adds one");
        assertEquals("nps=4", answers(slug));
        assertEquals(
                "EMAIL",
                Api.text(
                        "SELECT r.channel FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
    }

    @Test
    void theUnsubscribePageAsksFirstInBothLanguagesAndItsButtonUnsubscribes() {
        String id = "unsub-" + UUID.randomUUID().toString().substring(0, 8);
        String email = id + "@example.test";
        var customer = api.post(
                "api/v1/admin/customers",
                "{\"externalId\": \"" + id + "\", \"name\": \"Anna\", \"email\": \"" + email + "\"}",
                "Authorization",
                Api.admin());
        assertEquals(201, customer.statusCode(), customer.body());
        var wave = api.post(
                "api/v1/admin/surveys/relationship-nps/waves",
                "{\"customers\": [\"" + id + "\"]}",
                "Authorization",
                Api.admin());
        assertEquals(201, wave.statusCode(), wave.body());
        // Nothing listens on the ITs' SMTP port here: the mail stays queued with its one-click address.
        String link = Api.text("SELECT unsubscribe_url FROM mail_outbox WHERE recipient = ?", email);
        String path = URI.create(link).getPath().substring(1);
        for (String language : List.of("de", "en")) {
            for (int width : List.of(PHONE_WIDTH, 1024)) {
                try (Browser browser = Browser.open(width, 800, language)) {
                    browser.go(url(path));
                    assertEquals(language, browser.find("html").getAttribute("lang"));
                    assertEquals(
                            language.equals("de") ? "Von Umfragen abmelden" : "Unsubscribe from surveys",
                            browser.text("h1"));
                    assertTrue(browser.text(".message").contains(email));
                    assertNoViolations(browser, "unsubscribe " + width + " (" + language + ")");
                }
            }
        }
        assertEquals(0, Api.count("SELECT COUNT(*) FROM mail_suppression WHERE email = ?", email), "GETs only ask");
        try (Browser browser = Browser.open(PHONE_WIDTH, 800, "en")) {
            browser.go(url(path));
            browser.clickAndWaitForNextPage("#unsubscribe");
            assertEquals("You are unsubscribed", browser.text("h1"));
            assertNoViolations(browser, "unsubscribed (en)");
            browser.go(url(path + "?lang=de"));
            assertEquals("Sie sind abgemeldet", browser.text("h1"), "a second visit says so");
            browser.go(url(path.substring(0, path.length() - 3) + "abc?lang=de"));
            assertEquals("Dieser Link ist ungültig", browser.text("h1"));
            assertNoViolations(browser, "unsubscribe link not valid (de)");
        }
        assertEquals(
                "UNSUBSCRIBED LINK",
                Api.text("SELECT reason || ' ' || source FROM mail_suppression WHERE email = ?", email));
    }

    @Test
    void anIdentifiedWidgetAnswersForTheSignedCustomerWithTheHiddenFieldOfItsPage() throws Exception {
        HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String shopOrigin =
                "http://" + ("localhost".equals(URI.create(base.toString()).getHost()) ? "127.0.0.1" : "localhost")
                        + ":" + shop.getAddress().getPort();
        String slug = allTypesSurvey("{\"allowedOrigins\": [\"" + shopOrigin + "\"], \"hiddenFields\": [\"source\"]}");
        String customer = "W-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(
                                "api/v1/admin/customers",
                                "{\"externalId\": \"" + customer + "\", \"name\": \"Shop\"}",
                                "Authorization",
                                Api.admin())
                        .statusCode());
        var issued = api.post("api/v1/admin/surveys/" + slug + "/widget-secret", "", "Authorization", Api.admin());
        String secret = Api.json(issued).getString("secret");
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig =
                java.util.HexFormat.of().formatHex(mac.doFinal((customer + "." + ts).getBytes(StandardCharsets.UTF_8)));
        shop.createContext("/", exchange -> {
            // what the shop's server writes: the signed customer id as the script's attributes
            byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Shop</h1>"
                            + "<script src=\"" + url("widget.js") + "\" data-survey=\"" + slug + "\" data-customer=\""
                            + customer + "\" data-ts=\"" + ts + "\" data-sig=\"" + sig
                            + "\" async></script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        shop.start();
        try (Browser browser = Browser.open(1280, 800, "en")) {
            browser.go(shopOrigin + "/pricing?source=pricing-page&session=secret-session-id");
            browser.waitUntil(d -> browser.present("[data-resonance-widget]"));
            SearchContext widget = browser.find("[data-resonance-widget]").getShadowRoot();
            widget.findElements(By.cssSelector("label.o")).get(10).click();
            widget.findElement(By.cssSelector("button.send")).click();
            browser.waitUntil(d -> browser.find("[data-resonance-widget]")
                    .getShadowRoot()
                    .findElement(By.cssSelector(".msg"))
                    .getText()
                    .startsWith("Thank you"));
        } finally {
            shop.stop(0);
        }
        String where = " FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?";
        assertEquals(
                customer,
                Api.text(
                        "SELECT c.external_id"
                                + where.replace(" WHERE", " JOIN customer c ON c.id = r.customer_id WHERE"),
                        slug));
        assertEquals(
                "source=pricing-page", Api.text("SELECT r.hidden_fields" + where, slug), "only the declared field");
        assertEquals("nps=10", answers(slug));
    }

    @Test
    void theWidgetOnAnAllowedSiteSendsAScoreAndOtherSitesCannotUseIt() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI app = URI.create(base.toString());
        String siteHost = "localhost".equals(app.getHost()) ? "127.0.0.1" : "localhost";
        String siteOrigin = "http://" + siteHost + ":" + site.getAddress().getPort();
        String slug = allTypesSurvey("{\"allowedOrigins\": [\"" + siteOrigin + "\"]}");
        String other = allTypesSurvey(null);
        site.createContext("/", exchange -> {
            String survey = exchange.getRequestURI().getPath().contains("other") ? other : slug;
            // The shop counts the fetches the widget has finished, so that the test knows when it has decided.
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><h1>Shop</h1>"
                            + "<script>window.shopFetches = 0; var shopFetch = window.fetch; window.fetch = function () {"
                            + " return shopFetch.apply(this, arguments).finally(function () { window.shopFetches++; }); };"
                            + "</script>"
                            + "<script src=\"" + url("widget.js") + "\" data-survey=\"" + survey + "\" async></script>"
                            + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try (Browser browser = Browser.open(390, 800, "en")) {
            browser.go(siteOrigin + "/shop");
            browser.waitUntil(d -> browser.present("[data-resonance-widget]"));
            SearchContext widget = browser.find("[data-resonance-widget]").getShadowRoot();
            assertEquals(
                    "Would you recommend us?",
                    widget.findElement(By.cssSelector("legend")).getText());
            // On a 390 px phone the whole box is on the screen.
            String inView = "var r = arguments[0].shadowRoot.querySelector('.box').getBoundingClientRect();"
                    + " return r.left >= 0 && r.right <= window.innerWidth && r.width > 300;";
            assertEquals(
                    Boolean.TRUE,
                    browser.script(inView, browser.find("[data-resonance-widget]")),
                    "box within a 390 px screen");
            // Piping: no raw brace; the score on the same page is filled in as soon as it is picked.
            String shown = "return arguments[0].shadowRoot.querySelector('.box').textContent";
            assertEquals(
                    "Why a score like this?",
                    widget.findElement(By.cssSelector("label[for=rw-comment]")).getText(),
                    "the fallback while no score is picked, no name on another site");
            assertFalse(((String) browser.script(shown, browser.find("[data-resonance-widget]"))).contains("{"));
            List<WebElement> scores = widget.findElements(By.cssSelector("label.o"));
            assertEquals(11, scores.size());
            scores.get(9).click();
            assertEquals(
                    "Why a 9?",
                    widget.findElement(By.cssSelector("label[for=rw-comment]")).getText());
            assertFalse(((String) browser.script(shown, browser.find("[data-resonance-widget]"))).contains("{"));
            widget.findElement(By.cssSelector("button.send")).click();
            // The widget replaces its message while it sends: look the message up afresh on every try.
            browser.waitUntil(d -> browser.find("[data-resonance-widget]")
                    .getShadowRoot()
                    .findElement(By.cssSelector(".msg"))
                    .getText()
                    .startsWith("Thank you"));

            browser.go(siteOrigin + "/other");
            browser.waitUntil(d -> ((Number) browser.script("return window.shopFetches")).intValue() >= 1);
            assertFalse(browser.present("[data-resonance-widget]"), "a site the survey does not allow gets nothing");
        } finally {
            site.stop(0);
        }
        assertEquals("nps=9", answers(slug));
        assertEquals(
                "WIDGET",
                Api.text(
                        "SELECT r.channel FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = ?", slug));
        var foreign = api.post(
                "api/v1/surveys/" + other + "/responses",
                "{\"answers\": {\"nps\": 1}, \"partial\": true}",
                "Origin",
                siteOrigin);
        assertEquals(403, foreign.statusCode(), "posting from a site the survey does not allow is refused");
        assertEquals(0, responses(other));
        var preflight = api.send(api.request("api/v1/surveys/" + slug + "/responses")
                .header("Origin", siteOrigin)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals(
                siteOrigin,
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void everyDemoSurveyHasNoAccessibilityViolationsAndWeighsUnder100KilobytesOnFirstLoad() {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (String demo : List.of("relationship-nps", "post-support-csat", "support-effort-ces", "product-feedback")) {
            for (String language : List.of("de", "en")) {
                try (Browser browser = Browser.open(PHONE_WIDTH, 800, language)) {
                    browser.go(url("s/" + demo));
                    assertEquals(language, browser.find("html").getAttribute("lang"));
                    Long bytes = (Long) browser.script("return performance.getEntriesByType('navigation')"
                            + ".concat(performance.getEntriesByType('resource'))"
                            + ".reduce(function (s, e) { return s + e.transferSize; }, 0)");
                    weights.put(demo + " (" + language + ")", bytes);
                    assertTrue(bytes < 100 * 1024, demo + " transfers " + bytes + " bytes");
                    assertNoViolations(browser, demo + " (" + language + ")");
                    // The second page of multi-page surveys, reached by answering the first.
                    if (browser.present("#progress-label")) {
                        for (WebElement fieldset : browser.driver().findElements(By.cssSelector("fieldset.q"))) {
                            fieldset.findElement(By.cssSelector("label")).click();
                        }
                        pause(browser);
                        browser.submit();
                        assertTrue(browser.text("#progress-label")
                                .startsWith(language.equals("de") ? "Seite 2" : "Page 2"));
                        assertNoViolations(browser, demo + " page 2 (" + language + ")");
                    }
                }
            }
        }
        System.out.println("Page weight on first load (bytes transferred): " + weights);
    }

    /**
     * The demo's support CSAT is offered in seven languages: a French and a Polish browser (long words, diacritics)
     * get the survey's texts and the form's own texts in their language on a 390 px phone, the validation messages
     * too, with no accessibility violations. Screenshots go to target/screenshots.
     */
    @Test
    void theDemoSupportSurveySpeaksFrenchAndPolishOnAPhone() throws Exception {
        record Expected(
                String language, String title, String question, String submit, String required, String summary) {}
        var expected = List.of(
                new Expected(
                        "fr",
                        "Comment s’est passé votre échange avec notre support\u00a0?",
                        "Dans quelle mesure êtes-vous satisfait de la résolution de votre demande\u00a0?",
                        "Envoyer",
                        "Veuillez répondre à cette question.",
                        "Veuillez vérifier vos réponses"),
                new Expected(
                        "pl",
                        "Jak oceniają Państwo kontakt z naszym działem wsparcia?",
                        "Na ile są Państwo zadowoleni z rozwiązania swojego zgłoszenia?",
                        "Wyślij",
                        "Prosimy odpowiedzieć na to pytanie.",
                        "Prosimy sprawdzić odpowiedzi"));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        for (Expected e : expected) {
            try (Browser browser = Browser.open(390, 844, e.language())) {
                browser.go(url("s/post-support-csat"));
                assertEquals(e.language(), browser.find("html").getAttribute("lang"));
                // WebDriver reads a no-break space (French: before "?") as a space
                assertEquals(e.title().replace('\u00a0', ' '), browser.text("h1"));
                assertTrue(browser.text("main").contains(e.question().replace('\u00a0', ' ')), browser.text("main"));
                assertEquals(e.submit(), browser.text("button[type=submit]"));
                assertEquals(
                        List.of("Deutsch", "English", "Français", "Italiano", "Español", "Nederlands", "Polski"),
                        browser.findAll(".langs li").stream()
                                .map(WebElement::getText)
                                .toList(),
                        "the picker shows the survey's seven languages, each in itself, all on the phone's screen");
                assertNoViolations(browser, "support CSAT (" + e.language() + ")");
                Files.write(
                        shots.resolve("public-csat-" + e.language() + "-390.png"),
                        browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                pause(browser);
                browser.submit();
                assertEquals(e.required(), browser.text("#q-csat-error"));
                assertEquals(e.summary(), browser.text("#error-summary h2"));
                assertNoViolations(browser, "support CSAT with errors (" + e.language() + ")");
                Files.write(
                        shots.resolve("public-csat-" + e.language() + "-errors-390.png"),
                        browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
        }
        try (Browser browser = Browser.open(390, 844, "pt-BR")) {
            browser.go(url("s/post-support-csat?lang=it"));
            assertEquals("it", browser.find("html").getAttribute("lang"), "?lang= picks an offered language");
            assertEquals("Invia", browser.text("button[type=submit]"));
            browser.go(url("s/relationship-nps"));
            assertEquals("de", browser.find("html").getAttribute("lang"), "a language not offered: the default");
        }
    }

    /**
     * A figure, not a timed assertion: how soon the first question can be answered on a slow phone
     * (CPU slowed down four times, a 1.6 Mbit/s connection with 150 ms latency), printed for the record.
     */
    @Test
    void theFirstQuestionIsAnswerableSoonOnASlowPhone() {
        try (Browser browser = Browser.open(PHONE_WIDTH, 800, "en")) {
            browser.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            browser.driver().executeCdpCommand("Network.enable", Map.of());
            browser.driver()
                    .executeCdpCommand(
                            "Network.emulateNetworkConditions",
                            Map.of(
                                    "offline",
                                    false,
                                    "latency",
                                    150,
                                    "downloadThroughput",
                                    200_000,
                                    "uploadThroughput",
                                    90_000));
            browser.go(url("s/relationship-nps"));
            // Chromium posts the paint entry a little after the page is loaded, later still on a busy machine.
            browser.waitUntil(driver -> (Boolean)
                    browser.script("return performance.getEntriesByName('first-contentful-paint').length > 0"));
            Number paint = (Number) browser.script("var p = performance.getEntriesByName('first-contentful-paint')[0];"
                    + " return p ? p.startTime : -1");
            Number loaded = (Number)
                    browser.script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
            assertTrue(browser.find("label[for=q-nps-9]").isDisplayed(), "the score can be chosen");
            assertTrue(paint.doubleValue() > 0, "the browser reported its first paint");
            System.out.printf(
                    "Slow phone (4x CPU, 1.6 Mbit/s, 150 ms): first contentful paint %.0f ms, DOM ready %.0f ms%n",
                    paint.doubleValue(), loaded.doubleValue());
        }
    }

    static void assertNoViolations(Browser browser, String page) {
        Results results = new AxeBuilder().analyze(browser.driver());
        List<Rule> violations = results.getViolations();
        // one line per page for the closing note (ConsoleAccessibilityBrowserIT prints the same form)
        System.out.println("[axe] public | " + page + " | "
                + violations.stream().mapToInt(v -> v.getNodes().size()).sum() + " violations in "
                + violations.size() + " rules");
        assertTrue(
                violations.isEmpty(),
                page + ": "
                        + violations.stream()
                                .map(v -> v.getId() + " " + v.getHelp() + " "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")));
        System.out.println("axe-core " + page + ": " + results.getPasses().size() + " rules passed, 0 violations");
    }

    @Test
    void botsThatFillTheHoneypotOrPostTooFastStoreNothing() {
        String slug = allTypesSurvey(null);
        long stamped = System.nanoTime();
        String page = api.get("s/" + slug).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", "1");
        fields.put("stamp", Api.hidden(page, "stamp"));
        fields.put("resume", Api.hidden(page, "resume"));
        fields.put("lang", "en");
        fields.put("q.nps", "10");
        fields.put("q.csat", "5");
        fields.put("q.ces", "7");
        var tooFast = api.form("s/" + slug, fields);
        assertEquals(200, tooFast.statusCode());
        assertTrue(tooFast.body().contains("That was quick!"), tooFast.body());
        assertTrue(
                tooFast.body().contains("id=\"q-nps-10\" name=\"q.nps\" value=\"10\" checked"), "the answers are kept");
        // as long as a person needs at least (400 ms in the tests), counted from before the stamp was made
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - stamped > 450_000_000L);
        fields.put("website", "http://spam.example");
        var honeypot = api.form("s/" + slug, fields);
        assertEquals(200, honeypot.statusCode());
        assertTrue(honeypot.body().contains("Thank you!"));
        assertEquals(0, responses(slug), "neither stored anything");
        fields.remove("website");
        fields.put("stamp", "1." + "A".repeat(43));
        assertTrue(
                api.form("s/" + slug, fields).body().contains("That was quick!"), "a forged stamp counts as too fast");
        assertEquals(0, responses(slug));
    }

    @Test
    void oneFormStampIsGoodForOneRespondentAndAReplayForAnotherIsRefusedWith409() {
        String slug = allTypesSurvey(null);
        long stamped = System.nanoTime();
        String page = api.get("s/" + slug).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", "1");
        fields.put("stamp", Api.hidden(page, "stamp"));
        fields.put("resume", Api.hidden(page, "resume"));
        fields.put("lang", "en");
        fields.put("q.nps", "9");
        fields.put("q.csat", "4");
        fields.put("q.ces", "6");
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - stamped > 450_000_000L);
        var first = api.form("s/" + slug, fields);
        assertEquals(303, first.statusCode(), first.body());
        var again = api.form("s/" + slug, fields);
        assertEquals(303, again.statusCode(), "the same respondent may send the page again (a double click)");
        assertEquals(1, responses(slug));

        // a bot that keeps the stamp and starts a new respondent each time
        for (String lang : List.of("en", "de")) {
            fields.put("resume", newResumeToken());
            fields.put("lang", lang);
            var replay = api.form("s/" + slug, fields);
            assertEquals(409, replay.statusCode(), replay.body());
            assertTrue(
                    replay.body()
                            .contains(
                                    lang.equals("en")
                                            ? "This form has already been used"
                                            : "Dieses Formular wurde bereits verwendet"),
                    replay.body());
        }
        assertEquals(1, responses(slug), "the replays stored nothing");

        // a person who opens the survey anew gets a fresh stamp and is counted
        long opened = System.nanoTime();
        String fresh = api.get("s/" + slug).body();
        fields.put("stamp", Api.hidden(fresh, "stamp"));
        fields.put("resume", Api.hidden(fresh, "resume"));
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - opened > 450_000_000L);
        assertEquals(303, api.form("s/" + slug, fields).statusCode());
        assertEquals(2, responses(slug));
    }

    static String newResumeToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aClientThatSubmitsTooOftenGets429WithRetryAfter() {
        String slug = allTypesSurvey(null);
        int accepted = 0;
        java.net.http.HttpResponse<String> last = null;
        for (int i = 0; i < 70; i++) {
            last = api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 5}, \"partial\": true}");
            if (last.statusCode() != 201) {
                break;
            }
            accepted++;
        }
        // 60 at once, then one more each second while the loop runs.
        assertTrue(accepted >= 60 && accepted < 70, "about 60 submissions a minute per client and survey: " + accepted);
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(last.body().contains("\"status\":429"), last.body());
        // The bucket refills one token a second, so on a slow machine a token may come back between the
        // API's 429 and the form's post. Each try spends the budget again and posts the form at once; a
        // form with a budget of its own would pass every try.
        java.net.http.HttpResponse<String> form = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            while (api.post("api/v1/surveys/" + slug + "/responses", "{\"answers\": {\"nps\": 5}, \"partial\": true}")
                            .statusCode()
                    == 201) {
                // spend what came back
            }
            form = api.form("s/" + slug, Map.of("page", "1", "q.nps", "1"));
            if (form.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, form.statusCode(), "the form shares the client's budget");
        assertTrue(form.body().contains("Too many submissions"));
    }

    @Test
    void schedulesAndLimitsShowFriendlyPages() {
        String later = allTypesSurvey("{\"opensAt\": \"2099-01-01T08:00:00Z\"}");
        var notOpen = api.get("s/" + later, "Accept-Language", "de");
        assertEquals(200, notOpen.statusCode());
        assertTrue(notOpen.body().contains("Diese Umfrage hat noch nicht begonnen"), notOpen.body());
        assertTrue(notOpen.body().contains("2099-01-01 08:00"));
        assertEquals(409, api.get("api/v1/surveys/" + later).statusCode());

        String ended = allTypesSurvey("{\"closesAt\": \"2020-01-01T00:00:00Z\"}");
        var closed = api.get("s/" + ended);
        assertEquals(410, closed.statusCode());
        assertTrue(closed.body().contains("This survey is closed"));

        String small = allTypesSurvey("{\"responseLimit\": 1}");
        var one = api.post("api/v1/surveys/" + small + "/responses", """
                {"answers": {"nps": 9, "csat": 5, "ces": 7, "stars": 5, "plan": "pro",
                             "grid": {"speed": "good", "design": "good"}}}""");
        assertEquals(201, one.statusCode(), one.body());
        var full = api.get("s/" + small);
        assertEquals(410, full.statusCode());
        assertTrue(full.body().contains("This survey is complete"));
        assertEquals(
                410,
                api.post("api/v1/surveys/" + small + "/responses", "{\"answers\": {\"nps\": 1}, \"partial\": true}")
                        .statusCode());
        assertEquals(404, api.get("s/no-such-survey").statusCode());
        assertTrue(
                api.get("s/relationship-nps").body().contains("href=\"/privacy?lang&#61;en\""),
                "every form links to the privacy notice");
        var privacy = api.get("privacy?lang=de");
        assertEquals(200, privacy.statusCode());
        assertTrue(privacy.body().contains("Wie wir mit Ihren Antworten umgehen"));
    }
}
