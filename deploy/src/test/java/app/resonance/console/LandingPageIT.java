package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's own address, {@code /}: a small page in the visitor's language (Accept-Language, or the
 * switch's {@code ?lang=}) leading to the console, the API documentation and the demo's public forms, with
 * the security headers of every public page; not a JSON 404.
 */
@ExtendWith(ConsoleApp.class)
class LandingPageIT {

    static HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(ConsoleApp.base().toString().replaceAll("/$", "") + path))
                                .header("Accept-Language", acceptLanguage)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGermanBrowserGetsTheGermanPageWithLinksToConsoleApiAndTheDemoForms() throws Exception {
        HttpResponse<String> page = get("/", "de-DE,de;q=0.9,en;q=0.5");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(
                page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                page.headers().toString());
        String body = page.body().replace("&#61;", "=");
        assertTrue(body.contains("<html lang=\"de\">"), body);
        assertTrue(body.contains(">Zur Konsole</a>"), body);
        assertTrue(body.contains("href=\"/admin/\""), body);
        assertTrue(body.contains("href=\"/openapi\""), body);
        assertTrue(body.contains("Die öffentlichen Formulare der Demo"), body);
        assertTrue(body.contains("href=\"/s/relationship-nps?lang=de\""), body);
        assertTrue(body.contains("href=\"/?lang=en\""), "the switch to English: " + body);
        assertFalse(body.contains("Ihre Antworten"), "no forms' privacy footer on the start page: " + body);
        assertFalse(body.contains("<footer"), body);
        securityHeaders(page);
    }

    @Test
    void anEnglishBrowserGetsTheEnglishPageAndTheSwitchWins() throws Exception {
        HttpResponse<String> page = get("/", "en-GB,en;q=0.9");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<html lang=\"en\">"), page.body());
        assertTrue(page.body().contains(">Open the console</a>"), page.body());
        assertFalse(page.body().contains("Your answers are stored securely"), "not a form: " + page.body());
        assertTrue(
                page.body().contains("The demo&#39;s public forms")
                        || page.body().contains("The demo's public forms"),
                page.body());
        securityHeaders(page);

        assertTrue(page.body().replace("&#61;", "=").contains("href=\"/?lang=de\""), "the switch to German");

        HttpResponse<String> switched = get("/?lang=de", "en");
        assertEquals(200, switched.statusCode());
        assertTrue(switched.body().contains(">Zur Konsole</a>"), switched.body());
    }

    static void securityHeaders(HttpResponse<String> page) {
        var headers = page.headers();
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null));
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(headers.firstValue("Referrer-Policy").isPresent());
        assertNull(headers.firstValue("X-Powered-By").orElse(null));
        assertFalse(headers.firstValue("Server").orElse("").matches(".*\\d.*"), "no server version");
    }
}
