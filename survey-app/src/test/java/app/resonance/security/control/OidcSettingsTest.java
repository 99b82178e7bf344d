package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.security.entity.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    static OidcSettings settings(String claim, String mapping, String defaultRole) {
        return OidcSettings.of(
                        Optional.of("https://login.example.com/realms/acme"),
                        Optional.of("resonance"),
                        Optional.of("s3cret"),
                        "openid profile email",
                        claim,
                        mapping,
                        Optional.ofNullable(defaultRole),
                        Optional.of("Keycloak"),
                        60)
                .orElseThrow();
    }

    @Test
    void theHighestRoleOfAllMappedGroupsCountsAndUnmappedGroupsGiveNothing() {
        OidcSettings settings = settings("groups", OidcSettings.DEFAULT_MAPPING, null);
        assertEquals(Optional.of(Role.ADMIN), settings.roleFor(List.of("resonance-viewers", "resonance-admins")));
        assertEquals(Optional.of(Role.SUPPORT_LEAD), settings.roleFor(List.of("sales", "resonance-support-leads")));
        assertEquals(Optional.empty(), settings.roleFor(List.of("sales", "Resonance-Admins")));
        assertEquals(Optional.empty(), settings.roleFor(List.of()));
    }

    @Test
    void theProvidersGroupsGiveTheDataScopeAndNoMappedGroupGivesNothingRatherThanEverything() {
        OidcSettings settings = settings("groups", OidcSettings.DEFAULT_MAPPING, null)
                .withSegmentMapping("region-dach=enterprise-dach, region-uk=uk,resonance-hq=*");
        assertEquals(
                Optional.of(new OidcSettings.ProviderScope(false, List.of("enterprise-dach", "uk"))),
                settings.scopeFor(List.of("resonance-support-leads", "region-uk", "region-dach")));
        assertEquals(
                Optional.of(new OidcSettings.ProviderScope(true, List.of())),
                settings.scopeFor(List.of("region-uk", "resonance-hq")));
        assertEquals(
                Optional.of(new OidcSettings.ProviderScope(false, List.of())),
                settings.scopeFor(List.of("resonance-support-leads")));
        // without a mapping the scopes are set in Resonance
        assertEquals(
                Optional.empty(),
                settings("groups", OidcSettings.DEFAULT_MAPPING, null).scopeFor(List.of("x")));
        var wrong = assertThrows(
                IllegalArgumentException.class,
                () -> settings("groups", OidcSettings.DEFAULT_MAPPING, null).withSegmentMapping("region-dach"));
        assertTrue(wrong.getMessage().contains("resonance.oidc.segment-mapping"), wrong.getMessage());
    }

    @Test
    void aDefaultRoleLetsInEveryoneTheProviderSignsIn() {
        OidcSettings settings = settings("groups", "", "viewer");
        assertEquals(Optional.of(Role.VIEWER), settings.roleFor(List.of("anything")));
    }

    @Test
    void theRolesClaimMayBeNestedOrASingleString() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("offline_access", "ops")));
        assertEquals(
                List.of("offline_access", "ops"),
                settings("realm_access.roles", "", null).groups(keycloak));
        assertEquals(List.of("ops"), settings("role", "", null).groups(Map.of("role", "ops")));
        assertEquals(List.of(), settings("groups", "", null).groups(Map.of("groups", 42)));
        assertEquals(List.of(), settings("a.b", "", null).groups(Map.of("a", "not an object")));
    }

    @Test
    void noIssuerMeansNoSingleSignOnAndAMistakeNamesItsKey() {
        assertTrue(OidcSettings.of(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "openid",
                        "groups",
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        60)
                .isEmpty());
        assertTrue(refusal("https://idp.example.com", null, "openid").contains("resonance.oidc.client-secret"));
        assertTrue(refusal("http://idp.example.com", "s", "openid").contains("https"));
        assertTrue(refusal("https://idp.example.com", "s", "profile email").contains("openid"));
        var badRole = assertThrows(IllegalArgumentException.class, () -> settings("groups", "admins=OWNER", null));
        assertTrue(badRole.getMessage().contains("resonance.oidc.role-mapping"));
    }

    /** The message of settings refused for this issuer, secret (null: none) and scopes. */
    static String refusal(String issuer, String secret, String scopes) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> OidcSettings.of(
                                Optional.of(issuer),
                                Optional.of("c"),
                                Optional.ofNullable(secret),
                                scopes,
                                "groups",
                                "",
                                Optional.empty(),
                                Optional.empty(),
                                60))
                .getMessage();
    }

    @Test
    void theSecretNeverAppearsInTheSettingsText() {
        assertTrue(!settings("groups", "", null).toString().contains("s3cret"));
    }

    @Test
    void discoveryLiesUnderTheIssuer() {
        assertEquals(
                "https://login.example.com/realms/acme/.well-known/openid-configuration",
                settings("groups", "", null).discovery().toString());
    }

    @Test
    void thePkceChallengeIsRfc7636sWorkedExample() {
        // RFC 7636, appendix B
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcClient.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assertTrue(OidcClient.random().matches("[A-Za-z0-9_-]{43}"));
    }
}
