package app.resonance.security.entity;

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
import java.time.Instant;

/** A token for scripts and integrations; only its SHA-256 is stored, the token itself is shown once. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.tokenHash = :hash")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";

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

    protected ApiToken() {}

    public ApiToken(AppUser user, String name, String tokenHash, Instant now) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = now;
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

    /** How often a token's last use is written at most. */
    public static final java.time.Duration USE_GRANULARITY = java.time.Duration.ofMinutes(1);

    public Long id() {
        return id;
    }

    public AppUser user() {
        return user;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
