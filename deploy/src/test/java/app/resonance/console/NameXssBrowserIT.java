package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.ConsolePage;
import app.resonance.testing.console.CustomerPage;
import app.resonance.testing.console.LoginPage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Names an admin typed (customer names and regions, segment names, survey titles and question texts,
 * marker labels, user display names), made of markup and script that would run in an HTML element, an
 * attribute or a JavaScript string, are text wherever the console shows them (tables, headings, menus
 * and their options, the chart's data) and in the task mail: the page shows them literally, no injected
 * element exists and no script ran. The names are created once; each test looks at one place.
 */
@ExtendWith(ConsoleApp.class)
class NameXssBrowserIT {

    static final String TAG = "<img src=x onerror=window.__xss=1>";
    static final String ATTRIBUTE = "\"><script>window.__xss=1</script>";
    static final String SCRIPT = "'};window.__xss=1;//";
    static final String HOSTILE = TAG + " " + ATTRIBUTE + " " + SCRIPT;

    /** One run's names, created once for all tests (each test only reads them). */
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    static final String SEGMENT = "xss-" + RUN;
    static final String CUSTOMER = "X-" + RUN;
    static final String SURVEY = "xss-" + RUN;
    static final String VIEWER = "xss" + RUN;

    Browser browser;

    @BeforeAll
    static void hostileNames() {
        created(post(
                "/api/v1/admin/segments",
                "{\"key\": \"" + SEGMENT + "\", \"name\": {\"de\": " + json(HOSTILE + " de")
                        + ", \"en\": " + json(HOSTILE + " " + RUN) + "}, \"rules\": [{\"attribute\": \"plan\","
                        + " \"operator\": \"EQUALS\", \"value\": \"business\"}]}"));
        created(post(
                "/api/v1/admin/customers",
                "{\"externalId\": \"" + CUSTOMER + "\", \"name\": " + json(HOSTILE)
                        + ", \"email\": \"" + CUSTOMER.toLowerCase()
                        + "@mail.example\", \"locale\": \"en\", \"plan\": \"business\","
                        + " \"region\": " + json(SCRIPT + RUN) + "}"));
        created(post(
                "/api/v1/admin/surveys",
                "{\"slug\": \"" + SURVEY + "\", \"kind\": \"NPS\", \"title\": {\"de\": "
                        + json(HOSTILE) + ", \"en\": " + json(HOSTILE)
                        + "}, \"questions\": [{\"id\": \"nps\", \"type\": \"NPS\","
                        + " \"text\": {\"de\": " + json(ATTRIBUTE + " de") + ", \"en\": " + json(TAG + " en")
                        + "}}]}"));
        created(post(
                "/api/v1/admin/analytics/markers",
                "{\"date\": \"" + LocalDate.now(ZoneOffset.UTC).minusDays(40)
                        + "\", \"label\": " + json(HOSTILE) + ", \"survey\": \"relationship-nps\", \"segment\": \""
                        + SEGMENT
                        + "\"}"));
        created(post(
                "/api/v1/admin/users",
                "{\"username\": \"" + VIEWER + "\", \"displayName\": " + json(HOSTILE)
                        + ", \"password\": \"viewer-password-1\", \"role\": \"VIEWER\"}"));
        created(post(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 1}, \"customer\": \"" + CUSTOMER + "\"}"));
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(ConsoleApp.base());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    ConsolePage asAdmin() {
        return LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
    }

    @Test
    void aCustomerNameIsTheCustomerPageHeadingAsWritten() {
        asAdmin();
        assertEquals(
                "Customer: " + HOSTILE + " (" + CUSTOMER + ")",
                CustomerPage.open(browser, CUSTOMER).heading(),
                "the heading shows the name as written");
        assertInert("customer page");
    }

    @Test
    void aCustomerNameAndRegionAreTextInTheCustomerListAndItsRegionMenu() {
        asAdmin();
        browser.open("/admin/customers.xhtml");
        browser.type(By.id("customers:text"), CUSTOMER);
        browser.waitForText(By.id("customers:table"), CUSTOMER);
        assertTrue(browser.text(By.id("customers:table")).contains(HOSTILE), browser.text(By.id("customers:table")));
        assertTrue(textContent("#customers\\:region").contains(SCRIPT + RUN), "the region is an option of its menu");
        assertInert("customer list");
    }

    @Test
    void aSegmentNameIsTextInTheSegmentList() {
        asAdmin();
        browser.open("/admin/segments.xhtml");
        assertTrue(browser.text(By.tagName("main")).contains(HOSTILE + " " + RUN), "segment list");
        assertInert("segment list");
    }

    @Test
    void aSurveyTitleIsTextInTheSurveyList() {
        asAdmin();
        browser.open("/admin/surveys.xhtml");
        assertTrue(browser.text(By.tagName("main")).contains(HOSTILE), "survey list");
        assertInert("survey list");
    }

    @Test
    void questionTextsAndTheTitleAreTextInTheDesignerAndItsPreview() {
        asAdmin();
        browser.open("/admin/manage/designer.xhtml?slug=" + SURVEY);
        String designer = browser.text(By.tagName("main"));
        assertTrue(designer.contains(ATTRIBUTE + " de") && designer.contains(TAG + " en"), designer);
        assertEquals(HOSTILE, browser.text(By.id("preview-title")));
        assertInert("designer");
    }

    @Test
    void segmentAndMarkerLabelsAreTextInTheDashboardMenusMarkerListAndChartData() {
        asAdmin();
        browser.open("/admin/dashboard.xhtml?survey=relationship-nps&segment=" + SEGMENT + "&granularity=MONTH");
        assertEquals(HOSTILE + " " + RUN, browser.text(By.id("filters:segment_label")), "the chosen segment");
        assertTrue(textContent("#filters\\:segment").contains(HOSTILE + " " + RUN), "the segment menu's options");
        assertEquals(
                List.of(HOSTILE),
                browser.driver().findElements(By.cssSelector("#markerChoice\\:markerTable .marker-label")).stream()
                        .map(org.openqa.selenium.WebElement::getText)
                        .toList(),
                "the marker list");
        Object chartLabels = script("return Chart.getChart(document.getElementById('trendChart_canvas'))"
                + ".data.datasets[3].markerLabels.filter(l => l !== '');");
        assertEquals(List.of(HOSTILE), chartLabels, "the chart carries the label as data");
        assertInert("dashboard");
    }

    @Test
    void aDisplayNameIsTextInTheUserList() {
        asAdmin();
        browser.open("/admin/manage/users.xhtml");
        assertTrue(browser.text(By.tagName("main")).contains(HOSTILE), "user list");
        assertInert("user list");
    }

    @Test
    void theTaskListOfAHostileCustomerRunsNoScript() {
        taskMail(CUSTOMER); // the task exists once its mail went out: the list then has the customer's row
        asAdmin();
        browser.open("/admin/followups.xhtml");
        assertInert("task list");
    }

    @Test
    void aDisplayNameIsTextInTheMenuBarOfItsUser() {
        ConsolePage console = LoginPage.open(browser).loginAs(VIEWER, "viewer-password-1");
        assertTrue(console.signedInAs().contains(HOSTILE), console.signedInAs());
        assertInert("menu bar");
    }

    @Test
    void theTaskMailWritesTheCustomerNameAsText() throws Exception {
        MimeMessage mail = taskMail(CUSTOMER);
        assertTrue(mail.getSubject().contains(HOSTILE + " (" + CUSTOMER + ")"), mail.getSubject());
        var parts = (MimeMultipart) mail.getContent();
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains(HOSTILE), "the text part as written");
        String html = (String) parts.getBodyPart(1).getContent();
        assertFalse(html.contains("<img") || html.contains("<script"), html);
        assertTrue(html.contains("&lt;img src=x onerror=window.__xss=1&gt;"), html);
    }

    void assertInert(String where) {
        assertEquals(Boolean.TRUE, script("return window.__xss === undefined;"), "a script ran on the " + where);
        assertEquals(
                0L,
                script("return document.querySelectorAll(\"img[src='x']\").length;"),
                "an injected image on the " + where);
        assertEquals(
                0L,
                script(
                        "return Array.from(document.scripts).filter(s => s.text.trim().startsWith('window.__xss')).length;"),
                "an injected script element on the " + where);
    }

    String textContent(String selector) {
        return (String) script("return document.querySelector(arguments[0]).textContent;", selector);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    static MimeMessage taskMail(String customer) {
        return await("a task mail about " + customer)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(ConsoleApp.smtp().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getSubject().contains("(" + customer + ")");
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    static void created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
    }

    static HttpResponse<String> post(String path, String body) {
        return ConsoleApp.adminPost(path, body);
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
