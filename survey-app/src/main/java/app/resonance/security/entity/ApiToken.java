package app.resonance.security.entity;

import app.resonance.platform.entity.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A token for scripts and integrations; only its SHA-256 is stored, the token itself is shown once. It may
 * be used for the endpoints of its scopes, within its user's role, until it expires or is revoked (deleted).
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
@NamedQuery(
        name = ApiToken.OF_USER,
        query = "SELECT t FROM ApiToken t WHERE t.user.username = :username ORDER BY t.createdAt DESC, t.id DESC")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String OF_USER = "ApiToken.ofUser";

    /** How often a token's last use (and its last use of the admin scope) is written at most. */
    public static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** The scopes' wire names, space-separated. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "admin_used_at")
    private Instant adminUsedAt;

    protected ApiToken() {}

    public ApiToken(AppUser user, String name, String tokenHash, Set<Scope> scopes, Instant now, Instant expiresAt) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.scopes = Scope.store(scopes);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * Notes a use, to the minute: a token used again within a minute of the noted use changes nothing, so
     * that an integration's every request does not write the token's row (an update and its commit per call).
     */
    public void used(Instant now) {
        if (lastUsedAt == null || !now.isBefore(lastUsedAt.plus(USE_GRANULARITY))) {
            this.lastUsedAt = now;
        }
    }

    /** From its expiry on, a token is refused. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Long id() {
        return id;
    }

    public AppUser user() {
        return user;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        return Scope.read(scopes);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant adminUsedAt() {
        return adminUsedAt;
    }
}
