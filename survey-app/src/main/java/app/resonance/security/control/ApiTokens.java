package app.resonance.security.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.Scope;
import app.resonance.security.entity.ApiToken;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: created with scopes and an expiry for their user (shown once, stored as SHA-256 only), listed,
 * revoked, and checked on every Bearer request. Creation and revocation are audited, and so is each use of
 * the admin scope, at most once a minute per token.
 */
@ApplicationScoped
public class ApiTokens {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 365;
    public static final int DEFAULT_DAYS = 90;
    public static final int NAME_LENGTH = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** What a Bearer token is: good (with what it may do), expired, or unknown (or its user disabled). */
    public sealed interface Check permits Check.Valid, Check.Expired, Check.Unknown {
        record Valid(AppUser user, Grant grant) implements Check {}

        record Expired() implements Check {}

        record Unknown() implements Check {}
    }

    /** What a request made with a token may do: the token's scopes, within its user's role. */
    public record Grant(long tokenId, String name, Set<Scope> scopes) {}

    /** A new token: the entity and, only here, the token itself. */
    public record Created(ApiToken token, String secret) {}

    /** The name, scopes and lifetime break a rule; the errors name the fields. */
    public static class InvalidTokenException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidTokenException(List<FieldError> errors) {
            super("Invalid token request");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /**
     * The errors of a token request (none if it may be created): a name, at least one known scope and only
     * scopes the user's role allows, and a lifetime of 1 to 365 days.
     */
    public static List<FieldError> check(AppUser user, String name, List<String> scopes, int days, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("name", name, true, NAME_LENGTH, errors);
        if (scopes == null || scopes.isEmpty()) {
            errors.add(messages.error("scopes", "required"));
        } else {
            List<String> unknown =
                    scopes.stream().filter(s -> Scope.ofWire(s).isEmpty()).toList();
            List<String> beyond = scopes.stream()
                    .flatMap(s -> Scope.ofWire(s).stream())
                    .filter(s -> !user.role().scopes().contains(s))
                    .map(Scope::wire)
                    .toList();
            if (!unknown.isEmpty()) {
                errors.add(messages.error("scopes", "oneOf", Scope.store(EnumSet.allOf(Scope.class))));
            } else if (!beyond.isEmpty()) {
                errors.add(messages.error(
                        "scopes",
                        "scopeBeyondRole",
                        String.join(" ", beyond),
                        Scope.store(user.role().scopes())));
            }
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            errors.add(messages.error("expiresInDays", "outOfRange", MIN_DAYS, MAX_DAYS));
        }
        return errors;
    }

    /** Creates a token for the user after {@link #check}; answers it with the secret, which is not kept. */
    @Transactional
    public Created create(AppUser user, String name, List<String> scopes, int days, Messages messages) {
        List<FieldError> errors = check(user, name, scopes, days, messages);
        if (!errors.isEmpty()) {
            throw new InvalidTokenException(errors);
        }
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        scopes.forEach(s -> Scope.ofWire(s).ifPresent(granted::add));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "rsn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(
                em.merge(user), name.strip(), sha256(secret), granted, now, now.plus(Duration.ofDays(days)));
        em.persist(token);
        audit.record(
                AuditArea.TOKEN,
                token.name(),
                "created",
                AuditDetail.of(
                        "tokenCreated", Scope.store(granted), token.expiresAt().toString()));
        return new Created(token, secret);
    }

    /** The user's tokens, newest first. */
    @Transactional
    public List<ApiToken> of(String username) {
        return em.createNamedQuery(ApiToken.OF_USER, ApiToken.class)
                .setParameter("username", username)
                .getResultList();
    }

    /** Revokes one of the user's tokens: it is deleted and refused from now on. Empty if the user has none with this id. */
    @Transactional
    public Optional<ApiToken> revoke(String username, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.user().username().equals(username)) {
            return Optional.empty();
        }
        em.remove(token);
        audit.record(
                AuditArea.TOKEN, token.name(), "revoked", AuditDetail.of("tokenRevoked", Scope.store(token.scopes())));
        return Optional.of(token);
    }

    /** Checks a Bearer token and notes its use (to the minute). */
    @Transactional
    public Check check(String secret) {
        if (secret == null || secret.length() > 200) {
            return new Check.Unknown();
        }
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", sha256(secret))
                .getResultStream()
                .findFirst()
                .filter(t -> t.user().enabled());
        if (found.isEmpty()) {
            return new Check.Unknown();
        }
        ApiToken token = found.get();
        Instant now = clock.instant();
        if (token.expired(now)) {
            return new Check.Expired();
        }
        token.used(now);
        return new Check.Valid(token.user(), new Grant(token.id(), token.name(), token.scopes()));
    }

    /**
     * Audits a use of the admin scope, at most once a minute per token (one conditional update decides, so
     * instances racing for the same minute write one entry).
     */
    @Transactional
    public void adminScopeUsed(Grant grant, String username, String method, String path) {
        Instant now = clock.instant();
        int noted = em.createQuery("UPDATE ApiToken t SET t.adminUsedAt = :now WHERE t.id = :id"
                        + " AND (t.adminUsedAt IS NULL OR t.adminUsedAt <= :before)")
                .setParameter("now", now)
                .setParameter("id", grant.tokenId())
                .setParameter("before", now.minus(ApiToken.USE_GRANULARITY))
                .executeUpdate();
        if (noted == 1) {
            audit.recordAs(
                    username,
                    AuditArea.TOKEN,
                    grant.name(),
                    "adminScopeUsed",
                    AuditDetail.of("request", method, path.length() > 200 ? path.substring(0, 200) : path));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
