package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.ConsolePage;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.PrimeFaces;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * axe-core (all rules it runs by default: WCAG 2.1 A and AA plus best practices) on every console page, in
 * German and English, logged in as each role: the console meets the standard of the public forms, zero
 * violations. A page a role may not open is checked as the 403 page that role sees.
 *
 * <p>The admin sees every page in both languages. A support lead and a viewer see the same pages with less on
 * them (no edit buttons, no manage menu): what their role changes is checked in one language each, the lead in
 * English and the viewer in German, so that each of their pages is checked in both languages by one role or the
 * other and the admin's. The language changes the texts on a page, not which elements the role sees; a visit
 * of every page in both languages for all three roles took 3.5 of the suite's minutes.
 */
@ExtendWith(ConsoleApp.class)
class ConsoleAccessibilityBrowserIT {

    /** A demo customer no other browser test gives a task (FollowUpBrowserIT counts the mails about C-00042). */
    static final String CUSTOMER = "C-00077";

    Browser browser;

    /** page, then "rule: nodes" of every violation found, for the failure message and the log. */
    final Map<String, List<String>> violations = new TreeMap<>();

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(ConsoleApp.base());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyPageAnAdminSeesHasNoViolationsInEitherLanguage() throws Exception {
        String task = taskPath();
        for (String language : List.of("en", "de")) {
            LoginPage.open(browser);
            language(language);
            check("admin " + language + " login");
            ConsolePage console = new LoginPage(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
            language(language);
            checkCommonPages("admin " + language, task);
            for (String page : List.of(
                    "/admin/manage/new-survey.xhtml",
                    "/admin/manage/import.xhtml",
                    "/admin/manage/segment.xhtml",
                    "/admin/manage/segment.xhtml?key=business",
                    "/admin/manage/users.xhtml",
                    "/admin/manage/suppressions.xhtml",
                    "/admin/manage/event-rules.xhtml",
                    "/admin/manage/programmes.xhtml",
                    "/admin/manage/planner.xhtml?slug=relationship-nps",
                    "/admin/manage/notifications.xhtml",
                    "/admin/manage/alert-rules.xhtml",
                    "/admin/manage/topics.xhtml",
                    "/admin/manage/alert-rules.xhtml?edit=1",
                    "/admin/manage/teams.xhtml",
                    "/admin/manage/audit.xhtml")) {
                visit("admin " + language, page);
            }
            // Who answered the demo's check-in wave, the oldest in the distribution page's list.
            visit("admin " + language, "/admin/manage/distribute.xhtml?slug=relationship-nps");
            var waves = browser.driver().findElements(By.cssSelector("[id$=':who']"));
            String wave = waves.get(waves.size() - 1).getAttribute("href");
            visit("admin " + language, wave.substring(wave.indexOf("/admin/")));
            visit("admin " + language, "/admin/manage/planner.xhtml?slug=relationship-nps");
            browser.click(By.xpath("//label[@for=(//input[@value='starter' and contains(@id,'plan:segments')]/@id)]"));
            browser.click(By.id("plan:compute"));
            browser.find(By.id("plan:table"));
            PrimeFaces.ajaxDone(browser);
            check("admin " + language + " /admin/manage/planner.xhtml (a computed plan)");
            visit("admin " + language, "/admin/manage/designer.xhtml?slug=relationship-nps");
            browser.click(By.cssSelector("[id='designer:questions:0:edit']"));
            browser.find(By.id("designer:qkey"));
            PrimeFaces.ajaxDone(browser);
            check("admin " + language + " /admin/manage/designer.xhtml (editing a question)");
            visit("admin " + language, "/admin/manage/users.xhtml");
            browser.click(By.xpath("//tr[contains(., 'business-viewer')]//button[contains(@id, ':edit')]"));
            browser.find(By.id("edit:segments"));
            PrimeFaces.ajaxDone(browser);
            check("admin " + language + " /admin/manage/users.xhtml (a user's data scope)");
            console.logout();
        }
        assertNoViolations();
    }

    /**
     * A share link's page in both languages (made by the admin on the demo view's links page, which is checked with
     * the new link shown), and the page of a link that no longer works.
     */
    @Test
    void theShareLinkPagesHaveNoViolationsInEitherLanguage() {
        LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
        String share = ConsoleScreenshotWalkIT.shareLink(browser, browser.base() + "/");
        check("admin en /admin/views.xhtml?view= (a link made)");
        String path = share.substring(share.indexOf("/share/"));
        for (String language : List.of("en", "de")) {
            visit("share " + language, path + "?lang=" + language);
            assertEquals(language, browser.find(By.tagName("html")).getAttribute("lang"));
            browser.find(By.id("trend-table"));
        }
        visit("share en (unknown link)", "/share/" + "A".repeat(43) + "?lang=en");
        assertNoViolations();
    }

    @Test
    void theLandingPageHasNoViolationsInEitherLanguage() {
        for (String language : List.of("en", "de")) {
            visit("landing " + language, "/?lang=" + language);
            assertEquals(language, browser.find(By.tagName("html")).getAttribute("lang"));
        }
        assertNoViolations();
    }

    @Test
    void everyPageASupportLeadSeesHasNoViolationsInEnglish() throws Exception {
        everyPageOf("lead", "en", taskPath());
    }

    @Test
    void everyPageAViewerSeesHasNoViolationsInGerman() throws Exception {
        everyPageOf("viewer", "de", taskPath());
    }

    /** The demo's viewer limited to the segment Business: the pages cut to it, and a page refused to them. */
    @Test
    void thePagesOfAViewerLimitedToASegmentHaveNoViolationsInGerman() {
        LoginPage.open(browser).loginAs("business-viewer", ConsoleApp.DEMO_PASSWORD);
        language("de");
        for (String page : List.of(
                "/admin/index.xhtml",
                "/admin/dashboard.xhtml?survey=relationship-nps",
                "/admin/customers.xhtml",
                "/admin/segments.xhtml",
                "/admin/comments.xhtml?survey=relationship-nps",
                "/admin/followups.xhtml")) {
            visit("business-viewer de", page);
        }
        visit("business-viewer de 403", "/admin/effectiveness.xhtml");
        browser.driver().manage().deleteAllCookies();
        assertNoViolations();
    }

    void everyPageOf(String user, String language, String task) {
        LoginPage.open(browser).loginAs(user, ConsoleApp.DEMO_PASSWORD);
        language(language);
        checkCommonPages(user + " " + language, task);
        visit(user + " " + language + " 403", "/admin/manage/users.xhtml");
        browser.driver().manage().deleteAllCookies();
        assertNoViolations();
    }

    void checkCommonPages(String who, String task) {
        for (String page : List.of(
                "/admin/index.xhtml",
                "/admin/surveys.xhtml",
                "/admin/customers.xhtml",
                "/admin/customer.xhtml?id=" + CUSTOMER,
                "/admin/segments.xhtml",
                "/admin/dashboard.xhtml?survey=relationship-nps",
                "/admin/views.xhtml",
                "/admin/comments.xhtml?survey=relationship-nps",
                // the widest crosstab: a year by month, its table in a scrolling region
                ConsoleScreenshotWalkIT.FOCUS_BY_MONTH,
                ConsoleScreenshotWalkIT.ASPECTS_MATRIX,
                ConsoleScreenshotWalkIT.DIP_DRIVERS,
                "/admin/followups.xhtml",
                "/admin/effectiveness.xhtml",
                "/admin/tokens.xhtml",
                task)) {
            visit(who, page);
        }
        // The response browser and the newest detractor it lists, opened whole.
        visit(who, "/admin/responses.xhtml?survey=relationship-nps&band=detractor");
        String response = browser.find(By.cssSelector("[id$=':open']")).getAttribute("href");
        visit(who, response.substring(response.indexOf("/admin/")));
    }

    void language(String language) {
        if (!browser.find(By.id("lang:" + language)).getAttribute("class").contains("active")) {
            browser.clickAndWaitForNextPage(By.id("lang:" + language));
        }
        assertTrue(browser.find(By.id("lang:" + language)).getAttribute("class").contains("active"), language);
    }

    void visit(String who, String path) {
        browser.open(path);
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return document.readyState === 'complete'")));
        PrimeFaces.ajaxDone(browser);
        if (!who.endsWith("403")) {
            assertTrue(browser.driver().findElements(By.id("error-status")).isEmpty(), who + " " + path + " failed");
        }
        check(who + " " + path);
    }

    void check(String page) {
        Results results = new AxeBuilder().analyze(browser.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String line = rule.getId() + " (" + rule.getNodes().size() + "): "
                    + rule.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .limit(5)
                            .collect(Collectors.joining(", "));
            found.add(line);
            System.out.println("axe-core violation | " + page + " | " + rule.getId() + " | "
                    + rule.getNodes().size());
        }
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
        // one line per page, role and language, for the closing note: "[axe] lead de | /admin/index.xhtml | 0 ..."
        int slash = page.indexOf(" /");
        String label = slash < 0 ? page : page.substring(0, slash) + " | " + page.substring(slash + 1);
        System.out.println("[axe] " + label + " | "
                + results.getViolations().stream()
                        .mapToInt(r -> r.getNodes().size())
                        .sum() + " violations in "
                + found.size() + " rules (" + results.getPasses().size() + " rules passed)");
    }

    void assertNoViolations() {
        assertTrue(
                violations.isEmpty(),
                violations.entrySet().stream()
                        .map(e -> e.getKey() + ":\n    " + String.join("\n    ", e.getValue()))
                        .collect(Collectors.joining("\n")));
    }

    /** A follow-up task of the demo's detractor customer (the demo's rule opens one for every detractor). */
    String taskPath() throws Exception {
        HttpResponse<String> submitted = ConsoleApp.adminPost(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 3, \"reason\": \"Slow answers.\"}, \"customer\": \"" + CUSTOMER + "\"}");
        assertEquals(201, submitted.statusCode(), submitted.body());
        LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
        String href = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            browser.open("/admin/followups.xhtml");
                            return browser.driver().findElements(By.cssSelector("[id$=':open']")).stream()
                                    .map(a -> a.getAttribute("href"))
                                    .findFirst()
                                    .orElse(null);
                        },
                        h -> h != null);
        new ConsolePage(browser).logout();
        return href.substring(href.indexOf("/admin/"));
    }
}
