package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.PrimeFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The screenshot walk: every console page as the admin sees it (the designer with its preview, a follow-up task
 * among them), then the support lead's overview, follow-ups and task and the viewer's overview and the 403 page a
 * viewer gets for the users page, in German and English, on a desktop (1366 px) and a phone (390 px), saved as
 * whole-page PNGs in {@code deploy/target/screenshots} ({@code de-390-task.png}, {@code en-1366-lead-index.png},
 * {@code de-1366-viewer-403.png}) for a person to look at.
 * Every picture is also checked for what a person would see wrong at once: a page wider than the window (a
 * sideways scroll on a phone) and a table cell whose text does not fit it (cut off by the table's fixed layout, or
 * running over its neighbour); the walk fails with the list of them.
 * Run alone: {@code ./mvnw -pl deploy -am verify -Dsurvey.skipITs=true -Dit.test=ConsoleScreenshotWalkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ConsoleApp.class)
class ConsoleScreenshotWalkIT {

    static final Path TARGET = Path.of("target", "screenshots");

    /**
     * The layout problems of the page in the window: the page's width beyond the window, and every visible table
     * cell whose content is wider than the cell (a cell that scrolls its own content on purpose has none).
     */
    static final String LAYOUT_PROBLEMS = """
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
              problems.push('page ' + root.scrollWidth + ' px wide in a ' + root.clientWidth + ' px window');
            }
            for (const cell of document.querySelectorAll('th, td')) {
              if (cell.offsetParent === null || cell.clientWidth === 0) continue;
              if (cell.scrollWidth > cell.clientWidth + 1) {
                const text = (cell.innerText || '').replace(/\\s+/g, ' ').trim().substring(0, 40);
                problems.push('cell ' + cell.clientWidth + ' px for ' + cell.scrollWidth + ' px: "' + text + '"');
              }
            }
            return problems;
            """;

    static final List<String> problems = new ArrayList<>();

    /**
     * The drivers of the demo's dip: the Business segment from a month after the dip's start (DemoStory: 270 days
     * ago) until the check-in calls began (150 days ago).
     */
    static final String DIP_DRIVERS = "/admin/drivers.xhtml?survey=relationship-nps&segment=business&from="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(240)
            + "&to="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(150);

    /** The demo's focus question over the last year by month: support's share rises during the dip. */
    static final String FOCUS_BY_MONTH = "/admin/crosstab.xhtml?survey=relationship-nps&question=focus&by=month&from="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(364)
            + "&to="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC);

    /** The demo's matrix "How do you rate these aspects?" over the last year, row by row. */
    static final String ASPECTS_MATRIX = "/admin/crosstab.xhtml?survey=product-feedback&question=aspects&from="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(364)
            + "&to="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC);

    static final List<String> PAGES = List.of(
            "/admin/index.xhtml",
            "/admin/surveys.xhtml",
            "/admin/manage/designer.xhtml?slug=relationship-nps",
            "/admin/manage/new-survey.xhtml",
            "/admin/manage/distribute.xhtml?slug=relationship-nps",
            "/admin/customers.xhtml",
            "/admin/customer.xhtml?id=C-00077",
            "/admin/customer.xhtml?id=C-00021",
            "/admin/manage/import.xhtml",
            "/admin/segments.xhtml",
            "/admin/manage/segment.xhtml?key=business",
            "/admin/dashboard.xhtml?survey=relationship-nps",
            "/admin/views.xhtml",
            "/admin/comments.xhtml?survey=relationship-nps",
            "/admin/crosstab.xhtml?survey=relationship-nps&question=nps&by=plan",
            FOCUS_BY_MONTH,
            ASPECTS_MATRIX,
            DIP_DRIVERS,
            "/admin/responses.xhtml?survey=relationship-nps&band=detractor",
            "/admin/followups.xhtml",
            "/admin/effectiveness.xhtml",
            "/admin/tokens.xhtml",
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
            "/admin/manage/audit.xhtml");

    @Test
    void everyPageInBothLanguagesAtBothWidthsIsSavedAsAPicture() throws IOException {
        Files.createDirectories(TARGET);
        int saved = 0;
        for (int width : new int[] {1366, 390}) {
            for (String language : List.of("en", "de")) {
                try (Browser browser = Browser.open(width, 900, language)) {
                    String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
                    browser.go(base + "?lang=" + language);
                    browser.find(By.id("to-console"));
                    save(browser, language, width, "landing");
                    browser.go(base + "admin/login.xhtml");
                    save(browser, language, width, "login");
                    new LoginPage(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
                    for (String page : PAGES) {
                        saved += visit(browser, base, page, language, width, name(page));
                    }
                    saved += visit(browser, base, firstTask(browser, base), language, width, "task");
                    saved += visit(browser, base, topicTask(browser, base), language, width, "topic-task");
                    saved += visit(browser, base, firstResponse(browser, base), language, width, "response");
                    saved += visit(browser, base, oldestWave(browser, base), language, width, "wave");
                    saved += visit(browser, base, "/admin/manage/users.xhtml", language, width, "users-scope");
                    browser.click(By.xpath("//tr[contains(., 'business-viewer')]//button[contains(@id, ':edit')]"));
                    browser.find(By.id("edit:segments"));
                    PrimeFaces.ajaxDone(browser);
                    save(browser, language, width, "users-scope");
                    String share = shareLink(browser, base);
                    save(browser, language, width, "view-links");
                    saved++;
                    digestWithError(browser);
                    save(browser, language, width, "view-digest");
                    saved++;
                    browser.go(share + "?lang=" + language);
                    browser.find(By.id("trend-table"));
                    save(browser, language, width, "share");
                    saved++;
                }
                try (Browser browser = Browser.open(width, 900, language)) {
                    String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
                    browser.go(base + "admin/login.xhtml");
                    new LoginPage(browser).loginAs("lead", ConsoleApp.DEMO_PASSWORD);
                    saved += visit(browser, base, "/admin/index.xhtml", language, width, "lead-index");
                    saved += visit(browser, base, "/admin/followups.xhtml", language, width, "lead-followups");
                    saved += visit(browser, base, firstTask(browser, base), language, width, "lead-task");
                }
                try (Browser browser = Browser.open(width, 900, language)) {
                    String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
                    browser.go(base + "admin/login.xhtml");
                    new LoginPage(browser).loginAs("viewer", ConsoleApp.DEMO_PASSWORD);
                    saved += visit(browser, base, "/admin/index.xhtml", language, width, "viewer-index");
                    browser.go(base + "admin/manage/users.xhtml");
                    browser.find(By.id("error-status"));
                    save(browser, language, width, "viewer-403");
                    saved++;
                }
                try (Browser browser = Browser.open(width, 900, language)) {
                    // a viewer limited to the segment Business: their home, dashboard, customers, and a refusal
                    String base = ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
                    browser.go(base + "admin/login.xhtml");
                    new LoginPage(browser).loginAs("business-viewer", ConsoleApp.DEMO_PASSWORD);
                    saved += visit(browser, base, "/admin/index.xhtml", language, width, "scoped-index");
                    saved += visit(
                            browser,
                            base,
                            "/admin/dashboard.xhtml?survey=relationship-nps",
                            language,
                            width,
                            "scoped-dashboard");
                    saved += visit(browser, base, "/admin/customers.xhtml", language, width, "scoped-customers");
                    browser.go(base + "admin/effectiveness.xhtml");
                    browser.find(By.id("error-status"));
                    save(browser, language, width, "scoped-403");
                    saved++;
                }
            }
        }
        int perRun = PAGES.size() + 5 + 3 + 3 + 2 + 4;
        assertTrue(saved == 4 * perRun, "pictures: " + saved);
        System.out.println("Screenshot walk: " + (saved + 8) + " pictures in " + TARGET.toAbsolutePath());
        assertEquals(List.of(), problems, "pages that look wrong");
    }

    static int visit(Browser browser, String base, String page, String language, int width, String name)
            throws IOException {
        browser.go(base + page.substring(1));
        browser.find(By.id("page-title"));
        PrimeFaces.ajaxDone(browser);
        save(browser, language, width, name);
        return 1;
    }

    /** The first open task of the follow-up list (the demo has five, assigned to the lead). */
    static String firstTask(Browser browser, String base) {
        browser.go(base + "admin/followups.xhtml");
        String href = browser.find(By.cssSelector("[id$=':open']")).getAttribute("href");
        return href.substring(href.indexOf("/admin/"));
    }

    /** The task of the demo's topic rise alert ("Waiting time" in the dip), found in the follow-up list by its alert. */
    static String topicTask(Browser browser, String base) {
        browser.go(base + "admin/followups.xhtml");
        String href = browser.find(
                        By.xpath("//tr[contains(., 'Topic share rising') or contains(., 'Anteil eines Themas')]"
                                + "//a[contains(@id, ':open')]"))
                .getAttribute("href");
        return href.substring(href.indexOf("/admin/"));
    }

    /**
     * A new share link of the demo's saved view, made on the view's links page (which then shows it once, and is
     * left open for its picture); answers the link's address.
     */
    static String shareLink(Browser browser, String base) {
        browser.go(base + "admin/views.xhtml");
        String href = browser.find(By.cssSelector("[id$=':links']")).getAttribute("href");
        browser.go(href);
        browser.click(By.id("share:submit"));
        String url = browser.find(By.id("madeUrl")).getAttribute("href");
        PrimeFaces.ajaxDone(browser);
        return url.replaceFirst("//[^:/]+", "//127.0.0.1");
    }

    /**
     * On the view's links page: the demo's digest opened in the form, a bad address added and saved, so that the
     * form shows the message next to the addresses (nothing is stored).
     */
    static void digestWithError(Browser browser) {
        browser.click(By.cssSelector("[id$=':editDigest']"));
        PrimeFaces.ajaxDone(browser);
        var addresses = browser.find(By.id("digest:addresses"));
        addresses.sendKeys(", not-an-address");
        browser.click(By.id("digest:saveDigest"));
        PrimeFaces.ajaxDone(browser);
        browser.find(By.cssSelector("[id='digest:addresses'] ~ .ui-message-error, .ui-message-error"));
    }

    /** The newest detractor of the relationship survey, opened from the response browser. */
    static String firstResponse(Browser browser, String base) {
        browser.go(base + "admin/responses.xhtml?survey=relationship-nps&band=detractor");
        String href = browser.find(By.cssSelector("[id$=':open']")).getAttribute("href");
        return href.substring(href.indexOf("/admin/"));
    }

    /** Who answered the oldest wave of the relationship survey (the demo's check-in wave of 200 customers). */
    static String oldestWave(Browser browser, String base) {
        browser.go(base + "admin/manage/distribute.xhtml?slug=relationship-nps");
        browser.find(By.cssSelector("[id$=':who']"));
        var links = browser.driver().findElements(By.cssSelector("[id$=':who']"));
        String href = links.get(links.size() - 1).getAttribute("href");
        return href.substring(href.indexOf("/admin/"));
    }

    static String name(String page) {
        return page.replaceFirst("^/admin/(manage/)?", "").replace(".xhtml", "").replaceAll("[^A-Za-z0-9-]+", "-");
    }

    /** The whole page, not only the window, through Chromium's own screenshot command. */
    static void save(Browser browser, String language, int width, String page) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) browser.driver()
                .executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = browser.driver()
                .executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        String picture = language + "-" + width + "-" + page + ".png";
        Files.write(TARGET.resolve(picture), Base64.getDecoder().decode((String) shot.get("data")));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.driver().executeScript(LAYOUT_PROBLEMS);
        found.forEach(problem -> problems.add(picture + ": " + problem));
    }
}
