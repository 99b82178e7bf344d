package app.resonance.sharing.entity;

import app.resonance.analytics.entity.SavedView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A read-only link to a saved view: only the SHA-256 of its token is stored; it works until it expires or is
 * revoked, and counts its uses.
 */
@Entity
@Table(name = "share_link")
@NamedQuery(
        name = ShareLink.OF_VIEW,
        query = "SELECT l FROM ShareLink l WHERE l.view.id = :view ORDER BY l.createdAt DESC, l.id DESC")
@NamedQuery(name = ShareLink.BY_HASH, query = "SELECT l FROM ShareLink l WHERE l.tokenHash = :hash")
public class ShareLink {

    public static final String OF_VIEW = "ShareLink.ofView";
    public static final String BY_HASH = "ShareLink.byHash";

    /** Whether a link may be used at a moment. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_link_seq")
    @SequenceGenerator(name = "share_link_seq", sequenceName = "share_link_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "view_id", nullable = false)
    private SavedView view;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "include_comments", nullable = false)
    private boolean includeComments;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "use_count", nullable = false)
    private long useCount;

    protected ShareLink() {}

    public ShareLink(
            SavedView view,
            String tokenHash,
            boolean includeComments,
            String createdBy,
            Instant createdAt,
            Instant expiresAt) {
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A share link expires after it was made");
        }
        this.view = view;
        this.tokenHash = tokenHash;
        this.includeComments = includeComments;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Revoked from the moment it was revoked; else expired from its expiry on; else active. */
    public Status status(Instant now) {
        if (revokedAt != null && !now.isBefore(revokedAt)) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** Revokes the link (a second revocation keeps the first time); false if it was revoked already. */
    public boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public SavedView view() {
        return view;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public boolean includeComments() {
        return includeComments;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public long useCount() {
        return useCount;
    }
}
