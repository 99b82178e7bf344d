package app.resonance.distribution.control;

import app.resonance.distribution.entity.EventDispatch;
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
import java.util.List;
import java.util.Optional;

/**
 * Sends what the event rules planned once it is due: a personal invitation (carrying the event's attributes to the
 * answer) and its mail through the outbox, the same path as a wave's. Like a wave it respects the suppression list
 * and the contact rules ({@link ContactRules}); an event it does not send is recorded with the reason, on the
 * dispatch and, for a reason of the customer's, as a {@link ContactSkip} of the EVENT channel. Each dispatch is sent
 * in a transaction of its own, locked, so two instances never send it twice.
 */
@ApplicationScoped
public class EventSender {

    /** Why a due event was not sent though the customer could have been asked: the survey takes no answers. */
    public static final String SURVEY_NOT_OPEN = "SURVEY_NOT_OPEN";

    @PersistenceContext
    EntityManager em;

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

    public EventSender() {}

    /** For use outside the container (tests). */
    public EventSender(
            EntityManager em,
            Invitations invitations,
            MailOutbox outbox,
            SuppressionList suppressions,
            ContactRules contactRules,
            Clock clock) {
        this.em = em;
        this.invitations = invitations;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.contactRules = contactRules;
        this.clock = clock;
    }

    /** The ids of the dispatches due now, the oldest first. */
    @Transactional
    public List<Long> due(int max) {
        return em.createQuery(
                        "SELECT d.id FROM EventDispatch d WHERE d.status = :due AND d.dueAt <= :now"
                                + " ORDER BY d.dueAt, d.id",
                        Long.class)
                .setParameter("due", EventDispatch.Status.DUE)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** Sends one due dispatch, or records why not; one already done (by another instance) is left alone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<EventDispatch.Status> send(long dispatchId) {
        EventDispatch dispatch = em.find(EventDispatch.class, dispatchId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (dispatch == null
                || dispatch.status() != EventDispatch.Status.DUE
                || dispatch.dueAt().isAfter(now)) {
            return Optional.empty();
        }
        var event = dispatch.event();
        var outcome = new TimedInvitation(invitations, outbox, suppressions, contactRules)
                .send(
                        dispatch.rule().survey(),
                        event.customer(),
                        ContactSkip.Channel.EVENT,
                        event.baseUrl(),
                        event.attributesEncoded(),
                        now);
        if (outcome.sent()) {
            dispatch.sent(outcome.invitationId(), now);
        } else {
            dispatch.skipped(outcome.skipped(), now);
        }
        return Optional.of(dispatch.status());
    }
}
