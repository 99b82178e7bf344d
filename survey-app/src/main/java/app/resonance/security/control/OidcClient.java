package app.resonance.security.control;

import app.resonance.platform.control.Jsonp;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's side of OpenID Connect's authorization code flow with PKCE (RFC 7636, S256): the address the
 * browser is sent to, the code exchanged at the token endpoint with the client's secret, and the ID token
 * checked before anybody is signed in: its signature against the provider's published keys (RSA or EC; never
 * "none" or a secret-keyed algorithm), the issuer exactly, this client among the audience (and as the
 * authorized party where it names one), the nonce of this very login, and its times against this
 * application's clock. Signatures are checked by Nimbus JOSE+JWT, the library the Payara runtime uses itself;
 * the provider's discovery document is read once an hour, its keys are cached and fetched anew when a token
 * names an unknown key (the provider rotated them).
 */
public class OidcClient {

    static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private volatile Provider provider;

    public OidcClient(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Why a login through the provider did not happen; each is a text on the login page. */
    public enum Failure {
        /** The provider could not be reached or answered nonsense. */
        UNREACHABLE,
        /** The provider refused (the person cancelled, the code was used or expired). */
        REFUSED,
        /** The answer does not belong to a login started here, or it is older than ten minutes. */
        STATE,
        /** The ID token failed a check: signature, issuer, audience, nonce, times. */
        INVALID_TOKEN,
        /** None of the person's groups gives a role, and there is no default role. */
        NO_ROLE,
        /** The person's user is disabled in Resonance. */
        DISABLED,
        /**
         * The provider sets the data scopes and none of the person's groups gives one, or a group names a segment
         * that does not exist here.
         */
        NO_SCOPE
    }

    public static class OidcException extends Exception {
        private final Failure failure;

        public OidcException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public OidcException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * A login under way, kept in the browser's session between the redirect to the provider and its return:
     * the state (against a forged return), the nonce (against a replayed ID token) and the PKCE verifier
     * (against a stolen code).
     */
    public record Pending(String state, String nonce, String verifier, Instant started) implements Serializable {

        public boolean expired(Instant now) {
            return now.isAfter(started.plus(PENDING_LIFETIME));
        }
    }

    /** A person the provider signed in: the checked ID token's claims and the token itself (for logout). */
    public record SignedIn(String issuer, String subject, Map<String, Object> claims, String idToken) {

        public Optional<String> text(String claim) {
            return claims.get(claim) instanceof String value && !value.isBlank()
                    ? Optional.of(value.strip())
                    : Optional.empty();
        }
    }

    record Provider(
            Instant read,
            URI authorization,
            URI token,
            Optional<URI> endSession,
            JWKSource<SecurityContext> keys,
            Set<JWSAlgorithm> algorithms) {}

    /** A new login: its secrets, to keep in the session, and nothing else yet. */
    public Pending begin() {
        return new Pending(random(), random(), random() + random(), clock.instant());
    }

    /** Where the browser goes to sign in at the provider. */
    public URI authorizationAddress(Pending pending, String redirectUri) throws OidcException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", settings.scopes());
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.verifier()));
        query.put("code_challenge_method", "S256");
        return withQuery(provider().authorization(), query);
    }

    /**
     * Exchanges the code the provider returned for the tokens and checks the ID token.
     *
     * @throws OidcException when the exchange fails or the ID token fails a check
     */
    public SignedIn finish(String code, Pending pending, String redirectUri) throws OidcException {
        Provider current = provider();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", pending.verifier());
        String basic = Base64.getEncoder()
                .encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(current.token())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        HttpResponse<InputStream> response = send(request);
        JsonObject body = json(response, "the token endpoint");
        if (response.statusCode() != 200) {
            throw new OidcException(
                    Failure.REFUSED,
                    "the token endpoint answered " + response.statusCode() + " "
                            + body.getString("error", "without an error code"));
        }
        JsonValue idToken = body.get("id_token");
        if (!(idToken instanceof JsonString token)) {
            throw new OidcException(Failure.INVALID_TOKEN, "the token endpoint sent no ID token");
        }
        JWTClaimsSet claims = verify(token.getString(), pending.nonce(), clock.instant());
        return new SignedIn(claims.getIssuer(), claims.getSubject(), claims.getClaims(), token.getString());
    }

    /**
     * The checks of an ID token (OpenID Connect Core 1.0, 3.1.3.7) at the instant {@code now}.
     *
     * @return its claims, when every check passed
     * @throws OidcException with {@link Failure#INVALID_TOKEN} naming the check that failed
     */
    public JWTClaimsSet verify(String idToken, String nonce, Instant now) throws OidcException {
        Provider current = provider();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(current.algorithms(), current.keys()));
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        // mutable sets: the verifier asks them whether they contain null
                        new HashSet<>(List.of(settings.clientId())),
                        new JWTClaimsSet.Builder()
                                .issuer(settings.issuer().toString())
                                .claim("nonce", nonce)
                                .build(),
                        new HashSet<>(List.of("sub", "iat", "exp", "aud", "iss", "nonce")),
                        new HashSet<>()) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(now);
                    }
                };
        claims.setMaxClockSkew(settings.clockSkewSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet verified;
        try {
            verified = processor.process(idToken, null);
        } catch (BadJWTException e) {
            throw new OidcException(
                    Failure.INVALID_TOKEN, "the ID token's claims failed a check: " + e.getMessage(), e);
        } catch (java.text.ParseException
                | com.nimbusds.jose.JOSEException
                | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new OidcException(Failure.INVALID_TOKEN, "the ID token failed a check: " + e.getMessage(), e);
        }
        List<String> audience = verified.getAudience();
        Object azp = verified.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !settings.clientId().equals(azp)) {
            throw new OidcException(Failure.INVALID_TOKEN, "the ID token names another authorized party: " + azp);
        }
        return verified;
    }

    /**
     * Where the browser goes to end its session at the provider too (RP-initiated logout 1.0), if the provider
     * offers it.
     */
    public Optional<URI> logoutAddress(String idTokenHint, String afterLogout) {
        Optional<URI> endSession;
        try {
            endSession = provider().endSession();
        } catch (OidcException e) {
            return Optional.empty();
        }
        return endSession.map(uri -> {
            Map<String, String> query = new LinkedHashMap<>();
            if (idTokenHint != null) {
                query.put("id_token_hint", idTokenHint);
            }
            query.put("client_id", settings.clientId());
            query.put("post_logout_redirect_uri", afterLogout);
            return withQuery(uri, query);
        });
    }

    /** The discovery document's addresses and the key source, read again when an hour old. */
    Provider provider() throws OidcException {
        Provider current = provider;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.read().plus(METADATA_LIFETIME))) {
            return current;
        }
        synchronized (this) {
            if (provider == null || !now.isBefore(provider.read().plus(METADATA_LIFETIME))) {
                try {
                    provider = discover(now);
                } catch (OidcException e) {
                    if (provider == null) {
                        throw e;
                    }
                    // a provider briefly away: the addresses of an hour ago still hold
                }
            }
            return provider;
        }
    }

    private Provider discover(Instant now) throws OidcException {
        HttpRequest request = HttpRequest.newBuilder(settings.discovery())
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = send(request);
        JsonObject document = json(response, "the discovery document");
        if (response.statusCode() != 200) {
            throw new OidcException(Failure.UNREACHABLE, "the discovery document answered " + response.statusCode());
        }
        String issuer = document.getString("issuer", "");
        if (!issuer.equals(settings.issuer().toString())) {
            throw new OidcException(
                    Failure.UNREACHABLE,
                    "the provider names itself " + issuer + ", not the configured issuer " + settings.issuer());
        }
        URI jwks = address(document, "jwks_uri");
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        JsonValue offered = document.get("id_token_signing_alg_values_supported");
        if (offered instanceof jakarta.json.JsonArray values) {
            for (JsonValue value : values) {
                if (value instanceof JsonString name) {
                    JWSAlgorithm algorithm = JWSAlgorithm.parse(name.getString());
                    if (JWSAlgorithm.Family.RSA.contains(algorithm) || JWSAlgorithm.Family.EC.contains(algorithm)) {
                        algorithms.add(algorithm);
                    }
                }
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256); // the algorithm every provider must support
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            jwks.toURL(),
                            new DefaultResourceRetriever(
                                    (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), 512 * 1024))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new OidcException(Failure.UNREACHABLE, "jwks_uri is no URL: " + jwks, e);
        }
        Optional<URI> endSession = document.containsKey("end_session_endpoint")
                ? Optional.of(address(document, "end_session_endpoint"))
                : Optional.empty();
        return new Provider(
                now,
                address(document, "authorization_endpoint"),
                address(document, "token_endpoint"),
                endSession,
                keys,
                Set.copyOf(algorithms));
    }

    private static URI address(JsonObject document, String key) throws OidcException {
        if (!(document.get(key) instanceof JsonString value)) {
            throw new OidcException(Failure.UNREACHABLE, "the discovery document has no " + key);
        }
        try {
            URI uri = URI.create(value.getString());
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("relative");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new OidcException(Failure.UNREACHABLE, "the discovery document's " + key + " is no URL", e);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws OidcException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new OidcException(Failure.UNREACHABLE, request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException(Failure.UNREACHABLE, "interrupted", e);
        }
    }

    private static JsonObject json(HttpResponse<InputStream> response, String what) throws OidcException {
        try (InputStream in = response.body();
                JsonReader reader = Jsonp.createReader(in)) {
            return reader.readObject();
        } catch (IOException | RuntimeException e) {
            throw new OidcException(
                    Failure.UNREACHABLE, what + " answered " + response.statusCode() + " without a JSON object", e);
        }
    }

    /** The PKCE challenge of a verifier: BASE64URL(SHA-256(verifier)), without padding. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 random bytes as URL-safe text (43 characters, within PKCE's alphabet). */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static URI withQuery(URI base, Map<String, String> query) {
        String text = base.toString();
        return URI.create(text + (base.getRawQuery() == null ? "?" : "&") + formBody(query));
    }

    private static String formBody(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
