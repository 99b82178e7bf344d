package app.resonance.responses.control;

import app.resonance.customers.entity.Customer;
import app.resonance.responses.entity.Invitation;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Personal invitation links: issues them (the clear token leaves this class once, in the link) and finds
 * them again by token. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Invitations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Invitations() {}

    /** For use outside the container (tests). */
    public Invitations(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A new invitation: its id, the token to put in the link and the link's path. */
    public record IssuedInvitation(long invitationId, long customerId, String token) {

        /** The personal link, relative to the application's base URL. */
        public String path() {
            return "/i/" + token;
        }

        /** The one-click link that records this score (0-10) for the survey's first NPS question. */
        public String scorePath(int score) {
            return path() + "?score=" + score;
        }
    }

    public IssuedInvitation issue(Survey survey, Customer customer, Long waveId) {
        return issue(survey, customer, waveId, null);
    }

    /** A new invitation that carries an event's attributes (form-encoded; null: none) to its answer. */
    public IssuedInvitation issue(Survey survey, Customer customer, Long waveId, String eventAttributes) {
        String token = Tokens.random();
        Invitation invitation = new Invitation(survey, customer, waveId, Tokens.hash(token), clock.instant())
                .withEventAttributes(eventAttributes);
        em.persist(invitation);
        em.flush();
        return new IssuedInvitation(invitation.id(), customer.id(), token);
    }

    public Optional<Invitation> byToken(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Invitation.BY_TOKEN_HASH, Invitation.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream()
                .findFirst();
    }

    public void markSent(long invitationId) {
        em.find(Invitation.class, invitationId).sent(clock.instant());
    }

    public void markReminded(long invitationId) {
        em.find(Invitation.class, invitationId).reminded(clock.instant());
    }
}
