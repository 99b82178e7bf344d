package app.resonance.console.pages;

import org.openqa.selenium.By;

/** Driving PrimeFaces widgets the way a user does: open the menu, click the entry. */
public final class PrimeFaces {

    private PrimeFaces() {}

    static String css(String id) {
        return "#" + id.replace(":", "\\:");
    }

    /** Chooses an entry of a p:selectOneMenu by its label. */
    public static void selectOne(Browser browser, String id, String label) {
        browser.click(By.id(id));
        browser.click(By.cssSelector(css(id + "_items") + " li[data-label='" + label + "']"));
        browser.waitFor(d -> d.findElement(By.id(id + "_label")).getText().equals(label));
    }

    /** Waits until no PrimeFaces ajax request is running. */
    public static void ajaxDone(Browser browser) {
        browser.waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }
}
