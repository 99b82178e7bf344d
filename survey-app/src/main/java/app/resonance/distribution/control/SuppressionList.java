package app.resonance.distribution.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.distribution.entity.Suppression;
import app.resonance.distribution.entity.Suppression.Reason;
import app.resonance.platform.control.AppSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses no invitation or reminder may go to, and how they get there: the recipient unsubscribes (the link
 * and the one-click header of every invitation), the SMTP server refuses the address for good (a 5xx reply), or a
 * bounce or complaint is reported through the API. Every sender asks {@link #suppressed}; an admin may lift an
 * entry. Reports and lifts by people are audited. Joins the caller's transaction or starts one (the public page).
 */
@ApplicationScoped
@Transactional
public class SuppressionList {

    /** Where an entry came from; the console shows each in its language, with the detail after a colon. */
    public static final String LINK = "LINK";

    public static final String ONE_CLICK = "ONE_CLICK";

    public static final String SMTP = "SMTP";

    public static final String API = "API";

    @PersistenceContext
    EntityManager em;

    @Inject
    AppSecrets secrets;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SuppressionList() {}

    /** For use outside the container (tests). */
    public SuppressionList(EntityManager em, AppSecrets secrets, AuditLog audit, Clock clock) {
        this.em = em;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** The public address where this recipient unsubscribes (the link in the mail and its one-click header). */
    public String unsubscribeUrl(String baseUrl, String email) {
        return baseUrl + "/unsubscribe/" + tokens().issue(email);
    }

    /** The address a token of an unsubscribe link stands for, if the token is genuine. */
    public Optional<String> addressOf(String token) {
        return tokens().address(token);
    }

    private volatile UnsubscribeToken tokens;

    private UnsubscribeToken tokens() {
        UnsubscribeToken t = tokens;
        if (t == null) {
            t = new UnsubscribeToken(secrets.unsubscribeKey());
            tokens = t;
        }
        return t;
    }

    /** The active entry of an address, if it is suppressed. */
    public Optional<Suppression> active(String email) {
        return em.createQuery(
                        "SELECT s FROM Suppression s WHERE s.email = :email AND s.liftedAt IS NULL ORDER BY s.id",
                        Suppression.class)
                .setParameter("email", Suppression.normalise(email))
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Which of these addresses are suppressed, normalised. */
    public Set<String> suppressed(Collection<String> emails) {
        List<String> addresses = emails.stream()
                .filter(Objects::nonNull)
                .map(Suppression::normalise)
                .distinct()
                .toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < addresses.size(); from += 500) {
            found.addAll(em.createQuery(
                            "SELECT DISTINCT s.email FROM Suppression s WHERE s.liftedAt IS NULL AND s.email IN :emails",
                            String.class)
                    .setParameter("emails", addresses.subList(from, Math.min(addresses.size(), from + 500)))
                    .getResultList());
        }
        return found;
    }

    /**
     * Suppresses an address from now on (an address already suppressed keeps its entry, which is answered). Not
     * audited: the callers that act for a person audit it themselves.
     */
    public Suppression suppress(String email, Reason reason, String source, Instant at) {
        Optional<Suppression> existing = active(email);
        if (existing.isPresent()) {
            return existing.get();
        }
        Suppression entry = new Suppression(email, reason, source, at);
        em.persist(entry);
        return entry;
    }

    /** The recipient unsubscribed through the page ({@link #LINK}) or with one click ({@link #ONE_CLICK}). */
    public Suppression unsubscribe(String email, String source) {
        return suppress(email, Reason.UNSUBSCRIBED, source, clock.instant());
    }

    /** An admin (or a system through the API) reports a bounce, a complaint or an address to block; audited. */
    public Suppression report(String email, Reason reason, Instant occurredAt, String actor) {
        Instant at = occurredAt == null ? clock.instant() : occurredAt;
        Suppression entry = suppress(email, reason, API + ": " + actor, at);
        audit.record(
                AuditArea.DISTRIBUTION,
                entry.email(),
                "suppressionReported",
                AuditDetail.of("suppressionReported", AuditDetail.text("suppressionReason", reason), at.toString()));
        return entry;
    }

    /** Lifts an active entry: the address may be mailed again; audited. Empty if there is no such active entry. */
    public Optional<Suppression> lift(long id, String actor) {
        Suppression entry = em.find(Suppression.class, id);
        if (entry == null || !entry.active()) {
            return Optional.empty();
        }
        entry.lift(actor, clock.instant());
        audit.record(
                AuditArea.DISTRIBUTION,
                entry.email(),
                "suppressionLifted",
                AuditDetail.of("suppressionLifted", AuditDetail.text("suppressionReason", entry.reason())));
        return Optional.of(entry);
    }

    /** A page of the active entries, newest first, optionally of one reason only. */
    public List<Suppression> page(Reason reason, int offset, int limit) {
        var query = em.createQuery(
                        "SELECT s FROM Suppression s WHERE s.liftedAt IS NULL"
                                + (reason == null ? "" : " AND s.reason = :reason")
                                + " ORDER BY s.createdAt DESC, s.id DESC",
                        Suppression.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        if (reason != null) {
            query.setParameter("reason", reason);
        }
        return query.getResultList();
    }

    /** How many entries are active, optionally of one reason only. */
    public long count(Reason reason) {
        var query = em.createQuery(
                "SELECT COUNT(s) FROM Suppression s WHERE s.liftedAt IS NULL"
                        + (reason == null ? "" : " AND s.reason = :reason"),
                Long.class);
        if (reason != null) {
            query.setParameter("reason", reason);
        }
        return query.getSingleResult();
    }
}
