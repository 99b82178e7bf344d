package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import org.openqa.selenium.By;

/** The console's login form. */
public final class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public static LoginPage open(Browser browser) {
        browser.open("/admin/login.xhtml");
        return new LoginPage(browser);
    }

    public ConsolePage loginAs(String username, String password) {
        submit(username, password);
        // "Log out", not the name: on a narrow header the name may be cut to nothing to keep one line.
        browser.find(By.id("nav:logout"));
        return new ConsolePage(browser);
    }

    public LoginPage submit(String username, String password) {
        browser.type(By.id("login:username"), username);
        browser.type(By.id("login:password"), password);
        // The form posts the whole page: read nothing until the answer to this post has replaced it.
        browser.clickAndWaitForNextPage(By.id("login:submit"));
        return this;
    }

    public String messages() {
        return browser.text(By.id("messages"));
    }

    public boolean isShown() {
        return !browser.driver().findElements(By.id("login:submit")).isEmpty();
    }
}
