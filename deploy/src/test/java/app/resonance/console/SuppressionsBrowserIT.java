package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.browser.Browser;
import app.resonance.testing.console.LoginPage;
import app.resonance.testing.console.SuppressionsPage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The suppression list in the console: an admin sees a reported address and lifts it only after confirming; the
 * lift is in the audit log and the address is off the list the API answers; a customer's page says why a wave
 * skipped them.
 */
@ExtendWith(ConsoleApp.class)
class SuppressionsBrowserIT {

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
    void anAdminLiftsAnEntryAfterConfirmingAndTheLiftIsAudited() {
        String email = "blocked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var reported = ConsoleApp.adminPost(
                "api/v1/admin/suppressions", "{\"email\": \"" + email + "\", \"kind\": \"MANUAL\"}");
        assertEquals(201, reported.statusCode(), reported.body());

        LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
        SuppressionsPage page = SuppressionsPage.open(browser);
        assertEquals(email, page.addresses().get(0), "newest first");
        assertEquals(
                "The address may be invited again. The change is recorded in the audit log.", page.askToLift(email));
        page.confirm(false);
        assertTrue(page.addresses().contains(email), "cancelled: still on the list");

        page.askToLift(email);
        page.confirm(true);
        browser.waitForText(By.id("growl_container"), email + " may be invited again.");
        assertFalse(page.addresses().contains(email));
        assertFalse(ConsoleApp.adminGet("api/v1/admin/suppressions?limit=500")
                .body()
                .contains(email));
        String audit =
                ConsoleApp.adminGet("api/v1/admin/audit?area=DISTRIBUTION").body();
        assertTrue(audit.contains("\"subject\":\"" + email + "\",\"action\":\"suppressionLifted\""), audit);
    }

    /** The demo's relationship wave skipped a customer who had unsubscribed; the customer page says why. */
    @Test
    void theCustomerPageSaysWhyAWaveSkippedTheCustomer() {
        LoginPage.open(browser).loginAs("admin", ConsoleApp.ADMIN_PASSWORD);
        browser.go(ConsoleApp.base() + "admin/customer.xhtml?id=C-00003");
        String history = browser.find(By.id("contacts")).getText();
        assertTrue(history.contains("relationship-nps (relationship)"), history);
        assertTrue(history.contains("Not asked: address on the suppression list (invitation wave)"), history);
    }
}
