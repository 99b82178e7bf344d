package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The CSV import: upload, the errors per row, the preview, storing. */
public final class ImportPage {

    private final Browser browser;

    private ImportPage(Browser browser) {
        this.browser = browser;
    }

    public static ImportPage open(Browser browser) {
        browser.open("/admin/manage/import.xhtml");
        browser.find(By.id("upload:send"));
        return new ImportPage(browser);
    }

    public ImportPage upload(Path csv) {
        browser.driver()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWaitForNextPage(By.id("upload:send"));
        browser.find(By.id("check:recheck"));
        return this;
    }

    /** The problems the page lists: the file's as a whole, then one per problem of a rejected row. */
    public List<String> errors() {
        return browser.driver().findElements(By.cssSelector("#fileErrors li, #rejected li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The heading above the rejected rows, or "" when there are none. */
    public String rejectedHeading() {
        return browser.driver().findElements(By.id("rejected-heading")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    public String storeLabel() {
        return browser.text(By.id("check:store"));
    }

    /** Opens the column documentation and downloads the sample file; answers where the browser saved it. */
    public Path downloadSample() {
        browser.click(By.cssSelector("#columns summary"));
        browser.click(By.id("sample"));
        return browser.downloaded("customers-sample.csv");
    }

    /** The documented columns, as the page lists them. */
    public List<String> documentedColumns() {
        return browser.driver().findElements(By.cssSelector("#columns dt")).stream()
                .map(dt -> dt.getAttribute("textContent").trim())
                .toList();
    }

    public boolean canStore() {
        return browser.find(By.id("check:store")).isEnabled()
                && !browser.find(By.id("check:store")).getAttribute("class").contains("ui-state-disabled");
    }

    public String store() {
        browser.click(By.id("check:store"));
        browser.find(By.id("upload:send"));
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
