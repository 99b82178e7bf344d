package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The console's error page is written from its template, with every value escaped: a respondent's comment
 * quoted in a problem's detail shows as text, and the page keeps its language, heading and way home.
 */
class ErrorPageServletTest {

    @Test
    void aScriptInTheDetailIsTextOnTheConsolesErrorPage() {
        String comment = "<script>window.__xss=1</script> 'Zu' & \"langsam\"";

        String html = new ErrorPageServlet.ConsolePage(
                        "de",
                        "/app/jakarta.faces.resource/console/console.css.xhtml",
                        "404 Seite nicht gefunden",
                        "Resonance",
                        "Nicht gefunden: " + comment,
                        "/app/admin/index.xhtml",
                        "Zur Startseite")
                .html();

        assertEquals(
                "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<link rel=\"stylesheet\" href=\"/app/jakarta.faces.resource/console/console.css.xhtml\">"
                        + "<title>404 Seite nicht gefunden – Resonance</title></head><body>"
                        + "<header class=\"console-header\"><span class=\"console-brand\">Resonance</span></header>"
                        + "<main class=\"console-main error-page\"><h1 id=\"error-status\">404 Seite nicht gefunden</h1>"
                        + "<p id=\"error-detail\">Nicht gefunden: &lt;script&gt;window.__xss=1&lt;/script&gt;"
                        + " &#39;Zu&#39; &amp; &quot;langsam&quot;</p><p><a id=\"error-home\""
                        + " href=\"/app/admin/index.xhtml\">Zur Startseite</a></p></main></body></html>",
                html);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }
}
