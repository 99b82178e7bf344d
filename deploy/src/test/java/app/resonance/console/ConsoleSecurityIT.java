package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.ConsoleApp;
import app.resonance.testing.console.RawHttp;
import app.resonance.testing.console.RawHttp.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's web security over plain HTTP, on the shared test app: console posts from a foreign
 * origin are refused even with a valid session and view state, the session cookie's attributes, the
 * security headers on the login redirect, and the login throttle per client address (from 127.0.0.2,
 * so that the other tests, all from 127.0.0.1, are not throttled).
 */
@ExtendWith(ConsoleApp.class)
class ConsoleSecurityIT {

    static final String EVIL = "https://evil.example";

    static int port() {
        return ConsoleApp.base().getPort();
    }

    static String own() {
        return "http://127.0.0.1:" + port();
    }

    /** Logs in as admin (same-origin post) and answers the client with its session. */
    static RawHttp loggedIn() {
        RawHttp http = new RawHttp("127.0.0.1", port());
        Answer form = http.get("/admin/login.xhtml");
        Answer login = http.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, form.state()), "Origin", own());
        assertEquals(302, login.status(), login.body());
        assertTrue(login.header("Location").endsWith("/admin/index.xhtml"), login.header("Location"));
        return http;
    }

    static Map<String, String> loginFields(String user, String password, Map<String, String> state) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:username", user);
        fields.put("login:password", password);
        fields.put("login:submit", "Log in");
        fields.putAll(state);
        return fields;
    }

    /** The language switch of the page header, a postback that changes the session's state. */
    static Map<String, String> toGerman(Map<String, String> state) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lang", "lang");
        fields.put("lang:de", "lang:de");
        fields.putAll(state);
        return fields;
    }

    static boolean german(RawHttp http) {
        Answer page = http.get("/admin/index.xhtml");
        assertEquals(200, page.status(), page.body());
        return page.body().contains(">Abmelden<") || page.body().contains("value=\"Abmelden\"");
    }

    @Test
    void aConsolePostFromAForeignOriginIsRefusedAndChangesNothing() {
        RawHttp http = loggedIn();
        Map<String, String> viewState = http.get("/admin/index.xhtml").state();

        Answer forged = http.post("/admin/index.xhtml", toGerman(viewState), "Origin", EVIL);
        assertEquals(403, forged.status(), forged.body());
        assertFalse(forged.body().contains("Payara"), forged.body());
        Answer nullOrigin = http.post("/admin/index.xhtml", toGerman(viewState), "Origin", "null");
        assertEquals(403, nullOrigin.status(), "a sandboxed frame's origin is foreign too");
        Answer byReferer = http.post("/admin/index.xhtml", toGerman(viewState), "Referer", EVIL + "/page.html");
        assertEquals(403, byReferer.status(), "without Origin the Referer counts");
        Map<String, String> ajax = new LinkedHashMap<>(toGerman(viewState));
        ajax.put("jakarta.faces.partial.ajax", "true");
        ajax.put("jakarta.faces.source", "lang:de");
        ajax.put("jakarta.faces.partial.execute", "@all");
        Answer forgedAjax = http.post("/admin/index.xhtml", ajax, "Origin", EVIL, "Faces-Request", "partial/ajax");
        assertEquals(403, forgedAjax.status(), "a PrimeFaces AJAX post too");
        Answer lookalike = http.post("/admin/index.xhtml", toGerman(viewState), "Origin", own() + ".evil.example");
        assertEquals(403, lookalike.status(), "a host that only starts like ours");
        assertFalse(german(http), "none of the refused posts changed the language");

        Answer sameOrigin = http.post("/admin/index.xhtml", toGerman(viewState), "Origin", own());
        assertTrue(sameOrigin.status() == 200 || sameOrigin.status() == 302, sameOrigin.status() + sameOrigin.body());
        assertTrue(german(http), "the same-origin post switched the console to German");
    }

    @Test
    void aPostWithNeitherOriginNorRefererIsAllowedAsNoBrowserSendsItCrossSite() {
        RawHttp http = loggedIn();
        Map<String, String> viewState = http.get("/admin/index.xhtml").state();
        Answer post = http.post("/admin/index.xhtml", toGerman(viewState));
        assertTrue(post.status() == 200 || post.status() == 302, post.status() + post.body());
        assertTrue(german(http));
    }

    @Test
    void aCrossSiteLoginIsRefusedSoNobodyIsLoggedIntoAnotherAccount() {
        RawHttp http = new RawHttp("127.0.0.1", port());
        Answer form = http.get("/admin/login.xhtml");
        Answer login = http.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, form.state()), "Origin", EVIL);
        assertEquals(403, login.status(), login.body());
        Answer after = http.get("/admin/index.xhtml");
        assertEquals(302, after.status(), "still not logged in");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        RawHttp http = new RawHttp("127.0.0.1", port());
        Answer form = http.get("/admin/login.xhtml");
        String cookie = form.all("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse(null);
        assertNotNull(cookie, "the login page starts a session: " + form.headers());
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop it");
    }

    @Test
    void behindAProxyThatEndsTlsTheSessionCookieIsSecure() {
        // HAProxy or a Kubernetes ingress speaks plain HTTP to the app and says X-Forwarded-Proto: https.
        Answer form = new RawHttp("127.0.0.1", port()).get("/admin/login.xhtml", "X-Forwarded-Proto", "https");
        String cookie = form.all("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), "session cookie: " + cookie);
        assertEquals("max-age=31536000; includeSubDomains", form.header("Strict-Transport-Security"));
    }

    @Test
    void overTlsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(
                null,
                new javax.net.ssl.TrustManager[] {
                    new javax.net.ssl.X509TrustManager() {
                        @Override
                        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

                        @Override
                        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}

                        @Override
                        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                            return new java.security.cert.X509Certificate[0];
                        }
                    }
                },
                null);
        var connection = (javax.net.ssl.HttpsURLConnection) java.net
                .URI
                .create("https://127.0.0.1:" + ConsoleApp.tlsPort() + "/admin/login.xhtml")
                .toURL()
                .openConnection();
        // Payara Micro's own self-signed certificate: trusted here, as a proxy in front of it would be told to
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        assertEquals(200, connection.getResponseCode());
        String cookie = connection.getHeaderFields().getOrDefault("Set-Cookie", java.util.List.of()).stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
        assertTrue(
                cookie.contains("Secure")
                        && cookie.contains("HttpOnly")
                        && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                cookie);
        assertEquals("max-age=31536000; includeSubDomains", connection.getHeaderField("Strict-Transport-Security"));
        connection.disconnect();
    }

    @Test
    void theLoginRedirectCarriesTheSecurityHeaders() {
        Answer redirect = new RawHttp("127.0.0.1", port()).get("/admin/customers.xhtml");
        assertEquals(302, redirect.status());
        assertTrue(redirect.header("Location").endsWith("/admin/login.xhtml"), redirect.header("Location"));
        assertEquals("nosniff", redirect.header("X-Content-Type-Options"));
        assertEquals("DENY", redirect.header("X-Frame-Options"));
        assertEquals("strict-origin-when-cross-origin", redirect.header("Referrer-Policy"));
        assertTrue(
                redirect.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
                redirect.header("Content-Security-Policy"));
        assertEquals(null, redirect.header("Server"));
        assertEquals(null, redirect.header("X-Powered-By"));
        Answer behindTls = new RawHttp("127.0.0.1", port()).get("/admin/customers.xhtml", "X-Forwarded-Proto", "https");
        assertEquals("max-age=31536000; includeSubDomains", behindTls.header("Strict-Transport-Security"));
    }

    @Test
    void aLoginPostedWithoutOrWithAWrongCspNonceShowsTheLoginPageAgainAndNeverA500() {
        // a script that posts the form as it reads it, without running PrimeFaces' script that adds the nonce
        RawHttp http = new RawHttp("127.0.0.3", port());
        Map<String, String> state = http.get("/admin/login.xhtml").state();
        assertTrue(state.containsKey("primefaces.nonce"), "the page has a nonce: " + state);
        Map<String, String> withoutNonce = new LinkedHashMap<>(state);
        withoutNonce.remove("primefaces.nonce");
        Answer without = http.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, withoutNonce), "Origin", own());
        assertEquals(302, without.status(), without.body());
        assertTrue(without.header("Location").endsWith("/admin/login.xhtml"), without.header("Location"));
        Answer again = http.get("/admin/login.xhtml");
        assertEquals(200, again.status());
        assertTrue(again.body().contains("This form could not be checked"), again.body());
        assertEquals(302, http.get("/admin/index.xhtml").status(), "nothing was done: not logged in");

        RawHttp germanClient = new RawHttp("127.0.0.3", port());
        Map<String, String> wrongNonce = new LinkedHashMap<>(
                germanClient.get("/admin/login.xhtml", "Accept-Language", "de").state());
        wrongNonce.put(
                "primefaces.nonce",
                java.util.Base64.getEncoder()
                        .encodeToString(java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Answer wrong = germanClient.post(
                "/admin/login.xhtml",
                loginFields("admin", ConsoleApp.ADMIN_PASSWORD, wrongNonce),
                "Origin",
                own(),
                "Accept-Language",
                "de");
        assertEquals(302, wrong.status(), wrong.body());
        assertTrue(wrong.header("Location").endsWith("/admin/login.xhtml"), wrong.header("Location"));
        Answer german = germanClient.get("/admin/login.xhtml", "Accept-Language", "de");
        assertTrue(german.body().contains("Dieses Formular konnte nicht"), german.body());
        assertEquals(302, germanClient.get("/admin/index.xhtml").status(), "still not logged in");

        Answer fine = http.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, again.state()), "Origin", own());
        assertEquals(302, fine.status(), fine.body());
        assertTrue(fine.header("Location").endsWith("/admin/index.xhtml"), "with the page's nonce the login works");
    }

    @Test
    void twentyFailedLoginsFromOneAddressBlockItEvenForTheRightPassword() {
        RawHttp client = new RawHttp("127.0.0.2", port());
        Map<String, String> viewState = client.get("/admin/login.xhtml").state();
        for (int i = 0; i < 20; i++) {
            // different (unknown) accounts: the delays per name and address never come into play
            Answer failed = client.post(
                    "/admin/login.xhtml", loginFields("nobody-" + i, "wrong-password", viewState), "Origin", own());
            assertEquals(200, failed.status());
            assertTrue(
                    failed.body()
                            .contains(
                                    i < 19
                                            ? "User name or password is wrong."
                                            : "Too many failed logins from your address: please try again in 15 minutes."),
                    "failure " + i + " (the twentieth says how long to wait): " + failed.body());
            viewState = failed.state();
        }
        Answer blocked = client.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, viewState), "Origin", own());
        assertEquals(200, blocked.status());
        assertTrue(
                blocked.body()
                        .matches(
                                "(?s).*Too many failed logins from your address: please try again in 1[45] minutes\\..*"),
                blocked.body());
        assertEquals(302, client.get("/admin/index.xhtml").status(), "the right password did not log in");

        RawHttp germanClient = new RawHttp("127.0.0.2", port());
        Answer germanForm = germanClient.get("/admin/login.xhtml", "Accept-Language", "de");
        Answer german = germanClient.post(
                "/admin/login.xhtml",
                loginFields("admin", ConsoleApp.ADMIN_PASSWORD, germanForm.state()),
                "Origin",
                own(),
                "Accept-Language",
                "de");
        assertTrue(german.body().contains("Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse"), german.body());

        RawHttp other = new RawHttp("127.0.0.1", port());
        Answer form = other.get("/admin/login.xhtml");
        Answer fine = other.post(
                "/admin/login.xhtml", loginFields("admin", ConsoleApp.ADMIN_PASSWORD, form.state()), "Origin", own());
        assertEquals(302, fine.status(), "another address logs in");
    }
}
