package app.resonance.security.control;

import app.resonance.security.entity.Role;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the console signs people in through an OpenID Connect provider: the provider's issuer URL (its discovery
 * document lies under {@code /.well-known/openid-configuration}), the client registered there, which claim
 * carries the person's groups and which group gives which role.
 *
 * @param issuer the issuer exactly as the provider names itself in its tokens
 * @param clientId the client id registered at the provider
 * @param clientSecret the client's secret (client_secret_basic at the token endpoint)
 * @param scopes the scopes asked for, "openid" among them
 * @param rolesClaim the claim with the groups or roles, a dotted path for a nested one ("realm_access.roles")
 * @param roleMapping a group's value to the role it gives; the highest role of all the person's groups counts
 * @param defaultRole the role of a person none of whose groups is mapped (none: such a person is refused)
 * @param name the provider's name on the login page ("Keycloak", "Microsoft", "Google"), or empty
 * @param clockSkewSeconds how far the provider's clock may be off when a token's times are checked
 * @param segmentMapping a group's value to the segment key its members are limited to ("*": all data); empty when
 *     the data scopes are set in Resonance, not by the provider
 */
public record OidcSettings(
        URI issuer,
        String clientId,
        String clientSecret,
        String scopes,
        String rolesClaim,
        Map<String, Role> roleMapping,
        Optional<Role> defaultRole,
        String name,
        int clockSkewSeconds,
        Map<String, String> segmentMapping) {

    public static final String DEFAULT_MAPPING =
            "resonance-admins=ADMIN,resonance-support-leads=SUPPORT_LEAD,resonance-viewers=VIEWER";

    public OidcSettings {
        roleMapping = Map.copyOf(roleMapping);
        segmentMapping = Map.copyOf(segmentMapping);
    }

    /** Every segment: the value of a group that gives all data in {@link #segmentMapping}. */
    public static final String ALL_SEGMENTS = "*";

    /**
     * These settings with the data scopes taken from the provider's groups: "group=segment-key,group=*" (empty: the
     * scopes are set in Resonance).
     *
     * @throws IllegalArgumentException naming resonance.oidc.segment-mapping where a pair is not group=key
     */
    public OidcSettings withSegmentMapping(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : text == null ? new String[0] : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            if (equals < 1 || pair.substring(equals + 1).isBlank()) {
                throw new IllegalArgumentException(
                        "resonance.oidc.segment-mapping: \"" + pair.strip() + "\" is not group=segment-key");
            }
            mapping.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
        return new OidcSettings(
                issuer,
                clientId,
                clientSecret,
                scopes,
                rolesClaim,
                roleMapping,
                defaultRole,
                name,
                clockSkewSeconds,
                mapping);
    }

    /**
     * The data scope the provider's groups give, where the provider sets them ({@link #segmentMapping} not empty):
     * all data when a group maps to "*", else the segment keys of the mapped groups (sorted); none mapped: empty
     * (such a person is refused, never given all data by a missing group).
     */
    public Optional<ProviderScope> scopeFor(Collection<String> groups) {
        if (segmentMapping.isEmpty()) {
            return Optional.empty();
        }
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (String group : groups) {
            String key = segmentMapping.get(group);
            if (ALL_SEGMENTS.equals(key)) {
                return Optional.of(new ProviderScope(true, List.of()));
            }
            if (key != null) {
                keys.add(key);
            }
        }
        return Optional.of(new ProviderScope(false, List.copyOf(keys)));
    }

    /** The data scope from the provider: all data, or these segments (none: refused). */
    public record ProviderScope(boolean all, List<String> segments) {}

    /**
     * The settings from configuration values, or none where no issuer is set.
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static Optional<OidcSettings> of(
            Optional<String> issuer,
            Optional<String> clientId,
            Optional<String> clientSecret,
            String scopes,
            String rolesClaim,
            String roleMapping,
            Optional<String> defaultRole,
            Optional<String> name,
            int clockSkewSeconds) {
        if (issuer.map(String::isBlank).orElse(true)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(issuer.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resonance.oidc.issuer is not a URL: " + issuer.get(), e);
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
            throw new IllegalArgumentException(
                    "resonance.oidc.issuer must be an https URL (http only on the loopback interface): " + uri);
        }
        String id = clientId.map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("resonance.oidc.client-id is missing"));
        String secret = clientSecret
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("resonance.oidc.client-secret is missing"));
        if (!List.of(scopes.trim().split("\\s+")).contains("openid")) {
            throw new IllegalArgumentException("resonance.oidc.scopes must contain openid: " + scopes);
        }
        return Optional.of(new OidcSettings(
                uri,
                id,
                secret,
                scopes.trim(),
                rolesClaim.strip(),
                mapping(roleMapping),
                defaultRole.filter(s -> !s.isBlank()).map(s -> role(s, "resonance.oidc.default-role")),
                name.map(String::strip).orElse(""),
                Math.max(0, clockSkewSeconds),
                Map.of()));
    }

    /** "group=ROLE,group=ROLE" as a map; a group may contain anything but "," and "=". */
    static Map<String, Role> mapping(String text) {
        Map<String, Role> mapping = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(
                        "resonance.oidc.role-mapping: \"" + pair.strip() + "\" is not group=ROLE");
            }
            mapping.put(
                    pair.substring(0, equals).strip(), role(pair.substring(equals + 1), "resonance.oidc.role-mapping"));
        }
        return mapping;
    }

    private static Role role(String text, String key) {
        try {
            return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    key + ": \"" + text.strip() + "\" is none of ADMIN, SUPPORT_LEAD, VIEWER", e);
        }
    }

    private static boolean loopback(String host) {
        return host != null
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /** The discovery document's address (OpenID Connect Discovery 1.0, section 4). */
    public URI discovery() {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
    }

    /**
     * The role the groups give: the highest of the mapped ones (ADMIN before SUPPORT_LEAD before VIEWER), else
     * the default role, else none.
     */
    public Optional<Role> roleFor(Collection<String> groups) {
        Role best = null;
        for (String group : groups) {
            Role role = roleMapping.get(group);
            if (role != null && (best == null || role.ordinal() < best.ordinal())) {
                best = role;
            }
        }
        return Optional.ofNullable(best).or(() -> defaultRole);
    }

    /**
     * The values of the roles claim in a token's claims: a list of strings, or one string; nested with dots
     * ("realm_access.roles" is Keycloak's realm roles). Anything else counts as no groups.
     */
    public List<String> groups(Map<String, Object> claims) {
        Object value = claims;
        for (String part : rolesClaim.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(part);
        }
        if (value instanceof String one) {
            return List.of(one);
        }
        List<String> groups = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            for (Object item : many) {
                if (item instanceof String text) {
                    groups.add(text);
                }
            }
        }
        return groups;
    }

    @Override
    public String toString() {
        // never the secret, in a log or an error
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", rolesClaim=" + rolesClaim + "]";
    }
}
