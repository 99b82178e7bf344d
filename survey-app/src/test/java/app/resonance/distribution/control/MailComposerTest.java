package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.Templates;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invitation's HTML part comes from its template: survey texts are text, the score row links each score, and the
 * recipient's unsubscribe link is visible below the footer.
 */
class MailComposerTest {

    @Test
    void surveyTextsAreEscapedAndEveryScoreLinksToItsAddress() {
        String html = Templates.render(
                "mail/invitation.mustache",
                new MailComposer.Html(
                        "Hallo <b>Anna</b>,",
                        "Wie war \"Onboarding & Support\"?",
                        true,
                        "<script>window.__xss=1</script>",
                        List.of(
                                new MailComposer.Score(0, "https://example.test/i/abc/0"),
                                new MailComposer.Score(10, "https://example.test/i/abc/10")),
                        "https://example.test/i/abc",
                        "Zur Umfrage",
                        "Resonance",
                        "https://example.test/unsubscribe/YQ.sig",
                        "Keine Umfragen mehr?",
                        "Abmelden"));

        String score = "\" style=\"display:inline-block;padding:6px 9px;margin:2px;border:1px solid #888;"
                + "border-radius:4px;text-decoration:none\">";
        assertEquals(
                "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>Hallo &lt;b&gt;Anna&lt;/b&gt;,</p>"
                        + "<p>Wie war &quot;Onboarding &amp; Support&quot;?</p>"
                        + "<p><strong>&lt;script&gt;window.__xss=1&lt;/script&gt;</strong></p><p>"
                        + "<a class=\"score\" href=\"https://example.test/i/abc/0" + score + "0</a>"
                        + "<a class=\"score\" href=\"https://example.test/i/abc/10" + score + "10</a></p>"
                        + "<p><a class=\"survey-link\" href=\"https://example.test/i/abc\">Zur Umfrage</a></p>"
                        + "<p style=\"color:#666\">Resonance</p>"
                        + "<p style=\"color:#666;font-size:small\">Keine Umfragen mehr? <a class=\"unsubscribe\""
                        + " href=\"https://example.test/unsubscribe/YQ.sig\" style=\"color:#444\">Abmelden</a></p>"
                        + "</body></html>",
                html);
    }
}
