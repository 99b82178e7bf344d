package app.resonance.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.BundleProcess;
import app.resonance.testapp.ProviderProxy;
import app.resonance.testapp.SingleSignOnProvider;
import app.resonance.testing.browser.Browser;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Console login through a real OpenID Connect provider: Keycloak (its own distribution) on the loopback
 * interface, reached through {@link ProviderProxy}, and the bundle configured for it as the README says. A person
 * in a Resonance group signs in with the browser, is created with the role the group gives and is audited; a
 * person in no such group is refused; an ID token whose claims were changed on the way (the viewer made an
 * admin) and one that expired on the way are refused and nobody is signed in; an answer that belongs to no login
 * of this browser is refused; logout ends the provider's session too; with the local login turned off, passwords
 * are refused in the console and the API while API tokens keep working. The login page with the provider's
 * button is photographed in German and English at 1366 and 390 px and checked with axe-core.
 */
@ExtendWith(SingleSignOnProvider.class)
class SingleSignOnIT {

    static final String ADMIN_PASSWORD = "sso-break-glass-password";
    static final String SECRET = SingleSignOnProvider.SECRET;
    static final Path DIR = Path.of("target", "sso-it").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ProviderProxy proxy;
    static BundleProcess app;
    static String base;
    Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        deleteTree(DIR.resolve("data"));
        Files.deleteIfExists(DIR.resolve("app.log"));
        int appPort = SingleSignOnProvider.appPort();
        base = "http://127.0.0.1:" + appPort;
        proxy = SingleSignOnProvider.proxy();
        app = new BundleProcess(
                appPort,
                Map.of(
                        "resonance.data.dir",
                        DIR.resolve("data").toString(),
                        "resonance.db.url",
                        "jdbc:h2:file:" + DIR.resolve("data") + "/resonance;LOCK_TIMEOUT=10000",
                        "resonance.admin.password",
                        ADMIN_PASSWORD,
                        "resonance.public.url",
                        base,
                        "resonance.oidc.issuer",
                        SingleSignOnProvider.issuer(),
                        "resonance.oidc.client-id",
                        SingleSignOnProvider.CONSOLE_CLIENT,
                        "resonance.oidc.client-secret",
                        SECRET,
                        "resonance.oidc.name",
                        "Keycloak",
                        // the realm's tokens live 10 s: a token held back 14 s is expired beyond this tolerance
                        "resonance.oidc.clock-skew-seconds",
                        "2",
                        // the data scopes come from the provider's groups: region-dach limits to the segment dach
                        "resonance.oidc.segment-mapping",
                        "region-dach=dach,resonance-hq=*"),
                DIR.resolve("app.log"),
                "--nocluster");
        app.start(Duration.ofSeconds(300));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        proxy.changeIdTokenClaims(null);
        proxy.delayTokenAnswers(Duration.ZERO);
        if (browser != null) {
            browser.close();
        }
    }

    Browser browser() throws Exception {
        browser = Browser.at(new URL(base + "/"));
        return browser;
    }

    /** Through the login page's button to the provider, the provider's own form, and back. */
    void signInAtTheProvider(Browser browser, String username) {
        browser.open("/admin/login.xhtml");
        browser.clickAndWaitForNextPage("#sso");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(proxy.address()));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), username + "-password");
        browser.find(By.id("kc-login")).click();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/admin/"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return document.readyState === 'complete'")));
    }

    @Test
    void anAdminGroupMemberSignsInIsCreatedAsAdminAndLogoutEndsTheProvidersSessionToo() throws Exception {
        Browser browser = browser();
        int exchangesBefore = proxy.tokenRequests().size();
        signInAtTheProvider(browser, "dora");
        assertTrue(
                browser.driver().getCurrentUrl().startsWith(base + "/admin/index.xhtml"),
                browser.driver().getCurrentUrl());
        assertTrue(browser.text("[id$=':who']").contains("Dora Brandt (Admin)"), browser.text("[id$=':who']"));

        // the code was exchanged once, with the PKCE verifier and the client's secret in Basic
        List<ProviderProxy.TokenRequest> exchanges = proxy.tokenRequests();
        assertEquals(exchangesBefore + 1, exchanges.size());
        ProviderProxy.TokenRequest exchange = exchanges.get(exchanges.size() - 1);
        assertEquals("authorization_code", exchange.form().get("grant_type"));
        assertTrue(
                exchange.form().getOrDefault("code_verifier", "").matches("[A-Za-z0-9_-]{43,128}"),
                exchange.form().toString());
        assertEquals(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("resonance-console:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                exchange.authorization());

        String users = admin("GET", "/api/v1/admin/users", null).body();
        assertTrue(users.contains("\"username\":\"dora\",\"displayName\":\"Dora Brandt\",\"role\":\"ADMIN\""), users);
        String audit = admin("GET", "/api/v1/admin/audit?area=LOGIN", null).body();
        assertTrue(audit.contains("dora") && audit.contains("single sign-on"), audit);

        // logout: the console's session ends, and the provider's, so the next login asks for the password again
        browser.clickAndWaitForNextPage("[id$=':logout']");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/admin/login.xhtml"));
        browser.open("/admin/index.xhtml");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/admin/login.xhtml"));
        browser.clickAndWaitForNextPage("#sso");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(proxy.address()));
        assertTrue(
                browser.present("#password"),
                "the provider asks for the password again: " + browser.driver().getPageSource());
    }

    @Test
    void theGroupAtTheProviderGivesTheRoleAndAPersonInNoResonanceGroupIsRefused() throws Exception {
        Browser browser = browser();
        signInAtTheProvider(browser, "lena");
        assertTrue(browser.text("[id$=':who']").contains("Lena Vogt (Support lead)"), browser.text("[id$=':who']"));
        browser.close();

        browser = browser();
        signInAtTheProvider(browser, "nils");
        sentBackWith(browser, "no_role", "Your company account has no role in Resonance", "nils");
        String audit = admin("GET", "/api/v1/admin/audit?area=LOGIN", null).body();
        assertTrue(audit.contains("nils") && audit.contains("no group gives a role"), audit);
    }

    /**
     * The provider's region group limits a support lead to its segment at every login (a lead in a support-lead group
     * but in no group that gives a data scope is refused, never given all data); the limit holds in the console.
     */
    @Test
    void theProvidersRegionGroupLimitsALeadToItsSegmentAndALeadWithoutOneIsRefused() throws Exception {
        Browser browser = browser();
        // before the segment exists here, the region group gives nothing: refused
        signInAtTheProvider(browser, "rita");
        sentBackWith(browser, "no_scope", "Your company account has no data scope in Resonance", "rita");
        browser.close();

        HttpResponse<String> segment = admin(
                "POST",
                "/api/v1/admin/segments",
                "{\"key\":\"dach\",\"name\":{\"de\":\"DACH\",\"en\":\"DACH\"},\"rules\":[{\"attribute\":"
                        + "\"region\",\"operator\":\"IN\",\"value\":\"DE,AT,CH\"}]}");
        assertEquals(201, segment.statusCode(), segment.body());
        browser = browser();
        signInAtTheProvider(browser, "rita");
        assertTrue(browser.text("[id$=':who']").contains("Rita Wolf (Support lead)"), browser.text("[id$=':who']"));
        assertTrue(browser.text("#scope").contains("DACH"), browser.text("#scope"));
        browser.open("/admin/effectiveness.xhtml");
        assertTrue(browser.present("#error-status"), "a company-wide page is refused to a limited lead");
        browser.close();
        String users = admin("GET", "/api/v1/admin/users", null).body();
        assertTrue(users.matches("(?s).*\"username\":\"rita\"[^}]*\"segments\":\\[\"dach\"\\].*"), users);

        browser = browser();
        signInAtTheProvider(browser, "otto");
        sentBackWith(browser, "no_scope", "Your company account has no data scope in Resonance", "otto");
        String audit = admin("GET", "/api/v1/admin/audit?area=LOGIN", null).body();
        assertTrue(audit.contains("otto") && audit.contains("no group gives an existing data scope"), audit);
    }

    @Test
    void anIdTokenWhoseClaimsWereChangedOnTheWayIsRefused() throws Exception {
        // the viewer's token claims the admins' group: the provider's signature no longer fits
        proxy.changeIdTokenClaims(claims -> claims.replace("\"resonance-viewers\"", "\"resonance-admins\""));
        Browser browser = browser();
        signInAtTheProvider(browser, "vera");
        sentBackWith(browser, "invalid_token", "failed the security checks", "vera");
        browser.open("/admin/index.xhtml");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(base + "/admin/login.xhtml"));
        assertTrue(app.log().toFile().exists());
        assertTrue(
                Files.readString(app.log()).contains("Invalid signature")
                        || Files.readString(app.log()).contains("signature"),
                "the log names the failed check");

        // the same person with the token as the provider made it: a viewer
        proxy.changeIdTokenClaims(null);
        browser.close();
        browser = browser();
        signInAtTheProvider(browser, "vera");
        assertTrue(browser.text("[id$=':who']").contains("Vera Klein (Viewer)"), browser.text("[id$=':who']"));
    }

    @Test
    void anIdTokenThatExpiredOnTheWayIsRefused() throws Exception {
        proxy.delayTokenAnswers(Duration.ofSeconds(9));
        Browser browser = browser();
        signInAtTheProvider(browser, "lena");
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/admin/login.xhtml?sso=invalid_token"),
                browser.driver().getCurrentUrl());
        assertTrue(Files.readString(app.log()).contains("Expired JWT"), "the log names the expiry");
    }

    @Test
    void anAnswerThatBelongsToNoLoginOfThisBrowserIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        // a session that started a login, then an answer with another state (a forged or replayed return)
        HttpResponse<Void> started = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/sso")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(proxy.address() + "/realms/resonance/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("code_challenge_method=S256") && location.contains("nonce="), location);
        HttpResponse<Void> forged = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/sso/callback?state=not-this-one&code=abc"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, forged.statusCode());
        assertEquals(
                base + "/admin/login.xhtml?sso=state",
                absolute(forged.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> index = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/index.xhtml"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, index.statusCode(), "not signed in");

        // the right state, once: a second use of it finds nothing
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(location);
        assertTrue(state.find());
        HttpResponse<Void> replay = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/sso/callback?state=" + state.group(1) + "&code=abc"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(
                base + "/admin/login.xhtml?sso=state",
                absolute(replay.headers().firstValue("Location").orElseThrow()),
                "the forged answer used the login up");
    }

    @Test
    void withTheLocalLoginOffPasswordsAreRefusedInTheConsoleAndTheApiWhileTokensWork() throws Exception {
        HttpResponse<String> created = admin(
                "POST",
                "/api/v1/admin/tokens",
                "{\"name\":\"sso-test\",\"scopes\":[\"admin\",\"read:analytics\"],\"expiresInDays\":1}");
        assertEquals(201, created.statusCode(), created.body());
        String token = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        try {
            // an admin who signed in through the provider turns the passwords off on the users page
            Browser admin = browser();
            signInAtTheProvider(admin, "dora");
            admin.open("/admin/manage/users.xhtml");
            assertTrue(admin.text("#list").contains("through single sign-on"), admin.text("#list"));
            assertTrue(admin.text("#signin").contains("Single sign-on is configured"), admin.text("#signin"));
            // editing a provider's user says that the role follows the provider's groups
            admin.driver().findElements(By.cssSelector("[id$=':edit']")).stream()
                    .filter(b -> b.getAttribute("id").startsWith("list:users:1:"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            admin.waitForText(By.id("edit"), "the role follows their groups at the provider");
            admin.click(By.id("signin:toggleLocal"));
            admin.waitForText(By.id("signin"), "Local accounts are turned off");
            ConsoleScreenshotWalkIT.save(admin, "en", 1400, "users-sso");
            admin.close();

            assertEquals(401, admin("GET", "/api/v1/admin/users", null).statusCode(), "HTTP Basic refused");
            assertEquals(
                    200, send(bearer("GET", "/api/v1/admin/users", token, null)).statusCode(), "the token works");
            HttpResponse<String> state = send(bearer("GET", "/api/v1/admin/login-settings", token, null));
            assertTrue(state.body().contains("\"localLogin\":false"), state.body());

            Browser browser = browser();
            browser.open("/admin/login.xhtml");
            assertFalse(browser.present("[id='login:username']"), "no password form");
            assertTrue(browser.driver().getPageSource().contains("Local accounts are turned off"));
            signInAtTheProvider(browser, "dora");
            assertTrue(browser.text("[id$=':who']").contains("Dora Brandt (Admin)"));
        } finally {
            HttpResponse<String> on =
                    send(bearer("PUT", "/api/v1/admin/login-settings", token, "{\"localLogin\":true}"));
            assertEquals(200, on.statusCode(), on.body());
        }
        // the cache of the setting lives five seconds; a change made here counts at once
        assertEquals(200, admin("GET", "/api/v1/admin/users", null).statusCode());
        String audit = admin("GET", "/api/v1/admin/audit?area=SETTING", null).body();
        assertTrue(audit.contains("localLoginOff") || audit.contains("local login turned off"), audit);
    }

    @Test
    void theLoginPageWithTheProvidersButtonInBothLanguagesAndOnAPhoneIsAxeClean() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("de", "en")) {
            for (int width : List.of(1366, 390)) {
                try (Browser page = Browser.open(width, 900, language)) {
                    page.go(base + "/admin/login.xhtml?sso=no_role");
                    page.waitUntil(d -> Boolean.TRUE.equals(page.script("return document.readyState === 'complete'")));
                    String expected = language.equals("de") ? "Mit Keycloak anmelden" : "Sign in with Keycloak";
                    assertEquals(expected, page.text("#sso"));
                    ConsoleScreenshotWalkIT.save(page, language, width, "login-sso");
                    Results results = new AxeBuilder().analyze(page.driver());
                    for (Rule rule : results.getViolations()) {
                        violations.add(language + " " + width + ": " + rule.getId() + " "
                                + rule.getNodes().size());
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** The provider's answer came back to the login page with this reason and text, and nobody was created. */
    static void sentBackWith(Browser browser, String reason, String text, String username) throws Exception {
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/admin/login.xhtml?sso=" + reason),
                browser.driver().getCurrentUrl());
        assertTrue(
                browser.driver().getPageSource().contains(text),
                browser.driver().getPageSource());
        assertFalse(
                admin("GET", "/api/v1/admin/users", null).body().contains("\"" + username + "\""),
                "nobody was created");
    }

    static String absolute(String location) {
        return location.startsWith("/") ? base + location : location;
    }

    /** A request of the local admin by HTTP Basic. */
    static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return send(request(method, path, "Basic " + basic, json));
    }

    /** A request with an API token. */
    static HttpRequest bearer(String method, String path, String token, String json) {
        return request(method, path, "Bearer " + token, json);
    }

    static HttpRequest request(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Accept-Language", "en");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
