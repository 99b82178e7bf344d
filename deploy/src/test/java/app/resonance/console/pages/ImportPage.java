package app.resonance.console.pages;

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

    /** The error table's rows as "row | field | message". */
    public List<String> errors() {
        return browser.driver().findElements(By.cssSelector("[id='check:errors'] tbody tr")).stream()
                .map(row -> String.join(
                        " | ",
                        row.findElements(By.tagName("td")).stream()
                                .map(WebElement::getText)
                                .toList()))
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
