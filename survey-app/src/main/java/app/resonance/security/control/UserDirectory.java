package app.resonance.security.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users: PBKDF2 password hashing (Jakarta Security's own implementation) and logins that take the same
 * time and give the same answer for unknown and known names. API tokens: {@link ApiTokens}.
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

    @Inject
    AuditLog audit;

    @Inject
    app.resonance.platform.control.DataScopes dataScopes;

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    public static final int MIN_PASSWORD = 12;

    /** At most this many segments in one user's data scope. */
    public static final int MAX_SEGMENTS = 100;

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

    /** Sets where and in which language a user gets task mails (only if none is set yet: an admin's choice stays). */
    @Transactional
    public void contact(String username, String email, String language) {
        byUsername(username).filter(u -> u.email().isEmpty()).ifPresent(u -> u.contact(email, language));
    }

    @Transactional
    public List<AppUser> all() {
        return em.createNamedQuery(AppUser.ALL, AppUser.class).getResultList();
    }

    /** A new console user, after checking every field; the errors name the fields. */
    @Transactional
    public AppUser add(String username, String displayName, String password, Role role, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(messages.error("username", "username"));
        } else if (byUsername(username).isPresent()) {
            errors.add(messages.error("username", "usernameTaken"));
        }
        checkDisplayName(displayName, errors, messages);
        checkPassword(password, errors, messages);
        if (role == null) {
            errors.add(messages.error("role", "required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidUserException(errors);
        }
        AppUser user = create(username, displayName.strip(), password, role);
        audit.record(AuditArea.USER, username, "created", AuditDetail.of("role", AuditDetail.text("role", role)));
        return user;
    }

    /** Changes name, role and whether the user may log in; nobody takes the last admin's rights away. */
    @Transactional
    public AppUser update(String username, String displayName, Role role, boolean enabled, Messages messages) {
        AppUser user = byUsername(username).orElseThrow(() -> new UnknownUserException(username));
        List<FieldError> errors = new ArrayList<>();
        checkDisplayName(displayName, errors, messages);
        if (role == null) {
            errors.add(messages.error("role", "required"));
        }
        boolean losesAdmin = user.role() == Role.ADMIN && user.enabled() && (role != Role.ADMIN || !enabled);
        if (losesAdmin && activeAdmins() <= 1) {
            errors.add(messages.error("role", "lastAdmin"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidUserException(errors);
        }
        List<AuditDetail> changes = new ArrayList<>();
        if (!user.displayName().equals(displayName.strip())) {
            changes.add(AuditDetail.of("name"));
        }
        if (user.role() != role) {
            changes.add(AuditDetail.of(
                    "roleChanged", AuditDetail.text("role", user.role()), AuditDetail.text("role", role)));
        }
        if (user.enabled() != enabled) {
            changes.add(AuditDetail.of(enabled ? "enabled" : "disabled"));
        }
        user.displayName(displayName.strip());
        user.role(role);
        user.enabled(enabled);
        if (role == Role.ADMIN && !segmentKeys(username).isEmpty()) {
            // admins manage the limits and are never limited themselves
            em.createNativeQuery("DELETE FROM app_user_segment WHERE user_id = ?")
                    .setParameter(1, user.id())
                    .executeUpdate();
            dataScopes.forget(username);
            changes.add(AuditDetail.of("dataScope", "-"));
        }
        if (!changes.isEmpty()) {
            audit.record(AuditArea.USER, username, "updated", changes);
        }
        return user;
    }

    /** Every limited user's segment keys, in key order, in one query (users not here see all data). */
    @Transactional
    public java.util.Map<String, List<String>> segmentKeysByUser() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, s.segment_key FROM app_user u"
                        + " JOIN app_user_segment us ON us.user_id = u.id JOIN segment s ON s.id = us.segment_id"
                        + " ORDER BY u.username, s.segment_key")
                .getResultList();
        java.util.Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        for (Object[] row : rows) {
            keys.computeIfAbsent(String.valueOf(row[0]), k -> new ArrayList<>()).add(String.valueOf(row[1]));
        }
        return keys;
    }

    /** The keys of the segments a user is limited to, in key order; empty for all data. */
    @Transactional
    public List<String> segmentKeys(String username) {
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("SELECT s.segment_key FROM app_user u"
                        + " JOIN app_user_segment us ON us.user_id = u.id JOIN segment s ON s.id = us.segment_id"
                        + " WHERE u.username = ? ORDER BY s.segment_key")
                .setParameter(1, username)
                .getResultList();
        return keys.stream().map(String::valueOf).toList();
    }

    /**
     * Limits a support lead or viewer to some segments (none: all data again). Every key must name a segment; an
     * admin is never limited. Audited; this instance sees the change at once, the others within five seconds.
     */
    @Transactional
    public List<String> limit(String username, List<String> segmentKeys, Messages messages) {
        AppUser user = byUsername(username).orElseThrow(() -> new UnknownUserException(username));
        if (segmentKeys != null) {
            for (int i = 0; i < segmentKeys.size(); i++) {
                if (segmentKeys.get(i) == null || segmentKeys.get(i).isBlank()) {
                    throw new InvalidUserException(List.of(messages.error("segments[" + i + "]", "required")));
                }
            }
        }
        List<String> keys = segmentKeys == null
                ? List.of()
                : segmentKeys.stream().map(String::strip).distinct().sorted().toList();
        List<FieldError> errors = new ArrayList<>();
        if (keys.size() > MAX_SEGMENTS) {
            throw new InvalidUserException(List.of(messages.error("segments", "tooMany", MAX_SEGMENTS)));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            @SuppressWarnings("unchecked")
            List<Object> found = key == null
                    ? List.of()
                    : em.createNativeQuery("SELECT id FROM segment WHERE segment_key = ?")
                            .setParameter(1, key)
                            .getResultList();
            if (found.isEmpty()) {
                errors.add(messages.error("segments[" + i + "]", "unknownSegment"));
            } else {
                ids.add(((Number) found.get(0)).longValue());
            }
        }
        if (!keys.isEmpty() && user.role() == Role.ADMIN) {
            errors.add(messages.error("segments", "adminUnscoped"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidUserException(errors);
        }
        List<String> before = segmentKeys(username);
        em.createNativeQuery("DELETE FROM app_user_segment WHERE user_id = ?")
                .setParameter(1, user.id())
                .executeUpdate();
        for (Long id : ids) {
            em.createNativeQuery("INSERT INTO app_user_segment (user_id, segment_id) VALUES (?, ?)")
                    .setParameter(1, user.id())
                    .setParameter(2, id)
                    .executeUpdate();
        }
        dataScopes.forget(username);
        if (!before.equals(keys)) {
            audit.record(
                    AuditArea.USER,
                    username,
                    "updated",
                    List.of(AuditDetail.of("dataScope", keys.isEmpty() ? "-" : String.join(", ", keys))));
        }
        return keys;
    }

    /** Sets a new password chosen by an admin. */
    @Transactional
    public void resetPassword(String username, String password, Messages messages) {
        AppUser user = byUsername(username).orElseThrow(() -> new UnknownUserException(username));
        List<FieldError> errors = new ArrayList<>();
        checkPassword(password, errors, messages);
        if (!errors.isEmpty()) {
            throw new InvalidUserException(errors);
        }
        user.changePassword(hash(password));
        audit.record(AuditArea.USER, username, "passwordReset");
    }

    private long activeAdmins() {
        return em.createQuery("SELECT COUNT(u) FROM AppUser u WHERE u.role = :role AND u.enabled = TRUE", Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult();
    }

    private static void checkDisplayName(String displayName, List<FieldError> errors, Messages messages) {
        if (displayName == null || displayName.isBlank()) {
            errors.add(messages.error("displayName", "required"));
        } else if (displayName.strip().length() > 120 || !TextRules.isClean(displayName)) {
            errors.add(messages.error("displayName", "tooLong", 120));
        }
    }

    private static void checkPassword(String password, List<FieldError> errors, Messages messages) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 500) {
            errors.add(messages.error("password", "passwordLength", MIN_PASSWORD));
        }
    }

    /** The user's input breaks a rule; the errors name the fields. */
    public static class InvalidUserException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidUserException(List<FieldError> errors) {
            super("Invalid user");
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** There is no user with this name. */
    public static class UnknownUserException extends RuntimeException {
        public UnknownUserException(String username) {
            super("Unknown user " + username);
        }
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

        /** Wrong name, wrong password or a disabled account: the caller cannot tell which. */
        record Failure() implements LoginResult {}
    }

    /**
     * Checks a name and password. Every path runs exactly one PBKDF2 check (against a stand-in hash for
     * unknown names, disabled accounts and oversized input), so the answer's time tells nothing about
     * which accounts exist; the result is the same {@link LoginResult.Failure} for all of them. Nothing
     * is locked here: repeated failures are slowed down per name and address by {@link LoginDelays}.
     */
    @Transactional
    public LoginResult login(String username, String password) {
        boolean sane = username != null && password != null && username.length() <= 60 && password.length() <= 500;
        Optional<AppUser> user = sane ? byUsername(username).filter(AppUser::enabled) : Optional.empty();
        String hash = user.map(AppUser::passwordHash).orElseGet(this::dummyHash);
        boolean matches = passwordHash.verify((sane ? password : "").toCharArray(), hash);
        if (user.isPresent() && matches) {
            return new LoginResult.Success(user.get());
        }
        return new LoginResult.Failure();
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
}
