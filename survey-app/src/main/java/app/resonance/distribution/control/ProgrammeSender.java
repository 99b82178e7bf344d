package app.resonance.distribution.control;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.entity.Programme;
import app.resonance.distribution.entity.ProgrammeSend;
import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.Invitations;
import app.resonance.responses.entity.ContactSkip;
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
import java.util.Optional;

/**
 * Runs the programmes: plans a cycle when it begins (the segment's members of that day, once each, their send times
 * spread over the cycle's window by {@link ProgrammeSchedule}) and sends the planned invitations once due, through the
 * same path as a wave's and an event rule's: the suppression list, the contact rules ({@link ContactRules}), a personal
 * invitation and its mail in the outbox. A send not made is recorded with the reason, on the planned row and, for a
 * reason of the customer's, as a {@link ContactSkip} of the PROGRAMME channel. Planning locks the programme's row and
 * sending locks the planned row, each in a transaction of its own, so two instances never plan or send twice.
 */
@ApplicationScoped
public class ProgrammeSender {

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog segments;

    @Inject
    Invitations invitations;

    @Inject
    MailOutbox outbox;

    @Inject
    SuppressionList suppressions;

    @Inject
    ContactRules contactRules;

    @Inject
    Clock clock;

    public ProgrammeSender() {}

    /** For use outside the container (tests). */
    public ProgrammeSender(
            EntityManager em,
            SegmentCatalog segments,
            Invitations invitations,
            MailOutbox outbox,
            SuppressionList suppressions,
            ContactRules contactRules,
            Clock clock) {
        this.em = em;
        this.segments = segments;
        this.invitations = invitations;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.contactRules = contactRules;
        this.clock = clock;
    }

    /** The active programmes whose running cycle has not been planned yet. */
    @Transactional
    public List<Long> toPlan() {
        Instant now = clock.instant();
        return em
                .createQuery(
                        "SELECT p FROM Programme p WHERE p.status = :active AND p.startAt <= :now ORDER BY p.id",
                        Programme.class)
                .setParameter("active", Programme.Status.ACTIVE)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .filter(p -> ProgrammeSchedule.cycleAt(p.startAt(), p.cadenceDays(), now) > p.plannedCycle())
                .map(Programme::id)
                .toList();
    }

    /**
     * Plans the running cycle of an active programme, if not planned yet (by another instance: the row lock makes it
     * wait and then see it planned); what an earlier cycle left unsent is cancelled. Returns the number planned.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int plan(long programmeId) {
        Programme programme = em.find(Programme.class, programmeId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (programme == null || programme.status() != Programme.Status.ACTIVE) {
            return 0;
        }
        int cycle = ProgrammeSchedule.cycleAt(programme.startAt(), programme.cadenceDays(), now);
        if (cycle <= programme.plannedCycle()) {
            return 0;
        }
        em.createQuery(
                        "SELECT s FROM ProgrammeSend s WHERE s.programme = :p AND s.status = :planned",
                        ProgrammeSend.class)
                .setParameter("p", programme)
                .setParameter("planned", ProgrammeSend.Status.PLANNED)
                .getResultList()
                .forEach(s -> s.cancelled(ProgrammeSend.CYCLE_OVER, now));
        List<Long> members = segments.byKey(programme.segmentKey())
                .map(Segment::rules)
                .map(rules -> segments.memberIds(rules, LocalDate.ofInstant(now, ZoneOffset.UTC)))
                .orElse(List.of());
        Instant start = ProgrammeSchedule.cycleStart(programme.startAt(), programme.cadenceDays(), cycle);
        Instant[] window = ProgrammeSchedule.window(start, programme.windowDays(), now);
        List<ProgrammeSchedule.Planned> planned = ProgrammeSchedule.spread(members, window[0], window[1]);
        for (ProgrammeSchedule.Planned p : planned) {
            em.persist(
                    new ProgrammeSend(programme, cycle, em.getReference(Customer.class, p.customerId()), p.sendAt()));
        }
        programme.planned(cycle);
        return planned.size();
    }

    /** The ids of the planned sends of active programmes due now, the soonest first. */
    @Transactional
    public List<Long> due(int max) {
        return em.createQuery(
                        "SELECT s.id FROM ProgrammeSend s WHERE s.status = :planned AND s.sendAt <= :now"
                                + " AND s.programme.status = :active ORDER BY s.sendAt, s.id",
                        Long.class)
                .setParameter("planned", ProgrammeSend.Status.PLANNED)
                .setParameter("active", Programme.Status.ACTIVE)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** Sends one due send, or records why not; one already done, or of a programme not active, is left alone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProgrammeSend.Status> send(long sendId) {
        ProgrammeSend send = em.find(ProgrammeSend.class, sendId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (send == null
                || send.status() != ProgrammeSend.Status.PLANNED
                || send.sendAt().isAfter(now)
                || send.programme().status() != Programme.Status.ACTIVE) {
            return Optional.empty();
        }
        Programme programme = send.programme();
        var outcome = new TimedInvitation(invitations, outbox, suppressions, contactRules)
                .send(
                        programme.survey(),
                        send.customer(),
                        ContactSkip.Channel.PROGRAMME,
                        programme.baseUrl(),
                        null,
                        now);
        if (outcome.sent()) {
            send.sent(outcome.invitationId(), now);
        } else {
            send.skipped(outcome.skipped(), now);
        }
        return Optional.of(send.status());
    }
}
