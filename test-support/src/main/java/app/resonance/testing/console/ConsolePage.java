package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What every console page has: the menu, the signed-in user, the language switch, logout. */
public final class ConsolePage {

    private final Browser browser;

    public ConsolePage(Browser browser) {
        this.browser = browser;
    }

    public String heading() {
        return browser.text(By.id("page-title"));
    }

    public String signedInAs() {
        // The whole text: a narrow header cuts the name with an ellipsis.
        return browser.waitFor(d -> d.findElement(By.id("nav:who"))).getAttribute("textContent");
    }

    /** The labels of the menu entries this user sees. */
    public List<String> menu() {
        return browser.driver().findElements(By.cssSelector("[id='nav:menu'] a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public ConsolePage german() {
        browser.clickAndWaitForNextPage(By.id("lang:de"));
        browser.waitFor(d -> "de".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                || d.findElement(By.id("lang:de")).getAttribute("class").contains("active"));
        return this;
    }

    public ConsolePage english() {
        browser.clickAndWaitForNextPage(By.id("lang:en"));
        browser.waitFor(
                d -> d.findElement(By.id("lang:en")).getAttribute("class").contains("active"));
        return this;
    }

    public LoginPage logout() {
        browser.click(By.id("nav:logout"));
        browser.find(By.id("login:submit"));
        return new LoginPage(browser);
    }

    /** Opens a console address directly and answers the error status the page shows, if any. */
    public String openExpectingError(String path) {
        browser.open(path);
        return browser.text(By.id("error-status"));
    }
}
