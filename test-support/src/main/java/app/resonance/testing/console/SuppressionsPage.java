package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The suppression list (/admin/manage/suppressions.xhtml): its addresses, and lifting one after confirming. */
public final class SuppressionsPage {

    private static final By ADDRESSES = By.cssSelector("[id='suppressions:entries'] .email");
    private static final By DIALOG = By.cssSelector("[id='suppressions:confirm']");

    private final Browser browser;

    public SuppressionsPage(Browser browser) {
        this.browser = browser;
    }

    public static SuppressionsPage open(Browser browser) {
        browser.open("/admin/manage/suppressions.xhtml");
        browser.find(By.id("suppressions:entries"));
        return new SuppressionsPage(browser);
    }

    /** The addresses in the table, newest first. */
    public List<String> addresses() {
        return browser.driver().findElements(ADDRESSES).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Clicks the row's "Lift" button and answers the confirmation dialog's message (the dialog stays open). */
    public String askToLift(String email) {
        browser.driver()
                .findElement(By.xpath("//tr[.//span[contains(@class,'email') and text()='" + email
                        + "']]//button[contains(@id,':lift')]"))
                .click();
        browser.waitFor(d -> d.findElement(DIALOG).isDisplayed());
        return browser.text(By.cssSelector("[id='suppressions:confirm'] .ui-confirm-dialog-message"));
    }

    /** Answers the open dialog: lift ({@code true}) or cancel; waits until the dialog is closed and the table new. */
    public void confirm(boolean lift) {
        browser.click(By.id(lift ? "suppressions:yes" : "suppressions:no"));
        browser.waitFor(d -> !d.findElement(DIALOG).isDisplayed());
        PrimeFaces.ajaxDone(browser);
    }
}
