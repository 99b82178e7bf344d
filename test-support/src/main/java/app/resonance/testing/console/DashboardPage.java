package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The analytics dashboard: tiles, the trend's data table and chart data, markers and the before/after. */
public final class DashboardPage {

    private final Browser browser;

    public DashboardPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the dashboard with these query parameters (as a shared link would). */
    public static DashboardPage open(Browser browser, String query) {
        browser.open("/admin/dashboard.xhtml?" + query);
        browser.find(By.id("page-title"));
        return new DashboardPage(browser);
    }

    public String tileValue(String metric) {
        return browser.text(By.cssSelector("#tile-" + metric + " .tile-value"));
    }

    public String tileMargin(String metric) {
        return browser.text(By.cssSelector("#tile-" + metric + " .tile-margin"));
    }

    public String tileN(String metric) {
        return browser.text(By.cssSelector("#tile-" + metric + " .tile-n"));
    }

    public String tileText(String metric) {
        return browser.text(By.id("tile-" + metric));
    }

    /** The trend as the accessible table has it: period, value, margin, n per row. */
    public List<List<String>> trendRows() {
        browser.click(By.cssSelector(".chart-table summary"));
        return browser.find(By.id("trendTable")).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .toList();
    }

    /** The data Chart.js draws (dataset 0: the value; 1 and 2: the band; 3: the markers), read from the chart. */
    @SuppressWarnings("unchecked")
    public List<Object> chartData(int dataset) {
        return browser.waitFor(d -> (List<Object>) ((JavascriptExecutor) d)
                .executeScript(
                        "var c = window.Chart && Chart.getChart(document.getElementById('trendChart_canvas'));"
                                + " return c ? c.data.datasets[arguments[0]].data : null;",
                        dataset));
    }

    @SuppressWarnings("unchecked")
    public List<Object> chartLabels() {
        return (List<Object>) ((JavascriptExecutor) browser.driver())
                .executeScript("return Chart.getChart(document.getElementById('trendChart_canvas')).data.labels;");
    }

    public List<String> markerLabels() {
        return browser.driver().findElements(By.cssSelector("#markerChoice\\:markerTable .marker-label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String impactBefore() {
        return browser.text(By.cssSelector("#impact-before .value"));
    }

    public String impactAfter() {
        return browser.text(By.cssSelector("#impact-after .value"));
    }

    public String verdict() {
        return browser.text(By.id("impactVerdict"));
    }

    public String verdictClass() {
        return browser.find(By.id("impactVerdict")).getAttribute("class");
    }

    public boolean canAddMarker() {
        return !browser.driver().findElements(By.id("marker:add")).isEmpty();
    }

    public DashboardPage addMarker(String date, String label) {
        browser.type(By.id("marker:date"), date);
        browser.type(By.id("marker:label"), label);
        browser.clickAndWaitForNextPage(By.id("marker:add"));
        browser.find(By.id("page-title"));
        return this;
    }

    public DashboardPage apply() {
        browser.clickAndWaitForNextPage(By.id("filters:apply"));
        browser.find(By.id("page-title"));
        return this;
    }

    /** A picture of the page for people to look at (target/), not asserted. */
    public void screenshot(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.write(
                file,
                ((org.openqa.selenium.TakesScreenshot) browser.driver())
                        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    public String currentUrl() {
        return browser.driver().getCurrentUrl();
    }

    public String selectedLabel(String select) {
        return browser.text(By.id("filters:" + select + "_label"));
    }
}
