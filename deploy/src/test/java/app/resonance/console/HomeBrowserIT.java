package app.resonance.console;

import static app.resonance.console.DashboardBrowserIT.number;
import static app.resonance.console.DashboardBrowserIT.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.PrimeFaces;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's overview as the support lead opens it on the demo: the headline NPS, CSAT and CES of the
 * last 30 days with their change against the 30 days before and its significance, the open and overdue
 * tasks, the open alerts, the newest comments and every survey's responses: each figure what the admin API
 * reports, each linking to the page behind it. The surveys list shows the same responses.
 */
@ExtendWith(ConsoleApp.class)
class HomeBrowserIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void theOverviewShowsWhatTheApiReportsAndLinksToThePagesBehindIt() throws Exception {
        LocalDate to = LocalDate.now(ZONE);
        LocalDate from = to.minusDays(29);
        String range = "&from=" + from + "&to=" + to;
        // The demo's follow-ups are all done: a detractor opens a task (and its alert) for the overview to show.
        post(
                "/api/v1/admin/surveys/relationship-nps/responses",
                "{\"answers\": {\"nps\": 2, \"reason\": \"Nobody called back.\"}, \"customer\": \"C-00055\"}");
        await("an open task")
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("/api/v1/admin/followups?status=OPEN") > 0);
        settled("/api/v1/admin/analytics/segments?metric=NPS" + range);
        try (Browser browser = Browser.at(ConsoleApp.base())) {
            LoginPage.open(browser).loginAs("lead", ConsoleApp.DEMO_PASSWORD);
            browser.open("/admin/index.xhtml");
            for (String metric : List.of("NPS", "CSAT", "CES")) {
                String all = object(api("/api/v1/admin/analytics/segments?metric=" + metric + range), "\"segments\":[");
                String current = object(all, "\"current\":");
                String change = object(all, "\"change\":");
                WebElement tile = browser.find(By.id("headline-" + metric));
                int decimals = metric.equals("CES") ? 2 : 1;
                assertTrue(current.contains("\"SHOWN\""), metric + " has a figure in the demo: " + current);
                assertEquals(
                        format(number(current, "value"), decimals),
                        tile.findElement(By.className("tile-value")).getText(),
                        metric);
                assertEquals(
                        "± " + format(number(current, "marginOfError"), decimals) + " · n = "
                                + (long) number(current, "responses"),
                        tile.findElement(By.className("tile-margin")).getText(),
                        metric);
                double difference = number(change, "difference");
                String sign = difference > 0 ? "+" : difference < 0 ? "−" : "";
                assertEquals(
                        sign + format(Math.abs(difference), 1) + " against the 30 days before",
                        tile.findElement(By.className("home-change")).getText(),
                        metric);
                String significance =
                        tile.findElement(By.className("home-significance")).getText();
                assertTrue(
                        change.contains("\"significant\":true")
                                ? significance.startsWith("significant (p")
                                : significance.startsWith("not significant (p"),
                        metric + ": " + significance + " for " + change);
                String link = tile.findElement(By.tagName("a")).getAttribute("href");
                assertTrue(link.contains("/admin/dashboard.xhtml?survey="), link);
            }
            // Tasks and alerts: the counts of the follow-up API, linking to the filtered list.
            assertEquals(
                    Integer.toString(count("/api/v1/admin/followups?status=OPEN")),
                    browser.find(By.cssSelector("#open-tasks .figure")).getText());
            assertEquals(
                    Integer.toString(count("/api/v1/admin/followups?overdue=true")),
                    browser.find(By.cssSelector("#overdue-tasks .figure")).getText());
            assertTrue(
                    browser.find(By.id("overdue-tasks")).getAttribute("href").contains("followups.xhtml?overdue=true"));
            List<WebElement> alerts = browser.driver().findElements(By.cssSelector("#alerts li a"));
            assertFalse(alerts.isEmpty(), "the demo's newest alerts with an open task are listed");
            String newestAlert = alerts.get(0).getAttribute("href");
            assertTrue(newestAlert.contains("followup.xhtml?id="), newestAlert);
            String task = api("/api/v1/admin/followups/" + newestAlert.replaceFirst(".*id=", ""));
            assertTrue(task.contains("\"status\":\"OPEN\"") || task.contains("\"status\":\"IN_PROGRESS\""), task);
            // Newest comments: written as text, each linking to the comments of its survey.
            List<WebElement> comments = browser.driver().findElements(By.cssSelector("#newest-comments li"));
            assertEquals(5, comments.size());
            assertTrue(comments.get(0)
                    .findElement(By.tagName("a"))
                    .getAttribute("href")
                    .contains("comments.xhtml?survey="));
            // Every survey: the responses and the newest response of the API's survey list.
            String surveys = api("/api/v1/admin/surveys");
            Matcher survey = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(surveys);
            int rows = 0;
            List<String> expected = new java.util.ArrayList<>();
            while (survey.find()) {
                String json = object(surveys.substring(survey.start() - 1), "{");
                WebElement row =
                        browser.find(By.cssSelector("#survey-activity tr[data-slug='" + survey.group(1) + "']"));
                assertEquals(
                        Long.toString((long) number(json, "responses")),
                        row.findElement(By.className("responses")).getText(),
                        survey.group(1));
                Matcher last = Pattern.compile("\"lastResponse\":\"([^\"]+)\"").matcher(json);
                assertEquals(
                        last.find()
                                ? MINUTES.format(Instant.parse(last.group(1)).atZone(ZONE))
                                : "none yet",
                        row.findElement(By.className("last-response")).getText());
                assertTrue(row.findElement(By.tagName("a")).getAttribute("href").contains("dashboard.xhtml?survey="));
                expected.add(row.findElement(By.className("responses")).getText());
                rows++;
            }
            assertTrue(rows >= 4, surveys);
            // other tests share this app and add surveys of their own: the demo's four are there with their responses
            assertTrue(
                    expected.stream().filter(n -> Long.parseLong(n) >= 1000).count() >= 4,
                    "the demo's surveys: " + expected);

            browser.open("/admin/surveys.xhtml");
            PrimeFaces.ajaxDone(browser);
            assertEquals(
                    expected,
                    browser.findAll("#surveys\\:table .responses").stream()
                            .map(WebElement::getText)
                            .toList());
        }
    }

    @Test
    void theGermanOverviewSpeaksGerman() {
        try (Browser browser = Browser.open(1366, 900, "de")) {
            String base = ConsoleApp.base().toString();
            browser.go(base + "admin/login.xhtml");
            new LoginPage(browser).loginAs("lead", ConsoleApp.DEMO_PASSWORD);
            browser.go(base + "admin/index.xhtml");
            String change =
                    browser.find(By.cssSelector("#headline-NPS .home-change")).getText();
            assertTrue(change.endsWith("gegenüber den 30 Tagen davor") || change.startsWith("Kein Vergleich"), change);
            assertTrue(browser.text(By.id("work-title")).equals("Zu tun"));
        }
    }

    static String format(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** How many tasks the list answers, page by page. */
    static int count(String path) throws Exception {
        int total = 0;
        for (int offset = 0; ; offset += 500) {
            String page = api(path + "&limit=500&offset=" + offset);
            int n = page.split("\"dueDate\"", -1).length - 1;
            total += n;
            if (n < 500) {
                return total;
            }
        }
    }

    static String settled(String path) {
        String[] previous = {null};
        return await("the rollups settle")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> {
                            String now = api(path);
                            boolean same = now.equals(previous[0]);
                            previous[0] = now;
                            return same ? now : null;
                        },
                        Objects::nonNull);
    }

    static void post(String path, String json) {
        HttpResponse<String> response = ConsoleApp.adminPost(path, json);
        assertEquals(201, response.statusCode(), response.body());
    }

    static String api(String path) {
        HttpResponse<String> response = ConsoleApp.send(
                ConsoleApp.admin(path).header("Accept-Language", "en").GET().build());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
