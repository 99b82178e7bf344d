package app.resonance.audit.control;

import app.resonance.audit.entity.AuditArea;
import app.resonance.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the audit log in the caller's transaction (a change and its entry commit together) and reads
 * it back newest first. The actor is the logged-in caller, or "system" for work without one.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    private Supplier<String> actor;

    public AuditLog() {}

    /** For use outside the container (tools and tests), with a fixed actor. */
    public AuditLog(EntityManager em, Clock clock, String actor) {
        this.em = em;
        this.clock = clock;
        this.actor = () -> actor;
    }

    /** Records a change; its details are data, read in the reader's language (see {@link AuditDetail}). */
    public void record(AuditArea area, String subject, String action, AuditDetail... details) {
        em.persist(new AuditEntry(
                clock.instant(),
                actor(),
                area,
                subject,
                action,
                AuditDetail.store(List.of(details), AuditEntry.DETAILS_LENGTH)));
    }

    /** Records a change with details gathered one by one (none is fine). */
    public void record(AuditArea area, String subject, String action, List<AuditDetail> details) {
        record(area, subject, action, details.toArray(AuditDetail[]::new));
    }

    String actor() {
        if (actor != null) {
            return actor.get();
        }
        try {
            Principal caller = security.getCallerPrincipal();
            return caller == null ? SYSTEM : caller.getName();
        } catch (RuntimeException e) {
            // no request (start-up work, timers)
            return SYSTEM;
        }
    }

    /** A page of entries, newest first, optionally of one area only. */
    public List<AuditEntry> page(AuditArea area, int offset, int limit) {
        TypedQuery<AuditEntry> query = em.createQuery(
                "SELECT e FROM AuditEntry e" + (area == null ? "" : " WHERE e.area = :area")
                        + " ORDER BY e.occurredAt DESC, e.id DESC",
                AuditEntry.class);
        if (area != null) {
            query.setParameter("area", area);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(AuditArea area) {
        var query = em.createQuery(
                "SELECT COUNT(e) FROM AuditEntry e" + (area == null ? "" : " WHERE e.area = :area"), Long.class);
        if (area != null) {
            query.setParameter("area", area);
        }
        return query.getSingleResult();
    }
}
