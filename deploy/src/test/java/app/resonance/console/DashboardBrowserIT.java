package app.resonance.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.DashboardPage;
import app.resonance.testing.console.LoginPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The analytics dashboard in headless Chromium on the complete application with the demo data, as the
 * support lead who wants to know whether the check-in calls for Business customers worked. Expected
 * figures come from the admin analytics API, which answers from the same control classes.
 */
@ExtendWith(ConsoleApp.class)
class DashboardBrowserIT {

    static final String ADMIN_PASSWORD = ConsoleApp.ADMIN_PASSWORD;
    static final String DEMO_PASSWORD = ConsoleApp.DEMO_PASSWORD;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    Browser signedIn(String user, String password) {
        Browser browser = Browser.at(ConsoleApp.base());
        browsers.add(browser);
        LoginPage.open(browser).loginAs(user, password);
        return browser;
    }

    final LocalDate to = LocalDate.now(ZONE);
    final LocalDate from = to.withDayOfMonth(1).minusMonths(12);
    final String businessByMonth =
            "survey=relationship-nps&segment=business&granularity=MONTH&from=" + from + "&to=" + to;

    /**
     * The dashboard's crosstab link keeps its segment and days; the crosstab page counts exactly those (its column
     * sizes are the API's for the same filters) and names a bad date instead of counting.
     */
    @Test
    void theCrosstabLinkKeepsTheDashboardsSegmentAndDays() throws Exception {
        settledApi("/api/v1/admin/analytics/trend?" + businessByMonth);
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        DashboardPage.open(lead, businessByMonth);
        lead.clickAndWaitForNextPage(By.id("crosstab"));
        String url = lead.driver().getCurrentUrl();
        assertTrue(url.contains("segment=business") && url.contains("from=" + from) && url.contains("to=" + to), url);
        lead.find(By.id("table"));
        String hint = lead.text(By.cssSelector("main p.hint"));
        assertTrue(hint.startsWith("Responses from " + from + " to " + to), hint);
        String api = ConsoleApp.adminGet("api/v1/admin/surveys/relationship-nps/crosstab?question=nps&by=plan"
                        + "&segment=business&from=" + from + "&to=" + to)
                .body();
        List<String> expected = new ArrayList<>();
        int columns = api.indexOf("\"columns\":[");
        assertTrue(columns >= 0, api);
        Matcher n =
                Pattern.compile("\"respondents\":(\\d+)").matcher(api.substring(columns, api.indexOf(']', columns)));
        while (n.find()) {
            expected.add("(n = " + n.group(1) + ")");
        }
        assertFalse(expected.isEmpty(), api);
        List<String> shown = lead.driver().findElements(By.cssSelector("#table .crosstab-n")).stream()
                .map(e -> e.getText().strip())
                .toList();
        assertEquals(expected, shown, "the page counts the dashboard's segment and days, as the API does");

        lead.open("/admin/crosstab.xhtml?survey=relationship-nps&question=nps&by=plan&from=2026-13-01");
        assertTrue(lead.text(By.id("filterMessages")).contains("Dates are written YYYY-MM-DD."));
        assertTrue(lead.driver().findElements(By.id("table")).isEmpty(), "nothing is counted for a bad date");
    }

    /**
     * The demo's matrix row by row on the crosstab page: each row's n and mean as the API answers them; a row
     * chosen from the menu is a crosstab of its answers.
     */
    @Test
    void theMatrixShowsEachRowsCountAndMeanAsTheApiAndARowHasItsCrosstab() throws Exception {
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        lead.open(ConsoleScreenshotWalkIT.ASPECTS_MATRIX);
        String query = ConsoleScreenshotWalkIT.ASPECTS_MATRIX.substring(
                ConsoleScreenshotWalkIT.ASPECTS_MATRIX.indexOf("&from="));
        String api = ConsoleApp.adminGet("api/v1/admin/surveys/product-feedback/matrix?question=aspects" + query)
                .body();
        List<String> expectedN = new ArrayList<>();
        Matcher n = Pattern.compile("\"respondents\":(\\d+)").matcher(api);
        while (n.find()) {
            expectedN.add("(n = " + n.group(1) + ")");
        }
        assertEquals(3, expectedN.size(), api);
        assertEquals(
                expectedN,
                lead.driver().findElements(By.cssSelector("#matrix .crosstab-n")).stream()
                        .map(e -> e.getText().strip())
                        .toList());
        List<String> expectedMeans = new ArrayList<>();
        Matcher mean = Pattern.compile("\"mean\":([0-9.]+),\"meanMarginOfError\":([0-9.]+)")
                .matcher(api);
        while (mean.find()) {
            expectedMeans.add(String.format(
                    java.util.Locale.ENGLISH,
                    "%.1f ± %.1f",
                    Double.parseDouble(mean.group(1)),
                    Double.parseDouble(mean.group(2))));
        }
        assertEquals(
                expectedMeans,
                lead.driver().findElements(By.cssSelector("#matrix .matrix-mean")).stream()
                        .map(e -> e.getText().strip())
                        .toList());
        assertTrue(lead.text(By.cssSelector("main .crosstab-notes")).contains("not tested against each other"));

        lead.open(ConsoleScreenshotWalkIT.ASPECTS_MATRIX.replace("question=aspects", "question=aspects.speed")
                + "&by=plan");
        lead.find(By.id("table"));
        String speed = ConsoleApp.adminGet(
                        "api/v1/admin/surveys/product-feedback/crosstab?question=aspects&row=speed&by=plan" + query)
                .body();
        Matcher columnN = Pattern.compile("\"respondents\":(\\d+)")
                .matcher(speed.substring(speed.indexOf("\"columns\":["), speed.indexOf("\"rows\":[")));
        List<String> columns = new ArrayList<>();
        while (columnN.find()) {
            columns.add("(n = " + columnN.group(1) + ")");
        }
        assertFalse(columns.isEmpty(), speed);
        assertEquals(
                columns,
                lead.driver().findElements(By.cssSelector("#table .crosstab-n")).stream()
                        .map(e -> e.getText().strip())
                        .toList());
    }

    @Test
    void theSupportLeadSeesTheBusinessDipTheMarkerAndThatTheCallsWorked() throws Exception {
        String trend = settledApi("/api/v1/admin/analytics/trend?" + businessByMonth);
        String total = object(trend, "\"total\":");
        Browser browser = signedIn("lead", DEMO_PASSWORD);
        DashboardPage page = DashboardPage.open(browser, businessByMonth);

        assertEquals(one(number(total, "value")), page.tileValue("NPS"));
        assertEquals("± " + one(number(total, "marginOfError")) + " (95 %)", page.tileMargin("NPS"));
        assertEquals("n = " + (long) number(total, "responses"), page.tileN("NPS"));

        // The accessible table and the chart's own data show the same months and figures as the API.
        List<String> periods = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Matcher point = Pattern.compile("\"period\":\"([^\"]+)\"").matcher(trend);
        while (point.find()) {
            periods.add(point.group(1));
            String figure = object(trend.substring(point.end()), "\"figure\":");
            values.add(figure.contains("\"SHOWN\"") ? number(figure, "value") : null);
        }
        assertEquals(13, periods.size(), trend);
        // The running month is partial (unless today is its last day): the table and the chart say so.
        List<String> labels = new ArrayList<>(periods);
        if (to.getDayOfMonth() != to.lengthOfMonth()) {
            labels.set(labels.size() - 1, labels.get(labels.size() - 1) + " (partial)");
        }
        List<List<String>> rows = page.trendRows();
        assertEquals(labels, rows.stream().map(r -> r.get(0)).toList());
        for (int i = 0; i < periods.size(); i++) {
            String expected = values.get(i) == null ? "not enough responses" : one(values.get(i));
            assertEquals(expected, rows.get(i).get(1), "table value of " + periods.get(i));
        }
        assertEquals(labels, page.chartLabels(), "the chart is drawn (under the console's CSP) with these months");
        List<Object> drawn = page.chartData(0);
        for (int i = 0; i < periods.size(); i++) {
            if (values.get(i) != null) {
                assertEquals(
                        Math.round(values.get(i) * 10) / 10.0,
                        ((Number) drawn.get(i)).doubleValue(),
                        1e-9,
                        "chart value of " + periods.get(i));
            }
        }
        // Dip and recovery: the worst month lies in the dip, 30+ points below the first and the last full month.
        int worst = 1;
        for (int i = 1; i < 12; i++) {
            if (values.get(i) < values.get(worst)) {
                worst = i;
            }
        }
        assertTrue(worst >= 3 && worst <= 8, "the dip is 5 to 9 months ago: " + periods.get(worst));
        assertTrue(values.get(1) - values.get(worst) > 30, "Business fell: " + values);
        assertTrue(values.get(11) - values.get(worst) > 30, "and recovered: " + values);

        // The action is marked on the chart (its month) and listed; before/after is significant.
        assertEquals(List.of("Check-in calls started"), page.markerLabels());
        LocalDate markerDay = LocalDate.now(ZoneId.of("UTC")).minusDays(150);
        String markerMonth = String.format("%d-%02d", markerDay.getYear(), markerDay.getMonthValue());
        List<Object> marks = page.chartData(3);
        assertTrue(marks.get(periods.indexOf(markerMonth)) != null, "the marker is drawn in " + markerMonth);
        String markers = api("/api/v1/admin/analytics/markers");
        Matcher id = Pattern.compile(
                        "\"id\":(\\d+),\"date\":\"" + markerDay + "\",\"label\":\"Check-in calls started\"")
                .matcher(markers);
        assertTrue(id.find(), markers);
        String impact = api("/api/v1/admin/analytics/markers/" + id.group(1) + "/impact?days=60");
        String before = object(object(impact, "\"before\":"), "\"figure\":");
        String after = object(object(impact, "\"after\":"), "\"figure\":");
        assertEquals(one(number(before, "value")), page.impactBefore());
        assertEquals(one(number(after, "value")), page.impactAfter());
        assertTrue(impact.contains("\"significant\":true"), impact);
        assertTrue(page.verdict().endsWith("significant (p < 0.05)"), page.verdict());
        assertEquals("significant", page.verdictClass());
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2600));
        page.screenshot(java.nio.file.Path.of("target", "dashboard.png"));
    }

    @Test
    void aSharedLinkReopensTheSameFiltersForAViewerWhoCannotAddMarkers() throws Exception {
        settledApi("/api/v1/admin/analytics/trend?" + businessByMonth);
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        DashboardPage page = DashboardPage.open(lead, "survey=relationship-nps&segment=business&granularity=MONTH")
                .apply();
        String shared = page.currentUrl();
        assertTrue(shared.contains("segment=business") && shared.contains("granularity=MONTH"), shared);
        assertTrue(
                shared.contains("from=" + to.minusDays(364)) && shared.contains("to=" + to),
                "the link names the dates, so it shows the same days tomorrow: " + shared);
        assertTrue(page.canAddMarker(), "a support lead may mark an action");
        String tile = page.tileText("NPS");

        Browser viewer = signedIn("viewer", DEMO_PASSWORD);
        viewer.driver().get(shared);
        DashboardPage seen = new DashboardPage(viewer);
        assertEquals("Business plan", seen.selectedLabel("segment"));
        assertEquals("Month", seen.selectedLabel("granularity"));
        assertEquals(tile, seen.tileText("NPS"));
        assertFalse(seen.canAddMarker(), "a viewer sees no form to mark an action");
    }

    /**
     * The lead saves the dashboard's Business view with a relative period, reopens it from the saved views, makes a
     * share link on the view's links page and opens it without an account: the page shows the view's name and the
     * same periods as the dashboard's table, is not indexable, and the link lists one use.
     */
    @Test
    void theLeadSavesAViewReopensItAndSharesItWithSomeoneWithoutAnAccount() throws Exception {
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        DashboardPage.open(lead, "survey=relationship-nps&segment=business&granularity=MONTH");
        String name = "Business monthly " + System.nanoTime();
        lead.type(By.id("saveView:name"), name);
        lead.script("PF(arguments[0]).selectValue('LAST_12_MONTHS')", "widget_saveView_period");
        lead.clickAndWaitForNextPage(By.id("saveView:save"));
        lead.find(By.linkText(name));
        lead.clickAndWaitForNextPage(By.linkText(name));
        String reopened = lead.driver().getCurrentUrl();
        assertTrue(reopened.contains("segment=business") && reopened.contains("granularity=MONTH"), reopened);
        assertTrue(
                reopened.contains("from=" + to.minusMonths(12).plusDays(1)) && reopened.contains("to=" + to), reopened);
        // 12 months up to today touch the months from the first day's to today's
        LocalDate start = to.minusMonths(12).plusDays(1);
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(
                        java.time.YearMonth.from(start), java.time.YearMonth.from(to))
                + 1;
        int rows = lead.driver()
                .findElements(By.cssSelector("[id$='trendTable'] tbody tr"))
                .size();
        assertEquals(months, rows);

        lead.open("/admin/views.xhtml");
        lead.click(By.xpath("//a[text()='" + name + "']/ancestor::tr//a[contains(@id,':links')]"));
        lead.find(By.id("share:submit"));
        lead.click(By.id("share:submit"));
        String url = lead.find(By.id("madeUrl")).getAttribute("href");

        Browser visitor = Browser.at(ConsoleApp.base());
        browsers.add(visitor);
        visitor.go(url + "?lang=en");
        assertEquals(name, visitor.text(By.tagName("h1")));
        assertEquals(
                "noindex, nofollow",
                visitor.driver()
                        .findElement(By.cssSelector("meta[name='robots']"))
                        .getAttribute("content"));
        assertEquals(
                months,
                visitor.driver()
                        .findElements(By.cssSelector("#trend-table tbody tr"))
                        .size());
        assertTrue(visitor.driver().findElements(By.tagName("svg")).size() == 1, "the chart");

        lead.open("/admin/views.xhtml");
        lead.click(By.xpath("//a[text()='" + name + "']/ancestor::tr//a[contains(@id,':links')]"));
        assertEquals("1", lead.text(By.cssSelector("[id$='shareLinks'] .uses")));
    }

    @Test
    void aMarkerTypedByTheLeadIsShownAsTextNeverAsMarkup() throws Exception {
        settledApi("/api/v1/admin/analytics/trend?" + businessByMonth);
        String starter = "survey=relationship-nps&segment=starter&granularity=MONTH&from=" + from + "&to=" + to;
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        String label = "<img src=x id=injected> Price </script> letter";
        DashboardPage page =
                DashboardPage.open(lead, starter).addMarker(to.minusDays(20).toString(), label);
        assertTrue(page.markerLabels().contains(label), page.markerLabels() + " / " + lead.text(By.tagName("main")));
        assertTrue(lead.driver().findElements(By.id("injected")).isEmpty(), "no element from the label");
        assertEquals(13, page.chartLabels().size(), "the chart still renders with the label in its data");
    }

    @Test
    void theLeadDownloadsTheResponsesBehindTheDashboardAsTheApiExportsThem() throws Exception {
        String expected = api("/api/v1/admin/analytics/exports/responses?survey=relationship-nps&segment=business&from="
                + from + "&to=" + to);
        Browser lead = signedIn("lead", DEMO_PASSWORD);
        DashboardPage.open(lead, businessByMonth);
        lead.click(By.id("filters:csv"));
        String downloaded = Files.readString(lead.downloaded("relationship-nps-responses.csv"), StandardCharsets.UTF_8);
        List<String> rows = downloaded.lines().toList();
        assertTrue(rows.size() > 100, "the Business responses of the year: " + rows.size());
        assertEquals(expected.lines().toList(), rows, "the same rows and columns as the admin API's export");
    }

    @Test
    void theAdminApiStreamsThePdfReportWithTheDashboardsFiltersAndNamesABadOne() throws Exception {
        settledApi("/api/v1/admin/analytics/trend?" + businessByMonth);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        adminRequest("/api/v1/admin/analytics/reports/dashboard.pdf?" + businessByMonth),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String type = pdf.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/pdf"), type);
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
        HttpResponse<String> bad = HttpClient.newHttpClient()
                .send(
                        adminRequest(
                                "/api/v1/admin/analytics/reports/dashboard.pdf?survey=relationship-nps&granularity=YEAR"),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"granularity\""), bad.body());
    }

    HttpRequest adminRequest(String path) {
        String url = ConsoleApp.base().toString().replaceAll("/$", "") + path;
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Language", "en")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
    }

    /** The API's answer once the rollups are built: two reads in a row with responses that agree. */
    String settledApi(String path) {
        String[] previous = {null};
        return await("the rollups settle")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> {
                            String now = api(path);
                            boolean settled = now.equals(previous[0])
                                    && object(now, "\"total\":").contains("\"SHOWN\"");
                            previous[0] = now;
                            return settled ? now : null;
                        },
                        Objects::nonNull);
    }

    String api(String path) throws Exception {
        String url = ConsoleApp.base().toString().replaceAll("/$", "") + path;
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept-Language", "en")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The JSON object that follows the key (first occurrence), braces balanced. */
    static String object(String json, String key) {
        int start = json.indexOf(key);
        assertTrue(start >= 0, key + " in " + json);
        int open = json.indexOf('{', start);
        int depth = 0;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(open, i + 1);
            }
        }
        throw new AssertionError("unbalanced " + json);
    }

    static double number(String object, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.Ee+-]+)").matcher(object);
        assertTrue(m.find(), field + " in " + object);
        return Double.parseDouble(m.group(1));
    }

    /** One decimal, as the English console writes figures. */
    static String one(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(value);
    }
}
