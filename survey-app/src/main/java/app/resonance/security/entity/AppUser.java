package app.resonance.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person who uses the console or the admin API. The password is stored as a PBKDF2 hash only. An
 * account is never locked by failed logins: those are slowed down per name and address instead.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = AppUser.BY_USERNAME, query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.ALL, query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(
        name = AppUser.BY_PROVIDER_SUBJECT,
        query = "SELECT u FROM AppUser u WHERE u.oidcIssuer = :issuer AND u.oidcSubject = :subject")
public class AppUser {

    public static final String BY_USERNAME = "AppUser.byUsername";
    public static final String ALL = "AppUser.all";
    public static final String BY_PROVIDER_SUBJECT = "AppUser.byProviderSubject";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "user_role", nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    private String email;

    private String language;

    /** The OpenID Connect provider that created this user at its first login (none for a local account). */
    @Column(name = "oidc_issuer")
    private String oidcIssuer;

    /** The provider's stable id of the person ({@code sub}), with {@link #oidcIssuer}. */
    @Column(name = "oidc_subject")
    private String oidcSubject;

    protected AppUser() {}

    public AppUser(String username, String displayName, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void role(Role role) {
        this.role = role;
    }

    public void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void displayName(String displayName) {
        this.displayName = displayName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Where task notifications go (none: the user gets no mail) and their language ("de", "en", none). */
    public void contact(String email, String language) {
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.language = language == null || language.isBlank() ? null : language.strip();
    }

    public java.util.Optional<String> email() {
        return java.util.Optional.ofNullable(email);
    }

    public java.util.Optional<String> language() {
        return java.util.Optional.ofNullable(language);
    }

    /** Ties this user to a person at an OpenID Connect provider: later logins through it find this user. */
    public void signsInThrough(String issuer, String subject) {
        this.oidcIssuer = issuer;
        this.oidcSubject = subject;
    }

    /** Whether this user came from single sign-on (the provider's groups decide the role at every login). */
    public boolean fromProvider() {
        return oidcIssuer != null;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }
}
