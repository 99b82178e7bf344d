package app.resonance.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one OpenID Connect provider of a test run: Keycloak ({@link Keycloak}) behind a {@link ProviderProxy},
 * started by the first test class that needs it and stopped after the last one. Its realm knows two clients with
 * exactly their addresses, so the ports are taken here before Keycloak starts: {@code resonance-console} for a
 * single bundle at {@link #appPort()} ({@code SingleSignOnIT}) and {@code resonance-cluster} for the two-instance
 * setup behind HAProxy at {@link #clusterPort()} ({@code TwoInstanceClusterIT}). Four people: dora (group
 * resonance-admins), lena (resonance-support-leads), vera (resonance-viewers) and nils (sales only); each one's
 * password is the name followed by "-password". Tokens live 4 s.
 */
public final class SingleSignOnProvider implements BeforeAllCallback {

    public static final String REALM = "resonance";
    public static final String CONSOLE_CLIENT = "resonance-console";
    public static final String CLUSTER_CLIENT = "resonance-cluster";
    public static final String SECRET = "console-client-secret-for-tests";

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    public static ProviderProxy proxy() {
        return running.proxy;
    }

    /** The issuer as the provider names itself: through the proxy. */
    public static String issuer() {
        return running.proxy.address() + "/realms/" + REALM;
    }

    /** The port of the single bundle that client {@code resonance-console} belongs to. */
    public static int appPort() {
        return running.appPort;
    }

    /** The port of HAProxy in front of the two instances that client {@code resonance-cluster} belongs to. */
    public static int clusterPort() {
        return running.clusterPort;
    }

    public static Path log() {
        return running.keycloak.log();
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {
        final Keycloak keycloak;
        final ProviderProxy proxy;
        final int appPort;
        final int clusterPort;

        Running(Keycloak keycloak, ProviderProxy proxy, int appPort, int clusterPort) {
            this.keycloak = keycloak;
            this.proxy = proxy;
            this.appPort = appPort;
            this.clusterPort = clusterPort;
        }

        static Running start() {
            int appPort = BundleProcess.freePort();
            int clusterPort = BundleProcess.freePort();
            int keycloakPort = BundleProcess.freePort();
            ProviderProxy proxy;
            try {
                proxy = new ProviderProxy(BundleProcess.freePort(), "http://127.0.0.1:" + keycloakPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Keycloak keycloak = Keycloak.start(
                        keycloakPort,
                        proxy.address(),
                        REALM,
                        realm("http://127.0.0.1:" + appPort, "http://127.0.0.1:" + clusterPort),
                        Path.of("target", "sso-it", "keycloak.log").toAbsolutePath());
                return new Running(keycloak, proxy, appPort, clusterPort);
            } catch (RuntimeException e) {
                proxy.close();
                throw e;
            }
        }

        @Override
        public void close() {
            keycloak.close();
            proxy.close();
        }
    }

    /**
     * The realm: the two confidential clients (PKCE S256 required, their exact addresses), a groups claim in the
     * ID token, the people and their groups.
     */
    static String realm(String app, String cluster) {
        return """
                {"realm": "%s", "enabled": true, "accessTokenLifespan": 4,
                 "groups": [{"name": "resonance-admins"}, {"name": "resonance-support-leads"},
                            {"name": "resonance-viewers"}, {"name": "sales"}, {"name": "resonance-hq"},
                            {"name": "region-dach"}],
                 "users": [%s, %s, %s, %s, %s, %s],
                 "clients": [%s, %s]
                }
                """.formatted(
                        REALM,
                        user("dora", "Dora", "Brandt", "resonance-admins"),
                        user("lena", "Lena", "Vogt", "resonance-support-leads", "resonance-hq"),
                        user("vera", "Vera", "Klein", "resonance-viewers", "resonance-hq"),
                        user("nils", "Nils", "Berg", "sales"),
                        user("rita", "Rita", "Wolf", "resonance-support-leads", "region-dach"),
                        user("otto", "Otto", "Lang", "resonance-support-leads"),
                        client(CONSOLE_CLIENT, app),
                        client(CLUSTER_CLIENT, cluster));
    }

    static String client(String id, String base) {
        return """
                {"clientId": "%s", "enabled": true, "publicClient": false,
                   "secret": "%s", "standardFlowEnabled": true, "directAccessGrantsEnabled": false,
                   "redirectUris": ["%s/admin/sso/callback"],
                   "attributes": {"pkce.code.challenge.method": "S256",
                                  "post.logout.redirect.uris": "%s/admin/login.xhtml"},
                   "protocolMappers": [{"name": "groups", "protocol": "openid-connect",
                     "protocolMapper": "oidc-group-membership-mapper",
                     "config": {"claim.name": "groups", "full.path": "false", "id.token.claim": "true",
                                "access.token.claim": "true", "userinfo.token.claim": "true"}}]}""".formatted(id, SECRET, base, base);
    }

    static String user(String name, String first, String last, String... groups) {
        return """
                {"username": "%s", "enabled": true, "email": "%s@example.com", "emailVerified": true,
                 "firstName": "%s", "lastName": "%s", "groups": [%s],
                 "credentials": [{"type": "password", "value": "%s-password", "temporary": false}]}""".formatted(
                        name,
                        name,
                        first,
                        last,
                        java.util.Arrays.stream(groups)
                                .map(g -> "\"/" + g + "\"")
                                .collect(java.util.stream.Collectors.joining(", ")),
                        name);
    }
}
