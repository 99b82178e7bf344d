package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One customer's page (/admin/customer.xhtml?id=): heading, latest score, history, score chart, tasks. */
public final class CustomerPage {

    private final Browser browser;

    public CustomerPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page of the customer with this external id. */
    public static CustomerPage open(Browser browser, String externalId) {
        browser.open("/admin/customer.xhtml?id=" + externalId);
        browser.find(By.id("page-title"));
        return new CustomerPage(browser);
    }

    public String heading() {
        return browser.text(By.id("page-title"));
    }

    /** The latest score as the page writes it. */
    public String latest() {
        return browser.text(By.id("latest"));
    }

    /** The history table's text. */
    public String history() {
        return browser.text(By.id("history"));
    }

    /** Whether the score chart has a line (it has one once the customer answered). */
    public boolean hasScoreLine() {
        return !browser.driver()
                .findElements(By.cssSelector("svg.score-chart polyline"))
                .isEmpty();
    }

    /** The customer's follow-up tasks, one text each (title, status, last note). */
    public List<String> tasks() {
        browser.find(By.className("customer-task"));
        return browser.driver().findElements(By.className("customer-task")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
