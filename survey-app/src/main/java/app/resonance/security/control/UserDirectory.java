package app.resonance.security.control;

import app.resonance.security.entity.ApiToken;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Users and API tokens: PBKDF2 password hashing (Jakarta Security's own implementation), lockout after
 * repeated failed logins, and tokens stored as SHA-256 only.
 */
@ApplicationScoped
public class UserDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    private volatile String dummyHash;

    @PostConstruct
    void configureHashing() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    @Transactional
    public Optional<AppUser> byUsername(String username) {
        return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
    }

    @Transactional
    public AppUser create(String username, String displayName, String password, Role role) {
        AppUser user = new AppUser(username, displayName, hash(password), role, clock.instant());
        em.persist(user);
        return user;
    }

    /** Sets a user's password to the given one unless it is that already. */
    @Transactional
    public void ensurePassword(String username, String password) {
        byUsername(username).ifPresent(user -> {
            if (!passwordHash.verify(password.toCharArray(), user.passwordHash())) {
                user.changePassword(hash(password));
            }
        });
    }

    public sealed interface LoginResult permits LoginResult.Success, LoginResult.Failure {
        record Success(AppUser user) implements LoginResult {}

        record Failure(boolean locked) implements LoginResult {}
    }

    /** Checks a password, counting failures and refusing locked accounts even with the right password. */
    @Transactional
    public LoginResult login(String username, String password) {
        if (username == null || password == null || username.length() > 60 || password.length() > 500) {
            return new LoginResult.Failure(false);
        }
        Optional<AppUser> found = byUsername(username);
        if (found.isEmpty()) {
            // Spend the same time as a real check, so that timing does not tell which users exist.
            passwordHash.verify(password.toCharArray(), dummyHash());
            return new LoginResult.Failure(false);
        }
        AppUser user = found.get();
        if (!user.enabled() || user.isLocked(clock.instant())) {
            return new LoginResult.Failure(true);
        }
        if (passwordHash.verify(password.toCharArray(), user.passwordHash())) {
            user.loginSucceeded();
            return new LoginResult.Success(user);
        }
        user.loginFailed(clock.instant());
        return new LoginResult.Failure(user.isLocked(clock.instant()));
    }

    /** Creates an API token for the user and answers it; it cannot be shown again. */
    @Transactional
    public String createToken(AppUser user, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rsn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new ApiToken(em.merge(user), name, sha256(token), clock.instant()));
        return token;
    }

    @Transactional
    public Optional<AppUser> byToken(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", sha256(token))
                .getResultStream()
                .findFirst()
                .filter(t -> t.user().enabled())
                .map(t -> {
                    t.used(clock.instant());
                    return t.user();
                });
    }

    /** A hash of a random password, computed once, for checks against unknown users. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hash(randomPassword());
            dummyHash = hash;
        }
        return hash;
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
