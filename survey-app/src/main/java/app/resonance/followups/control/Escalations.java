package app.resonance.followups.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpStatus;
import app.resonance.platform.control.Messages;
import app.resonance.security.entity.AppUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Escalates overdue tasks: an open task routed to a team and past its due time goes once to the team's lead
 * ({@code escalated_at}), with a note in its history (in the lead's language) and an audit entry. Also counts the
 * overdue tasks the console's home page flags.
 */
@ApplicationScoped
public class Escalations {

    static final List<FollowUpStatus> OPEN = List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS);

    @PersistenceContext
    EntityManager em;

    /** Cuts the count to the caller's segments (the home page of a limited user); null in tests. */
    @jakarta.inject.Inject
    FollowUps followUps;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** The ids of open team tasks past their due time and not escalated yet, oldest first. */
    @Transactional
    public List<Long> due(int limit) {
        Instant now = clock.instant();
        return em.createQuery(
                        "SELECT f.id FROM FollowUp f WHERE f.status IN :open AND f.teamId IS NOT NULL"
                                + " AND f.escalatedAt IS NULL AND ((f.dueAt IS NOT NULL AND f.dueAt < :now)"
                                + " OR (f.dueAt IS NULL AND f.dueDate < :today)) ORDER BY f.id",
                        Long.class)
                .setParameter("open", OPEN)
                .setParameter("now", now)
                .setParameter("today", today(now))
                .setMaxResults(limit)
                .getResultList();
    }

    /** Escalates one task if it still is due (checked under a lock); answers whether it did. */
    @Transactional
    public boolean escalate(long id) {
        Instant now = clock.instant();
        FollowUp task = em.find(FollowUp.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || task.teamId().isEmpty()) {
            return false;
        }
        Object[] team = (Object[]) em.createNativeQuery("SELECT lead_id, name FROM team WHERE id = ?")
                .setParameter(1, task.teamId().get())
                .getResultStream()
                .findFirst()
                .orElse(null);
        Long leadId = team == null || team[0] == null ? null : ((Number) team[0]).longValue();
        if (!Routing.escalates(
                !task.status().isClosed(),
                leadId,
                task.escalatedAt().orElse(null),
                task.dueAt().orElse(null),
                task.dueDate(),
                now)) {
            return false;
        }
        AppUser lead = em.find(AppUser.class, leadId);
        Messages messages =
                Messages.of(lead.language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH));
        String teamName = (String) team[1];
        task.escalate(lead, messages.get("escalation.note", lead.displayName(), teamName), now);
        audit.record(AuditArea.TEAM, teamName, "escalated", AuditDetail.of("escalated", task.id(), lead.username()));
        return true;
    }

    /** Open tasks past their due time now (all of them, team or not), and how many of them were escalated. */
    public record Overdue(long tasks, long escalated) {}

    @Transactional
    public Overdue overdue() {
        Instant now = clock.instant();
        Object[] row = (Object[])
                em.createQuery("SELECT COUNT(f), SUM(CASE WHEN f.escalatedAt IS NULL THEN 0 ELSE 1 END) FROM FollowUp f"
                                + " WHERE f.status IN :open AND ((f.dueAt IS NOT NULL AND f.dueAt < :now)"
                                + " OR (f.dueAt IS NULL AND f.dueDate < :today))"
                                + (followUps == null ? "" : followUps.scoped("f")))
                        .setParameter("open", OPEN)
                        .setParameter("now", now)
                        .setParameter("today", today(now))
                        .getSingleResult();
        return new Overdue(
                row[0] == null ? 0 : ((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    private static LocalDate today(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
