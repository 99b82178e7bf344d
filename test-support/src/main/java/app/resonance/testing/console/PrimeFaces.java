package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import org.openqa.selenium.By;

/** Driving PrimeFaces widgets the way a user does: open the menu, click the entry. */
public final class PrimeFaces {

    private PrimeFaces() {}

    static String css(String id) {
        return "#" + id.replace(":", "\\:");
    }

    /** Chooses an entry of a p:selectOneMenu by its label. */
    public static void selectOne(Browser browser, String id, String label) {
        // A loaded machine can swallow the click that opens the menu: try again, as a user would.
        for (int attempt = 1; ; attempt++) {
            try {
                browser.click(By.id(id));
                browser.click(By.cssSelector(css(id + "_items") + " li[data-label='" + label + "']"));
                browser.waitFor(
                        d -> d.findElement(By.id(id + "_label")).getText().equals(label));
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
                ajaxDone(browser);
            }
        }
    }

    /** Waits until no PrimeFaces ajax request is running. */
    public static void ajaxDone(Browser browser) {
        browser.waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }
}
