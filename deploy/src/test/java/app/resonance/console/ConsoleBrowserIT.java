package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.ConsolePage;
import app.resonance.testing.console.DesignerPage;
import app.resonance.testing.console.ImportPage;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.RawHttp;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The console in headless Chromium against the complete application (the runnable bundle: survey app
 * and console, shared with the other console browser tests) with the demo data: login and role limits, the language switch, building and
 * publishing a survey with skip logic, a CSV import with an error row, and an invitation wave whose
 * mail (received by a real SMTP server, GreenMail) is answered through its one-click score link.
 */
@ExtendWith(ConsoleApp.class)
class ConsoleBrowserIT {

    static final String ADMIN_PASSWORD = ConsoleApp.ADMIN_PASSWORD;
    static final String DEMO_PASSWORD = ConsoleApp.DEMO_PASSWORD;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(ConsoleApp.base());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aWrongPasswordIsRefusedAndProtectedPagesLeadToTheLogin() {
        browser.open("/admin/customers.xhtml");
        LoginPage login = new LoginPage(browser);
        assertTrue(login.isShown(), "an anonymous visitor lands on the login page");
        login.submit("admin", "not-the-password");
        assertEquals("User name or password is wrong.", login.messages());

        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        ConsolePage console = login.loginAs("admin", ADMIN_PASSWORD);
        assertEquals("Overview", console.heading());
        String after = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse(before.equals(after), "the session id changes at login");
        LoginPage again = console.logout();
        browser.open("/admin/index.xhtml");
        assertTrue(again.isShown(), "after logout the console asks for a login again");
    }

    @Test
    void repeatedFailedLoginsMakeOnlyThatAddressWaitWithTheSameWordsForUnknownNames() throws Exception {
        String name = "slow" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = adminPost(
                "/api/v1/admin/users",
                "{\"username\": \"" + name + "\", \"displayName\": \"Delay Test\", \"password\": \"right-password-1\","
                        + " \"role\": \"VIEWER\"}");
        assertEquals(201, created.statusCode(), created.body());
        String unknown = "ghost" + UUID.randomUUID().toString().substring(0, 6);
        String waitFiveTimes = "Too many failed logins from your address: please try again in 30 seconds.";

        LoginPage login = LoginPage.open(browser);
        for (int i = 0; i < 4; i++) {
            login.submit(name, "wrong-password-" + i);
            assertEquals("User name or password is wrong.", login.messages(), "failure " + i + " costs nothing");
        }
        login.submit(name, "wrong-password-4");
        assertEquals(waitFiveTimes, login.messages(), "the fifth failure makes this address wait");
        login.submit(name, "right-password-1");
        assertTrue(
                login.messages()
                        .matches("Too many failed logins from your address: please try again in \\d+ seconds\\."),
                "while it waits even the right password does not help here: " + login.messages());
        assertTrue(login.isShown());

        for (int i = 0; i < 4; i++) {
            login.submit(unknown, "wrong-password-" + i);
            assertEquals("User name or password is wrong.", login.messages(), "an unknown name, failure " + i);
        }
        login.submit(unknown, "wrong-password-4");
        assertEquals(waitFiveTimes, login.messages(), "the same words for a name that does not exist");

        // The owner, from another address, is not held up: nothing is locked.
        RawHttp owner = new RawHttp("127.0.0.6", ConsoleApp.base().getPort());
        RawHttp.Answer form = owner.get("/admin/login.xhtml");
        Map<String, String> fields =
                new LinkedHashMap<>(ConsoleSecurityIT.loginFields(name, "right-password-1", form.state()));
        RawHttp.Answer in = owner.post("/admin/login.xhtml", fields);
        assertEquals(302, in.status(), in.body());
        assertTrue(in.header("Location").endsWith("/admin/index.xhtml"), in.header("Location"));
        assertEquals(200, owner.get("/admin/index.xhtml").status(), "the owner is logged in");
    }

    HttpResponse<String> adminPost(String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create(browser.base() + path))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aViewerReadsButCannotReachWhatOnlyAdminsMay() {
        ConsolePage console = LoginPage.open(browser).loginAs("viewer", DEMO_PASSWORD);
        assertTrue(console.signedInAs().contains("Viewer"), console.signedInAs());
        List<String> menu = console.menu();
        assertTrue(menu.containsAll(List.of("Surveys", "Customers", "Segments")), menu.toString());
        assertFalse(menu.contains("Users"), menu.toString());
        assertFalse(menu.contains("Import customers"), menu.toString());
        assertFalse(menu.contains("Audit log"), menu.toString());

        browser.open("/admin/customers.xhtml");
        browser.find(By.cssSelector("[id='customers:table'] tbody tr"));
        browser.open("/admin/surveys.xhtml");
        browser.find(By.id("surveys:table"));
        assertTrue(browser.driver().findElements(By.id("surveys:new")).isEmpty(), "no 'New survey' for a viewer");

        for (String page : List.of(
                "/admin/manage/users.xhtml",
                "/admin/manage/import.xhtml",
                "/admin/manage/audit.xhtml",
                "/admin/manage/suppressions.xhtml",
                "/admin/manage/notifications.xhtml",
                "/admin/manage/alert-rules.xhtml",
                "/admin/manage/designer.xhtml?slug=relationship-nps",
                "/admin/manage/segment.xhtml")) {
            assertTrue(console.openExpectingError(page).startsWith("403"), page);
        }
    }

    @Test
    void aSupportLeadCannotDesignSurveysOrManageUsers() {
        ConsolePage console = LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        assertTrue(console.signedInAs().contains("Support lead"), console.signedInAs());
        assertFalse(console.menu().contains("Users"));
        assertTrue(console.openExpectingError("/admin/manage/new-survey.xhtml").startsWith("403"));
        assertTrue(console.openExpectingError("/admin/manage/users.xhtml").startsWith("403"));
    }

    @Test
    void theConsoleSpeaksGermanAfterTheSwitch() {
        ConsolePage console = LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        console.german();
        assertEquals("Übersicht", console.heading());
        assertTrue(console.menu().contains("Benutzer"), console.menu().toString());
        browser.open("/admin/customers.xhtml");
        assertEquals("Kunden", console.heading());
        console.english();
        assertEquals("Customers", console.heading());
    }

    @Test
    void anAdminBuildsAndPublishesASurveyWithSkipLogic() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        DesignerPage designer = DesignerPage.create(browser, slug, "Scratch (empty survey)");
        designer.titles("Wie war es?", "How was it?")
                .addQuestion("nps", "NPS (0-10)", "Würden Sie uns empfehlen?", "Would you recommend us?")
                .apply()
                .addQuestion("why", "Long text", "Was sollen wir besser machen?", "What should we improve?")
                .showOnlyIf("nps", "is between", "0,6")
                .apply()
                .addQuestion("channel", "Short text", "Über welchen Weg?", "Which channel?")
                .apply()
                .moveUp(2);
        assertEquals(List.of("nps", "channel", "why"), designer.keys());
        assertEquals("only if nps is between 0 and 6", designer.conditionOfRow(2));
        designer.publish();
        assertTrue(designer.status().startsWith("Status: Open, newest version 1 (published)"), designer.status());

        designer.previewIn("English");
        assertEquals("How was it?", designer.previewTitle());
        assertTrue(designer.preview().contains("3. What should we improve?"), designer.preview());
        designer.previewIn("German");
        assertEquals("Wie war es?", designer.previewTitle());

        HttpResponse<String> definition = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create(browser.base() + "/api/v1/surveys/" + slug))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, definition.statusCode(), definition.body());
        assertTrue(definition.body().contains("\"showIf\""), definition.body());
        assertTrue(definition.body().contains("BETWEEN"), definition.body());
        assertTrue(definition.body().contains("Would you recommend us?"), definition.body());
        assertTrue(
                definition.body().indexOf("\"channel\"") < definition.body().indexOf("\"why\""),
                "published in the order the designer shows: " + definition.body());
    }

    @Test
    void aTranslatorsFileFillsTheDraftAndTheDesignerCountsWhatIsMissing() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        String slug = "texts-" + UUID.randomUUID().toString().substring(0, 8);
        DesignerPage designer = DesignerPage.create(browser, slug, "Scratch (empty survey)");
        designer.titles("Wie war es?", "How was it?")
                .addQuestion("nps", "NPS (0-10)", "W\u00fcrden Sie uns empfehlen?", "")
                .apply()
                .saveDraft();
        designer = DesignerPage.open(browser, slug);
        assertEquals(
                List.of("German: every text translated", "English: 1 of 2 texts missing"), designer.translationState());

        Path bad = Files.createTempFile(Path.of("target"), "texts-bad", ".csv");
        Files.writeString(bad, "key;en\nnps.text;Would you recommend us?\nnosuch;x\n", StandardCharsets.UTF_8);
        designer.takeTexts(bad);
        assertEquals(
                List.of("Row 3: this survey has no text with the key \u201cnosuch\u201d (export the texts for the"
                        + " keys)."),
                designer.textsErrors());
        assertEquals(
                List.of("German: every text translated", "English: 1 of 2 texts missing"),
                designer.translationState(),
                "a file with an error changes nothing");

        Path good = Files.createTempFile(Path.of("target"), "texts-good", ".csv");
        Files.writeString(
                good,
                "\uFEFFkey;de;en\ntitle;Wie war es f\u00fcr Sie?;How was it?\nnps.text;;Would you recommend us?\n",
                StandardCharsets.UTF_8);
        designer.takeTexts(good);
        assertEquals(List.of(), designer.textsErrors());
        assertEquals(
                List.of("German: 1 of 2 texts missing", "English: every text translated"),
                designer.translationState(),
                "the file's empty German cell removed the question's German text");
        assertEquals("Wie war es f\u00fcr Sie?", designer.germanTitle());
    }

    @Test
    void aCsvWithAnErrorRowImportsTheValidRowsNamesTheRejectedOneAndTheCorrectedFileIsImported() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        Path bad = Files.createTempFile(Path.of("target"), "customers-bad", ".csv");
        Files.writeString(bad, """
                external_id;name;email;plan;industry
                Z-1;Zeta Eins GmbH;eins@zeta.example;business;Retail
                Z-2;Zeta Zwei AG;not-an-email;starter;Banking
                """, StandardCharsets.UTF_8);
        ImportPage page = ImportPage.open(browser).upload(bad);
        assertEquals(List.of("Row 2 (external id Z-2), column email: This is not an email address."), page.errors());
        assertEquals("1 row is not imported: it has errors", page.rejectedHeading());
        assertTrue(page.canStore(), "the valid row can be imported");
        assertEquals("Import the valid row (skip 1 with errors)", page.storeLabel());
        String stored = page.store();
        assertTrue(
                stored.contains("1 customer created, 0 updated; 1 row with errors was not imported (listed below)."),
                stored);
        assertEquals(
                List.of("Row 2 (external id Z-2), column email: This is not an email address."),
                page.errors(),
                "the rejected row stays listed after the import");
        assertEquals("1 row was not imported: it has errors", page.rejectedHeading());

        Path good = Files.createTempFile(Path.of("target"), "customers-good", ".csv");
        Files.writeString(good, """
                external_id;name;email;plan;industry
                Z-1;Zeta Eins GmbH;eins@zeta.example;business;Retail
                Z-2;Zeta Zwei AG;zwei@zeta.example;starter;Banking
                """, StandardCharsets.UTF_8);
        page = ImportPage.open(browser).upload(good);
        assertEquals(List.of(), page.errors());
        assertTrue(page.canStore());
        String after = page.store();
        assertTrue(after.contains("1 customer created, 1 updated."), after);

        browser.open("/admin/customers.xhtml");
        browser.type(By.id("customers:text"), "zeta zwei");
        browser.waitFor(d -> d.findElements(By.cssSelector("[id='customers:table'] tbody tr"))
                                .size()
                        == 1
                && d.findElement(By.id("customers:table")).getText().contains("Z-2"));
        assertTrue(browser.text(By.id("customers:table")).contains("industry=Banking"));
    }

    @Test
    void theImportPageOffersASampleFileWithItsColumnsDocumented() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        ImportPage page = ImportPage.open(browser);
        assertEquals(
                List.of(
                        "externalId",
                        "name",
                        "email",
                        "plan, region, lifecycleStage",
                        "renewalDate",
                        "locale",
                        "Any other column"),
                page.documentedColumns());
        Path sample = page.downloadSample();
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        assertEquals("externalId,name,email,plan,region,lifecycleStage,renewalDate,locale,industry", lines.get(0));
        assertEquals(4, lines.size(), lines.toString());

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + "/admin/manage/customers-sample.csv"))
                                .header(
                                        "Cookie",
                                        "JSESSIONID="
                                                + browser.driver()
                                                        .manage()
                                                        .getCookieNamed("JSESSIONID")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals(
                "text/csv;charset=UTF-8",
                answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals(
                "attachment; filename=\"customers-sample.csv\"",
                answer.headers().firstValue("Content-Disposition").orElse(""));

        // The sample imports as it is: every row valid.
        page = ImportPage.open(browser).upload(sample);
        assertEquals(List.of(), page.errors());
        assertEquals("Import 3 customers", page.storeLabel());
    }

    @Test
    void aSegmentShowsItsLiveCountWhileItsRulesAreEdited() {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/manage/segment.xhtml");
        browser.type(By.id("segment:rules:0:value"), "no-such-plan");
        browser.waitForText(By.id("segment:count"), "Matching customers now: 0");
        browser.type(By.id("segment:rules:0:value"), "business");
        browser.waitFor(d -> !d.findElement(By.id("segment:count")).getText().endsWith(": 0")
                && d.findElement(By.id("segment:count")).getText().matches("Matching customers now: \\d+"));
    }

    @Test
    void anInvitationWaveIsMailedAndAnsweredThroughTheScoreLinkInTheMail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String first = "W-" + run + "-1";
        String second = "W-" + run + "-2";
        for (String id : List.of(first, second)) {
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(browser.base() + "/api/v1/admin/customers"))
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\": \"" + id
                                            + "\", \"name\": \"Kunde " + id + "\", \"email\": \"" + id.toLowerCase()
                                            + "@mail.example\", \"locale\": \"en\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
        }
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/manage/distribute.xhtml?slug=relationship-nps");
        assertTrue(browser.text(By.id("public-link")).endsWith("/s/relationship-nps"));
        assertTrue(browser.text(By.id("embed")).contains("data-survey=\"relationship-nps\""));
        browser.type(By.id("wave:customers"), first + ", " + second);
        browser.type(By.id("wave:reminderDays_input"), "3");
        browser.click(By.id("wave:send"));
        browser.waitForText(By.id("growl_container"), "2 invitations queued");

        MimeMessage mail = waitForMail(first.toLowerCase() + "@mail.example");
        waitForMail(second.toLowerCase() + "@mail.example");
        assertTrue(
                mail.getSubject().endsWith(": your opinion, please"),
                "English for a customer with locale en: " + mail.getSubject());
        String body = (String)
                ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent();
        String scoreLink = Arrays.stream(body.split("\\R"))
                .filter(line -> line.startsWith("9: "))
                .map(line -> line.substring(3).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError(body));
        assertTrue(scoreLink.startsWith(browser.base() + "/i/"), scoreLink);

        browser.driver().get(scoreLink);
        browser.waitFor(d -> !d.findElement(By.id("oneclick-status")).getText().isBlank());

        browser.open("/admin/manage/distribute.xhtml?slug=relationship-nps");
        By answered = By.cssSelector("[id='waves:table'] tbody tr:first-child .answered");
        browser.waitFor(d -> {
            d.navigate().refresh();
            return d.findElement(answered).getText().equals("1")
                    && d.findElement(By.cssSelector("[id='waves:table'] tbody tr:first-child .sent"))
                            .getText()
                            .equals("2");
        });
        assertEquals("2", browser.text(By.cssSelector("[id='waves:table'] tbody tr:first-child .invited")));
        assertEquals("50 %", browser.text(By.cssSelector("[id='waves:table'] tbody tr:first-child .rate")));
        assertEquals("1", browser.text(By.cssSelector("[id='waves:table'] tbody tr:first-child .opened")));
        assertEquals(
                "2 chosen customers",
                browser.text(By.cssSelector("[id='waves:table'] tbody tr:first-child .audience")),
                "whom the wave went to, in words (not the stored 'selection:2')");

        // Who answered it: both customers without a plan, one of two answered; nothing to compare.
        browser.clickAndWaitForNextPage(By.cssSelector("[id='waves:table'] tbody tr:first-child [id$=':who']"));
        assertEquals(
                "2 chosen customers: the mail reached 2 customers, 1 answered.", browser.text(By.id("wave-figures")));
        String plan = browser.text(By.id("mix-plan"));
        assertTrue(plan.contains("(not set) 2 1 50 % 100 % 100 %"), plan);
        assertTrue(plan.contains("Nothing to compare for the plan"), plan);

        // The dashboard's response-rate panel lists the wave, in the console's language, and at 1366 px its
        // table stays inside its half of the page instead of making the page wider than the screen.
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        ConsolePage console = new ConsolePage(browser);
        console.german();
        browser.open("/admin/dashboard.xhtml?survey=relationship-nps");
        String funnel = browser.text(By.cssSelector("table[id$='funnel']"));
        assertTrue(funnel.contains("2 ausgewählte Kunden"), funnel);
        assertFalse(funnel.contains("selection:"), funnel);
        Object width =
                browser.script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        java.util.List<?> widths = (java.util.List<?>) width;
        assertTrue(
                ((Number) widths.get(0)).longValue() <= ((Number) widths.get(1)).longValue(),
                "the German dashboard is no wider than the 1366 px window: " + widths);
        console.english();
    }

    static MimeMessage waitForMail(String recipient) {
        return await("a mail to " + recipient)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (MimeMessage message : ConsoleApp.smtp().getReceivedMessages()) {
                                if (message.getAllRecipients()[0].toString().equals(recipient)) {
                                    return message;
                                }
                            }
                            return null;
                        },
                        Objects::nonNull);
    }

    @Test
    void thePlannerShowsHowManyToInviteAsTheApiComputesItAndTheDemoWavePlannedAgainstAchieved() throws Exception {
        LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/manage/distribute.xhtml?slug=relationship-nps");
        browser.clickAndWaitForNextPage(By.id("planner"));
        // the demo's planned wave: Starter and Enterprise DACH, planned against achieved
        String planned = browser.text(By.cssSelector(".planned-wave"));
        assertTrue(planned.contains("Starter plan") && planned.contains("Enterprise DACH"), planned);
        assertTrue(planned.matches("(?s).*±\\d+\\.\\d / ±\\d+\\.\\d.*"), "expected and achieved margins: " + planned);

        browser.click(By.xpath("//label[@for=(//input[@value='starter' and contains(@id,'plan:segments')]/@id)]"));
        browser.type(By.id("plan:margin_input"), "10");
        browser.click(By.id("plan:compute"));
        browser.find(By.id("plan:table"));
        String invite = browser.text(By.cssSelector("[id='plan:table'] .invite"));
        HttpResponse<String> preview = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create(
                                        browser.base() + "/api/v1/admin/surveys/relationship-nps/wave-plans/preview"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"confidence\": 95, \"segments\":"
                                        + " [{\"segment\": \"starter\", \"margin\": 10}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("\"toInvite\":" + invite + ","), invite + " in " + preview.body());
        assertTrue(browser.text(By.id("plan:send")).equals("Send to " + invite + " customers"));
        // the computed plan in both languages at both widths, for whoever looks at the screenshots
        java.nio.file.Files.createDirectories(ConsoleScreenshotWalkIT.TARGET);
        String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
        for (int width : new int[] {1366, 390}) {
            for (String language : List.of("en", "de")) {
                try (Browser shots = Browser.open(width, 900, language)) {
                    shots.go(base + "admin/login.xhtml");
                    new LoginPage(shots).loginAs("admin", ADMIN_PASSWORD);
                    shots.go(base + "admin/manage/planner.xhtml?slug=relationship-nps");
                    ConsoleScreenshotWalkIT.save(shots, language, width, "planner");
                    shots.click(By.xpath(
                            "//label[@for=(//input[@value='starter' and contains(@id,'plan:segments')]/@id)]"));
                    shots.click(By.xpath(
                            "//label[@for=(//input[@value='enterprise-dach' and contains(@id,'plan:segments')]/@id)]"));
                    shots.click(By.id("plan:compute"));
                    shots.find(By.id("plan:table"));
                    ConsoleScreenshotWalkIT.save(shots, language, width, "planner-computed");
                }
            }
        }
    }

    @Test
    void anAdminCreatesAUserInTheConsoleWhoLogsInWithThatRoleAndTheAuditLogSaysWho() {
        // A viewer, not a second support lead: the console tests share one app, and follow-up tasks go to
        // the support lead with the fewest open tasks.
        String name = "sam" + UUID.randomUUID().toString().substring(0, 6);
        ConsolePage console = LoginPage.open(browser).loginAs("admin", ADMIN_PASSWORD);
        browser.open("/admin/manage/users.xhtml");
        browser.type(By.id("create:username"), name);
        browser.type(By.id("create:displayName"), "Sam Support");
        app.resonance.testing.console.PrimeFaces.selectOne(browser, "create:role", "Viewer");
        browser.type(By.id("create:password"), "short");
        browser.click(By.id("create:submit"));
        browser.waitForText(By.id("create"), "Use at least 12 characters.");
        browser.type(By.id("create:password"), "sam-password-123");
        browser.click(By.id("create:submit"));
        browser.waitForText(By.id("list:users"), name);

        browser.open("/admin/manage/audit.xhtml");
        String audit = browser.text(By.id("audit:entries"));
        assertTrue(audit.contains(name) && audit.contains("role Viewer"), audit);
        // The details are read in the reader's language, like the action beside them.
        console.german();
        browser.open("/admin/manage/audit.xhtml");
        String german = browser.text(By.id("audit:entries"));
        assertTrue(german.contains(name) && german.contains("angelegt") && german.contains("Rolle Betrachter"), german);
        assertFalse(german.contains("role VIEWER") || german.contains("role Viewer"), german);
        console.english();

        console.logout();
        ConsolePage sam = LoginPage.open(browser).loginAs(name, "sam-password-123");
        assertTrue(sam.signedInAs().contains("Sam Support (Viewer)"), sam.signedInAs());
    }

    @Test
    void aLeadMakesATokenWithTheScopesOfTheRoleSeesItOnceUsesItAndRevokesIt() {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 6);
        LoginPage.open(browser).loginAs("lead", DEMO_PASSWORD);
        var logins = ConsoleApp.adminGet("api/v1/admin/audit?area=LOGIN&limit=500");
        assertEquals(200, logins.statusCode(), logins.body());
        assertTrue(
                logins.body()
                        .contains("\"actor\":\"lead\",\"area\":\"LOGIN\",\"subject\":\"lead\",\"action\":\"loggedIn\""),
                "the console login is audited: " + logins.body());
        browser.clickAndWaitForNextPage(By.id("nav:who"));
        String list = browser.text(By.id("list:tokens"));
        assertTrue(list.contains("crm-follow-ups") && list.contains("read:responses write:responses"), list);
        String offered = browser.text(By.id("create:scopes"));
        assertTrue(offered.contains("write:responses"), offered);
        assertFalse(
                offered.contains("write:surveys") || offered.contains("admin –"), "only the role's scopes: " + offered);

        browser.type(By.id("create:name"), name);
        browser.click(By.cssSelector("label[for='create:scopes:0']"));
        browser.click(By.id("create:submit"));
        browser.waitForText(By.id("list:tokens"), name);
        String token = browser.text(By.id("token"));
        assertTrue(token.startsWith("rsn_"), token);
        var names = browser.driver().findElements(By.cssSelector("[id='list:tokens'] .name")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
        var scopes = browser.driver().findElements(By.cssSelector("[id='list:tokens'] .scopes")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
        assertEquals("read:analytics", scopes.get(names.indexOf(name)), scopes.toString());
        var surveys = ConsoleApp.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(ConsoleApp.base() + "api/v1/admin/surveys"))
                        .header("Authorization", "Bearer " + token)
                        .build());
        assertEquals(200, surveys.statusCode(), surveys.body());

        browser.open("/admin/tokens.xhtml");
        assertFalse(browser.present("#token"), "the token is shown once");
        int index = browser.driver().findElements(By.cssSelector("[id='list:tokens'] .name")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList()
                .indexOf(name);
        browser.click(By.id("list:tokens:" + index + ":revoke"));
        browser.click(By.id("list:yes"));
        browser.waitUntil(d -> !d.findElement(By.id("list:tokens")).getText().contains(name));
        var refused = ConsoleApp.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(ConsoleApp.base() + "api/v1/admin/surveys"))
                        .header("Authorization", "Bearer " + token)
                        .build());
        assertEquals(401, refused.statusCode(), "a revoked token is refused");
    }
}
