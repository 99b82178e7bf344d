package app.resonance.testing.console;

import app.resonance.testing.browser.Browser;
import org.openqa.selenium.By;

/** One follow-up task's page (/admin/followup.xhtml?id=). */
public final class FollowUpPage {

    private final Browser browser;

    public FollowUpPage(Browser browser) {
        this.browser = browser;
    }

    public static FollowUpPage open(Browser browser, String pathAndQuery) {
        browser.open(pathAndQuery);
        browser.find(By.id("page-title"));
        return new FollowUpPage(browser);
    }

    public String status() {
        return browser.text(By.id("currentStatus"));
    }

    /** The respondent's text answers, one a line (without their questions). */
    public String comment() {
        browser.find(By.id("commentText"));
        return String.join("\n", texts(".task-answer-text"));
    }

    /** The questions the text answers are shown under, in form order. */
    public java.util.List<String> answerQuestions() {
        return texts(".task-answer-question");
    }

    /** Each text answer as "question | answer", in form order. */
    public java.util.List<String> answers() {
        return browser.driver().findElements(By.className("task-answer")).stream()
                .map(e -> e.findElement(By.className("task-answer-question")).getText() + " | "
                        + e.findElement(By.className("task-answer-text")).getText())
                .toList();
    }

    public boolean offersResurvey() {
        return !browser.driver().findElements(By.id("task:resurvey")).isEmpty();
    }

    private java.util.List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(e -> e.getText())
                .toList();
    }

    public String notes() {
        return browser.driver().findElements(By.className("task-note-text")).stream()
                .map(e -> e.getText())
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
    }

    public boolean mayChange() {
        return !browser.driver().findElements(By.id("task:save")).isEmpty();
    }

    public String readOnlyNote() {
        return browser.text(By.id("readOnly"));
    }

    /** Adds a note, sets the status (its English label), ticks the re-survey box and saves. */
    public FollowUpPage close(String note, String statusLabel, boolean resurvey) {
        browser.type(By.id("task:note"), note);
        PrimeFaces.selectOne(browser, "task:status", statusLabel);
        boolean ticked =
                browser.driver().findElement(By.id("task:resurvey_input")).isSelected();
        if (ticked != resurvey) {
            browser.click(By.cssSelector("#task\\:resurvey .ui-chkbox-box"));
        }
        browser.clickAndWaitForNextPage(By.id("task:save"));
        browser.find(By.id("messages"));
        return this;
    }

    public String messages() {
        return browser.text(By.id("messages"));
    }

    /** Whether the page offers the "Reply to the customer" part. */
    public boolean offersReply() {
        return !browser.driver().findElements(By.id("reply:send")).isEmpty();
    }

    /** The sentence saying why no reply can be written (empty when one can). */
    public String replyNotOffered() {
        var found = browser.driver().findElements(By.id("replyNotOffered"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The subject the reply form holds (pre-filled from the template). */
    public String replySubject() {
        return browser.driver().findElement(By.id("reply:subject")).getAttribute("value");
    }

    /** The body the reply form holds (pre-filled from the template). */
    public String replyBody() {
        return browser.driver().findElement(By.id("reply:body")).getAttribute("value");
    }

    /** Replaces the body and sends the reply. */
    public FollowUpPage sendReply(String body) {
        browser.type(By.id("reply:body"), body);
        browser.clickAndWaitForNextPage(By.id("reply:send"));
        browser.find(By.id("messages"));
        return this;
    }

    /** The replies in the task's history, each as "meta | subject | body". */
    public java.util.List<String> replies() {
        return browser.driver().findElements(By.className("task-reply")).stream()
                .map(e -> e.findElement(By.className("task-note-meta")).getText() + " | "
                        + e.findElement(By.className("task-reply-subject")).getText() + " | "
                        + e.findElement(By.className("task-reply-body")).getText())
                .toList();
    }
}
