package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.DashboardPage;
import app.resonance.testing.console.LoginPage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a user reads on the console's pages (issue 12): the designer's preview draws scales, the dashboard's
 * "Per" selector names the periods the chart shows, the comments' themes table is readable, and the German
 * console says its values in German.
 */
@ExtendWith(ConsoleApp.class)
class ConsolePagesBrowserIT {

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
    void theDesignerPreviewDrawsEachScaleAsItsPoints() {
        LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
        browser.open("/admin/manage/designer.xhtml?slug=relationship-nps");
        WebElement firstScale = browser.find(By.cssSelector("[id='designer:preview'] .preview-scale"));
        List<String> points = firstScale.findElements(By.cssSelector(".preview-point")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), points, "the NPS question");
        assertFalse(browser.text(By.id("designer:preview")).contains("true"), browser.text(By.id("designer:preview")));
    }

    @Test
    void withoutParametersTheDashboardSaysMonthAndShowsMonths() {
        LoginPage.open(browser).loginAs("lead", ConsoleApp.DEMO_PASSWORD);
        DashboardPage page = DashboardPage.open(browser, "survey=relationship-nps");
        assertEquals("Month", page.selectedLabel("granularity"));
        List<List<String>> rows = page.trendRows();
        assertTrue(rows.size() <= 13, "a year in months: " + rows.size());
        // The default range is the last 365 days: its first month is partial unless it starts on the 1st.
        boolean firstPartial = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))
                        .minusDays(364)
                        .getDayOfMonth()
                != 1;
        assertEquals(
                firstPartial,
                rows.get(0).get(0).endsWith(" (partial)"),
                rows.get(0).toString());
        assertEquals(firstPartial, page.chartLabels().get(0).toString().endsWith(" (partial)"));
        Object legend = browser.script("var c = Chart.getChart(document.getElementById('trendChart_canvas'));"
                + " return c.legend.legendItems.map(function (i) { return i.text; }).join('|')"
                + " + '|' + c.config.plugins.some(function (p) { return p.id === 'resonanceMarkerLabels'; });");
        assertEquals("NPS|95 % band|Actions on the trend|true", legend, "the band once; markers labelled on the chart");
    }

    @Test
    void theGermanCommentsPageShowsThemesAsAReadableTable() {
        LoginPage.open(browser).loginAs("lead", ConsoleApp.DEMO_PASSWORD).german();
        browser.open("/admin/comments.xhtml?survey=relationship-nps");
        String themes = browser.text(By.id("themes"));
        assertFalse(themes.contains("{") || themes.contains("="), themes);
        assertTrue(themes.contains("positiv") && themes.contains("%"), themes);
        String channels = browser.text(By.cssSelector("[id='comments:table'] tbody"));
        assertFalse(channels.matches("(?s).*\\b(LINK|EMAIL|INVITATION|WIDGET)\\b.*"), channels);
    }
}
