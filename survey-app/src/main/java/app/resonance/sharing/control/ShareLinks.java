package app.resonance.sharing.control;

import app.resonance.analytics.entity.SavedView;
import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.Tokens;
import app.resonance.sharing.entity.ShareLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Share links of saved views: made with a required lifetime of 1 to 90 days (the token, 256 random bits, is
 * answered once; only its SHA-256 is kept, as for invitations), listed, revoked, and opened by their token. Making
 * and revoking are audited, and so is every use, with the link's id.
 */
@ApplicationScoped
public class ShareLinks {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 90;

    /** Who the audit names for a use of a link: nobody logs in. */
    public static final String VISITOR = "share-link";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @Inject
    app.resonance.platform.control.DataScopes scopes;

    private void requireSegment(String segmentKey, String field) {
        if (scopes != null) {
            scopes.current().requireSegment(segmentKey, field);
        }
    }

    /** A new link and, only here, its token. */
    public record Created(ShareLink link, String token) {}

    /** What a token opens: an active link, a link that expired or was revoked, or nothing. */
    public sealed interface Opened permits Opened.Active, Opened.Gone, Opened.Unknown {
        record Active(ShareLink link) implements Opened {}

        record Gone() implements Opened {}

        record Unknown() implements Opened {}
    }

    /** The errors of a lifetime (none if a link may be made with it): required, 1 to 90 days. */
    public static List<FieldError> check(Integer expiresInDays, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (expiresInDays == null) {
            errors.add(messages.error("expiresInDays", "required"));
        } else if (expiresInDays < MIN_DAYS || expiresInDays > MAX_DAYS) {
            errors.add(messages.error("expiresInDays", "outOfRange", MIN_DAYS, MAX_DAYS));
        }
        return errors;
    }

    /** The moment a link made at {@code now} for {@code days} days stops working. */
    public static Instant expiry(Instant now, int days) {
        return now.plus(Duration.ofDays(days));
    }

    /** Makes a link to the view after {@link #check}; answers it with its token, which is not kept. */
    @Transactional
    public Created create(SavedView view, int days, boolean includeComments, String createdBy) {
        // what visitors see must not reach beyond what the link's maker may see
        requireSegment(view.segment(), "view.segment");
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("A share link lives 1 to 90 days");
        }
        String token = Tokens.random();
        Instant now = clock.instant();
        ShareLink link =
                new ShareLink(em.merge(view), Tokens.hash(token), includeComments, createdBy, now, expiry(now, days));
        em.persist(link);
        em.flush();
        audit.record(
                AuditArea.SHARE_LINK,
                view.name(),
                "created",
                AuditDetail.of("shareLinkCreated", link.id(), link.expiresAt().toString(), includeComments));
        return new Created(link, token);
    }

    /** A view's links, newest first. */
    @Transactional
    public List<ShareLink> of(long viewId) {
        return em.createNamedQuery(ShareLink.OF_VIEW, ShareLink.class)
                .setParameter("view", viewId)
                .getResultList();
    }

    @Transactional
    public Optional<ShareLink> byId(long id) {
        return Optional.ofNullable(em.find(ShareLink.class, id));
    }

    /** Revokes a link: it answers 410 from now on. Empty if there is no such link. */
    @Transactional
    public Optional<ShareLink> revoke(long id) {
        ShareLink link = em.find(ShareLink.class, id);
        if (link == null) {
            return Optional.empty();
        }
        if (link.revoke(clock.instant())) {
            audit.record(AuditArea.SHARE_LINK, link.view().name(), "revoked", AuditDetail.of("shareLink", link.id()));
        }
        return Optional.of(link);
    }

    /**
     * Opens a link by its token: counts and audits the use of an active link (and audits a refused use of an
     * expired or revoked one). A text that cannot be a token is unknown without a lookup.
     */
    @Transactional
    public Opened open(String token) {
        if (!Tokens.wellFormed(token)) {
            return new Opened.Unknown();
        }
        Optional<ShareLink> found = em.createNamedQuery(ShareLink.BY_HASH, ShareLink.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream()
                .findFirst();
        if (found.isEmpty()) {
            return new Opened.Unknown();
        }
        ShareLink link = found.get();
        Instant now = clock.instant();
        ShareLink.Status status = link.status(now);
        if (status != ShareLink.Status.ACTIVE) {
            audit.recordAs(
                    VISITOR,
                    AuditArea.SHARE_LINK,
                    link.view().name(),
                    "refused",
                    AuditDetail.of("shareLinkRefused", link.id(), AuditDetail.text("shareLinkStatus", status)));
            return new Opened.Gone();
        }
        // one statement, so that uses at the same moment on two instances are both counted
        em.createQuery("UPDATE ShareLink l SET l.useCount = l.useCount + 1, l.lastUsedAt = :now WHERE l.id = :id")
                .setParameter("now", now)
                .setParameter("id", link.id())
                .executeUpdate();
        audit.recordAs(
                VISITOR, AuditArea.SHARE_LINK, link.view().name(), "used", AuditDetail.of("shareLink", link.id()));
        return new Opened.Active(link);
    }
}
