package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import org.openqa.selenium.By;

/** The survey designer: questions, logic, lifecycle, preview. */
public final class DesignerPage {

    private final Browser browser;

    private DesignerPage(Browser browser) {
        this.browser = browser;
    }

    /** Creates a survey from a template (by its label) and lands in the designer. */
    public static DesignerPage create(Browser browser, String slug, String templateLabel) {
        browser.open("/admin/manage/new-survey.xhtml");
        browser.type(By.id("survey:slug"), slug);
        browser.click(By.xpath("//label[text()='" + templateLabel + "']"));
        browser.clickAndWaitForNextPage(By.id("survey:create"));
        browser.find(By.id("designer:status"));
        return new DesignerPage(browser);
    }

    public static DesignerPage open(Browser browser, String slug) {
        browser.open("/admin/manage/designer.xhtml?slug=" + slug);
        browser.find(By.id("designer:status"));
        return new DesignerPage(browser);
    }

    public DesignerPage titles(String de, String en) {
        browser.type(By.id("designer:title_de"), de);
        browser.type(By.id("designer:title_en"), en);
        return this;
    }

    /** Adds a question of the given type (label as the designer shows it) with both texts. */
    public DesignerPage addQuestion(String key, String typeLabel, String de, String en) {
        browser.click(By.id("designer:addQuestion"));
        PrimeFaces.ajaxDone(browser);
        browser.type(By.id("designer:qkey"), key);
        PrimeFaces.selectOne(browser, "designer:qtype", typeLabel);
        PrimeFaces.ajaxDone(browser);
        browser.type(By.id("designer:qtext_de"), de);
        browser.type(By.id("designer:qtext_en"), en);
        return this;
    }

    /** Skip logic for the question being edited. */
    public DesignerPage showOnlyIf(String question, String operatorLabel, String values) {
        PrimeFaces.selectOne(browser, "designer:qshowif", question);
        PrimeFaces.selectOne(browser, "designer:qshowifop", operatorLabel);
        browser.type(By.id("designer:qshowifvalues"), values);
        return this;
    }

    public DesignerPage apply() {
        browser.click(By.id("designer:apply"));
        PrimeFaces.ajaxDone(browser);
        browser.waitFor(d -> d.findElements(By.id("designer:question")).isEmpty());
        return this;
    }

    /** Moves the question in the given row (0-based) one place up. */
    public DesignerPage moveUp(int row) {
        browser.click(By.id("designer:questions:" + row + ":up"));
        PrimeFaces.ajaxDone(browser);
        return this;
    }

    /** The question keys in the order of the table. */
    public java.util.List<String> keys() {
        return browser.driver().findElements(By.cssSelector("[id='designer:questions'] .question-key")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
    }

    public DesignerPage saveDraft() {
        browser.click(By.id("designer:save"));
        PrimeFaces.ajaxDone(browser);
        return this;
    }

    public DesignerPage publish() {
        browser.click(By.id("designer:publish"));
        PrimeFaces.ajaxDone(browser);
        return this;
    }

    public String status() {
        return browser.text(By.id("designer:status"));
    }

    public String messages() {
        return browser.text(By.id("designer:messages"));
    }

    public String conditionOfRow(int row) {
        return browser.driver()
                .findElements(By.cssSelector("[id='designer:questions'] .condition"))
                .get(row)
                .getText();
    }

    public DesignerPage previewIn(String languageLabel) {
        // labelled radio buttons (p:selectOneRadio): the label chooses, as a user clicks it
        browser.click(By.xpath("//*[@id='designer:previewLanguage']//label[text()='" + languageLabel + "']"));
        PrimeFaces.ajaxDone(browser);
        return this;
    }

    public String previewTitle() {
        return browser.text(By.id("preview-title"));
    }

    public String preview() {
        return browser.text(By.id("designer:preview"));
    }

    /** Per offered language, as the translations part lists it ("German: every text translated"). */
    public java.util.List<String> translationState() {
        return browser.driver().findElements(By.cssSelector("#missing li")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
    }

    /** Takes a translators' file into the draft, as an admin picks it and clicks the button. */
    public DesignerPage takeTexts(java.nio.file.Path csv) {
        browser.driver()
                .findElement(By.id("translations:textsFile"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWaitForNextPage(By.id("translations:uploadTexts"));
        browser.find(By.id("designer:status"));
        return this;
    }

    /** The errors shown next to the file field, one a line. */
    public java.util.List<String> textsErrors() {
        return browser.driver().findElements(By.cssSelector("[id='translations:textsMessages'] li")).stream()
                .map(org.openqa.selenium.WebElement::getText)
                .toList();
    }

    public String germanTitle() {
        return browser.driver().findElement(By.id("designer:title_de")).getAttribute("value");
    }
}
