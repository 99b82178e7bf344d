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

    /**
     * Records an event for an actor named by the caller: a login (the user who logged in, before the request
     * knows its caller) or a use of a token outside the resource's own work.
     */
    public void recordAs(String actor, AuditArea area, String subject, String action, AuditDetail... details) {
        em.persist(new AuditEntry(
                clock.instant(),
                actor,
                area,
                subject,
                action,
                AuditDetail.store(List.of(details), AuditEntry.DETAILS_LENGTH)));
    }

    /**
     * A name someone typed (at a failed login), kept as typed but inert: control characters and lone
     * surrogates are written as a backslash, u and four hex digits (a backslash itself too), so the entry holds one line that no reader mistakes for two.
     */
    public static String typed(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Records a change with details gathered one by one (none is fine). */
    public void record(AuditArea area, String subject, String action, List<AuditDetail> details) {
        record(area, subject, action, details.toArray(AuditDetail[]::new));
    }

    public String actor() {
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
