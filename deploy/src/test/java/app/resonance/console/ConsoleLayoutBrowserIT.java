package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.ConsolePage;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.PrimeFaces;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The console's layout as a user sees it (issue 12, defect 9): on a 1366 px desktop the header is one line
 * (menu, who is signed in, "Log out" and the language switch side by side); on a 390 px phone the main pages
 * are no wider than the screen, "Log out" and DE | EN can be reached, and comments are readable; the 403 page
 * looks like the console and speaks one language.
 */
@ExtendWith(ConsoleApp.class)
class ConsoleLayoutBrowserIT {

    static final String CUSTOMER = "C-00077";
    static String task;

    /** The pages a support lead uses on the road, and the ones the issue named, with the admin's full menu. */
    static List<String> pages() {
        return List.of(
                "/admin/index.xhtml",
                "/admin/dashboard.xhtml?survey=relationship-nps",
                "/admin/comments.xhtml?survey=relationship-nps",
                "/admin/followups.xhtml",
                task,
                "/admin/customer.xhtml?id=" + CUSTOMER,
                "/admin/customers.xhtml",
                "/admin/surveys.xhtml");
    }

    @BeforeAll
    static void aTaskToLookAt() {
        HttpResponse<String> submitted = ConsoleApp.adminPost(
                "api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 2, \"reason\": \"Layout check: the invoice was wrong twice.\"}, \"customer\": \""
                        + CUSTOMER + "\"}");
        assertEquals(201, submitted.statusCode(), submitted.body());
        try (Browser browser = Browser.open(1366, 900, "en")) {
            login(browser, "admin", ConsoleApp.ADMIN_PASSWORD);
            String href = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                browser.go(base() + "admin/followups.xhtml");
                                return browser.driver().findElements(By.cssSelector("[id$=':open']")).stream()
                                        .map(a -> a.getAttribute("href"))
                                        .findFirst()
                                        .orElse(null);
                            },
                            h -> h != null);
            task = href.substring(href.indexOf("/admin/"));
        }
    }

    @Test
    void onA1366PxDesktopTheHeaderIsOneLineInBothLanguages() {
        List<String> wrapped = new ArrayList<>();
        for (String language : List.of("de", "en")) {
            try (Browser browser = Browser.open(1366, 900, language)) {
                login(browser, "admin", ConsoleApp.ADMIN_PASSWORD);
                language(browser, language);
                for (String page : pages()) {
                    open(browser, page);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> header = (Map<String, Object>) browser.script(HEADER_GEOMETRY);
                    if (!Boolean.TRUE.equals(header.get("oneLine"))) {
                        wrapped.add(language + " " + page + ": " + header);
                    }
                }
            }
        }
        assertEquals(List.of(), wrapped, "the header wraps");
    }

    @Test
    void onA1366PxDesktopTheSignedInNameAndRoleShowWholeForEveryRoleInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (String user : List.of("admin", "lead", "viewer")) {
            String password = user.equals("admin") ? ConsoleApp.ADMIN_PASSWORD : ConsoleApp.DEMO_PASSWORD;
            for (String language : List.of("de", "en")) {
                try (Browser browser = Browser.open(1366, 900, language)) {
                    login(browser, user, password);
                    language(browser, language);
                    open(browser, "/admin/index.xhtml");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> who = (Map<String, Object>) browser.script(WHO_GEOMETRY);
                    if (!Boolean.TRUE.equals(who.get("whole"))) {
                        problems.add(user + " " + language + ": " + who);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> header = (Map<String, Object>) browser.script(HEADER_GEOMETRY);
                    if (!Boolean.TRUE.equals(header.get("oneLine"))) {
                        problems.add(user + " " + language + " header wraps: " + header);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "the signed-in name is cut or the header wraps");
    }

    /** The visible name and role fit their box (no ellipsis), and the box is not hidden. */
    static final String WHO_GEOMETRY = """
            var e = document.getElementById('nav:who');
            var b = e.getBoundingClientRect();
            return {whole: e.scrollWidth <= e.clientWidth + 1 && b.width > 0 && b.right <= window.innerWidth,
                    scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, text: e.innerText};
            """;

    @Test
    void onA390PxPhoneNoPageIsWiderThanTheScreenAndLogoutAndLanguageCanBeReached() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("de", "en")) {
            try (Browser browser = Browser.open(390, 844, language)) {
                login(browser, "admin", ConsoleApp.ADMIN_PASSWORD);
                language(browser, language);
                for (String page : pages()) {
                    open(browser, page);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> phone = (Map<String, Object>) browser.script(PHONE_GEOMETRY);
                    if (!Boolean.TRUE.equals(phone.get("fits"))) {
                        problems.add(language + " " + page + ": " + phone);
                    }
                }
                open(browser, "/admin/comments.xhtml?survey=relationship-nps");
                Number commentWidth = (Number)
                        browser.script("return document.querySelector('.comment-text').getBoundingClientRect().width;");
                if (commentWidth.doubleValue() < 200) {
                    problems.add(language + " comments: a comment is " + commentWidth + " px wide");
                }
            }
        }
        assertEquals(List.of(), problems, "at 390 px");
    }

    @Test
    void theForbiddenPageLooksLikeTheConsoleAndSpeaksGermanOnly() {
        try (Browser browser = Browser.open(1366, 900, "de")) {
            login(browser, "viewer", ConsoleApp.DEMO_PASSWORD);
            browser.go(base() + "admin/manage/users.xhtml");
            assertEquals("403 Nicht erlaubt", browser.text(By.id("error-status")));
            assertEquals("de", browser.find("html").getAttribute("lang"));
            assertStyledLikeTheConsole(browser);
            String text = browser.text(By.tagName("body"));
            assertEquals(
                    "Resonance · Konsole\n403 Nicht erlaubt\nIhre Rolle erlaubt dies nicht.\n"
                            + "Zurück zur Startseite der Konsole",
                    text);
            assertFalse(text.matches("(?s).*\\b(Forbidden|Back|Console|role|Error)\\b.*"), text);
            browser.follow("#error-home");
            assertTrue(browser.text(By.id("page-title")).length() > 0);
        }
    }

    @Test
    void theForbiddenPageFollowsTheConsolesLanguageNotOnlyTheBrowsers() {
        try (Browser browser = Browser.open(1366, 900, "en")) {
            ConsolePage console = login(browser, "viewer", ConsoleApp.DEMO_PASSWORD);
            browser.go(base() + "admin/manage/users.xhtml");
            String english = browser.text(By.tagName("body"));
            assertEquals(
                    "Resonance · Console\n403 Not allowed\nYour role does not allow this.\n"
                            + "Back to the console's home page",
                    english);
            assertEquals("en", browser.find("html").getAttribute("lang"));
            assertStyledLikeTheConsole(browser);

            browser.go(base() + "admin/index.xhtml");
            console.german();
            browser.go(base() + "admin/manage/audit.xhtml");
            String german = browser.text(By.tagName("body"));
            assertTrue(german.startsWith("Resonance · Konsole\n403 Nicht erlaubt"), german);
            assertEquals("de", browser.find("html").getAttribute("lang"));
        }
    }

    static void assertStyledLikeTheConsole(Browser browser) {
        Object styled = browser.script("var link = document.querySelector('link[rel=stylesheet]');"
                + " var sheet = Array.from(document.styleSheets).find(function (s) { return s.href && s.href.indexOf('console.css') >= 0; });"
                + " var header = document.querySelector('header.console-header');"
                + " return !!link && !!sheet && sheet.cssRules.length > 20 && !!header"
                + " && getComputedStyle(header).display === 'flex'"
                + " && getComputedStyle(document.body).backgroundColor === 'rgb(247, 248, 250)';");
        assertEquals(Boolean.TRUE, styled, "the console's stylesheet, header and background");
    }

    /**
     * One line: the menu's first and last entry, "Log out" and both language links have their middles within
     * a few pixels of each other, the header is at most one row high, and nothing sticks out on the right.
     */
    static final String HEADER_GEOMETRY = """
            var header = document.querySelector('header.console-header');
            var parts = ['nav:menu', 'nav:logout', 'lang:de', 'lang:en'].map(function (id) { return document.getElementById(id); });
            var links = document.querySelectorAll("[id='nav:menu'] a");
            var boxes = [links[0], links[links.length - 1], parts[1], parts[2], parts[3]].map(function (e) { return e.getBoundingClientRect(); });
            var middles = boxes.map(function (b) { return Math.round(b.top + b.height / 2); });
            var spread = Math.max.apply(null, middles) - Math.min.apply(null, middles);
            var right = Math.max.apply(null, boxes.map(function (b) { return b.right; }));
            var height = header.getBoundingClientRect().height;
            var who = document.getElementById('nav:who').getBoundingClientRect();
            var apart = boxes[1].right <= who.left && who.right <= boxes[2].left && boxes[2].right <= boxes[3].left;
            return {oneLine: spread <= 6 && height <= 60 && apart && right <= document.documentElement.clientWidth,
                    apart: apart,
                    middles: middles.join(','), height: Math.round(height), right: Math.round(right)};
            """;

    /**
     * No horizontal overflow, and "Log out" and DE | EN inside the screen. A phone zooms out to show a page
     * wider than itself, and window.innerWidth then grows with the page: the screen is the layout viewport
     * (the html element's client width, 390 px with width=device-width).
     */
    static final String PHONE_GEOMETRY = """
            var width = Math.min(window.innerWidth, document.documentElement.clientWidth, screen.width);
            var inside = ['nav:logout', 'lang:de', 'lang:en'].every(function (id) {
                var b = document.getElementById(id).getBoundingClientRect();
                return b.left >= 0 && b.right <= width && b.width > 0;
            });
            var widest = Array.from(document.querySelectorAll('body *')).filter(function (e) {
                return e.getBoundingClientRect().right > width + 1 && !e.closest('.ui-datatable-tablewrapper, .table-scroll, .ui-datatable-scrollable-body');
            }).slice(0, 3).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; });
            return {fits: document.documentElement.scrollWidth <= width && inside,
                    scrollWidth: document.documentElement.scrollWidth, width: width, innerWidth: window.innerWidth, logoutAndLanguageInside: inside,
                    sticksOut: widest.join(' | ')};
            """;

    static ConsolePage login(Browser browser, String user, String password) {
        browser.go(base() + "admin/login.xhtml");
        return new LoginPage(browser).loginAs(user, password);
    }

    static void language(Browser browser, String language) {
        if (!browser.find(By.id("lang:" + language)).getAttribute("class").contains("active")) {
            browser.clickAndWaitForNextPage(By.id("lang:" + language));
        }
        assertTrue(browser.find(By.id("lang:" + language)).getAttribute("class").contains("active"), language);
    }

    static void open(Browser browser, String page) {
        browser.go(base() + page.substring(1));
        browser.find(By.id("page-title"));
        PrimeFaces.ajaxDone(browser);
    }

    static String base() {
        return ConsoleApp.base().toString().replaceFirst("//[^:/]+", "//127.0.0.1");
    }
}
