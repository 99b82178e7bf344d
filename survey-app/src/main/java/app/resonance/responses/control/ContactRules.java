package app.resonance.responses.control;

import app.resonance.customers.entity.Customer;
import app.resonance.responses.entity.ContactSkip;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contact rules, one set for every channel that asks a known customer (invitation waves, the identified widget):
 * nobody is asked again within {@code resonance.contact.limitDays} (30) of being asked by any survey, nor within
 * {@code resonance.contact.relationshipDays} (90) or {@code resonance.contact.transactionalDays} (30) of being asked
 * by a survey of the same kind. "Asked" means invited, or answered with the customer known (a public link with a
 * signed customer, the widget). What a rule holds back is recorded as a {@link ContactSkip} with its reason.
 */
@ApplicationScoped
public class ContactRules {

    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "resonance.contact.limitDays", defaultValue = "30")
    int overallDays;

    @Inject
    @ConfigProperty(name = "resonance.contact.relationshipDays", defaultValue = "90")
    int relationshipDays;

    @Inject
    @ConfigProperty(name = "resonance.contact.transactionalDays", defaultValue = "30")
    int transactionalDays;

    public ContactRules() {}

    /** For use outside the container (tests). */
    public ContactRules(EntityManager em, Limits limits) {
        this.em = em;
        this.overallDays = limits.overallDays();
        this.relationshipDays = limits.relationshipDays();
        this.transactionalDays = limits.transactionalDays();
    }

    /** The limits in days: overall, and per kind of survey. */
    public record Limits(int overallDays, int relationshipDays, int transactionalDays) {

        public int days(ContactKind kind) {
            return kind == ContactKind.TRANSACTIONAL ? transactionalDays : relationshipDays;
        }

        /** Why a customer last asked at these times may not be asked by a survey of this kind now, if at all. */
        public Optional<ContactSkip.Reason> heldBack(ContactKind kind, List<Asked> asked, Instant now) {
            Instant overall = now.minus(Duration.ofDays(overallDays));
            Instant sameKind = now.minus(Duration.ofDays(days(kind)));
            if (asked.stream().anyMatch(a -> !a.at().isBefore(overall))) {
                return Optional.of(ContactSkip.Reason.CONTACTED_RECENTLY);
            }
            if (asked.stream().anyMatch(a -> a.kind() == kind && !a.at().isBefore(sameKind))) {
                return Optional.of(ContactSkip.Reason.SAME_KIND_RECENTLY);
            }
            return Optional.empty();
        }

        Duration lookBack() {
            return Duration.ofDays(Math.max(overallDays, Math.max(relationshipDays, transactionalDays)));
        }
    }

    /** A time a customer was asked, by a survey of this kind. */
    public record Asked(Instant at, ContactKind kind) {}

    public Limits limits() {
        return new Limits(overallDays, relationshipDays, transactionalDays);
    }

    /** The customers among these whom a rule holds back from this survey now, with the reason. */
    public Map<Long, ContactSkip.Reason> heldBack(Survey survey, List<Long> customerIds, Instant now) {
        Limits limits = limits();
        Instant since = now.minus(limits.lookBack());
        Map<Long, List<Asked>> asked = new HashMap<>();
        for (int from = 0; from < customerIds.size(); from += BATCH) {
            List<Long> batch = customerIds.subList(from, Math.min(customerIds.size(), from + BATCH));
            collect(
                    asked,
                    "SELECT i.customer.id, i.createdAt, i.survey.contactKind FROM Invitation i"
                            + " WHERE i.customer.id IN :ids AND i.createdAt >= :since",
                    batch,
                    since);
            collect(
                    asked,
                    "SELECT r.customer.id, r.submittedAt, r.survey.contactKind FROM Response r"
                            + " WHERE r.customer.id IN :ids AND r.submittedAt >= :since",
                    batch,
                    since);
        }
        Map<Long, ContactSkip.Reason> held = new HashMap<>();
        asked.forEach((customer, times) ->
                limits.heldBack(survey.contactKind(), times, now).ifPresent(reason -> held.put(customer, reason)));
        return held;
    }

    /** Why a rule holds this customer back from this survey now, if one does. */
    public Optional<ContactSkip.Reason> heldBack(Survey survey, Customer customer, Instant now) {
        return Optional.ofNullable(heldBack(survey, List.of(customer.id()), now).get(customer.id()));
    }

    private void collect(Map<Long, List<Asked>> asked, String jpql, List<Long> ids, Instant since) {
        for (Object[] row : em.createQuery(jpql, Object[].class)
                .setParameter("ids", ids)
                .setParameter("since", since)
                .getResultList()) {
            asked.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new Asked((Instant) row[1], (ContactKind) row[2]));
        }
    }

    /**
     * Whether this channel may ask this customer now (the identified widget); if not, the skip is recorded with its
     * reason.
     */
    @Transactional
    public boolean mayAsk(Survey survey, Customer customer, ContactSkip.Channel channel, Instant now) {
        Optional<ContactSkip.Reason> reason = heldBack(survey, customer, now);
        reason.ifPresent(why -> skipped(customer, survey, null, channel, why, now));
        return reason.isEmpty();
    }

    /**
     * Records that a channel did not ask this customer. The widget, asked on every page view, records a customer and
     * survey at most once a day.
     */
    public void skipped(
            Customer customer,
            Survey survey,
            Long waveId,
            ContactSkip.Channel channel,
            ContactSkip.Reason reason,
            Instant now) {
        if (channel == ContactSkip.Channel.WIDGET
                && !em.createQuery(
                                "SELECT s.id FROM ContactSkip s WHERE s.customer.id = :c AND s.survey.id = :s"
                                        + " AND s.channel = :channel AND s.skippedAt >= :since",
                                Long.class)
                        .setParameter("c", customer.id())
                        .setParameter("s", survey.id())
                        .setParameter("channel", channel)
                        .setParameter("since", now.minus(Duration.ofDays(1)))
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()) {
            return;
        }
        // references by id: the survey may be the shared published graph, detached from this context
        em.persist(new ContactSkip(
                em.getReference(Customer.class, customer.id()),
                em.getReference(Survey.class, survey.id()),
                waveId,
                channel,
                reason,
                now));
    }

    /** One line of a customer's contact history: invited, answered, or not asked (with the channel and reason). */
    public record ContactEvent(
            Instant at,
            String survey,
            ContactKind kind,
            What what,
            ContactSkip.Channel channel,
            ContactSkip.Reason reason) {

        public enum What {
            INVITED,
            ANSWERED,
            SKIPPED
        }
    }

    /** The customer's newest contacts (at most {@code max}), newest first. */
    public List<ContactEvent> history(Customer customer, int max) {
        List<ContactEvent> events = new ArrayList<>();
        em.createQuery(
                        "SELECT i.createdAt, i.survey.slug, i.survey.contactKind FROM Invitation i"
                                + " WHERE i.customer = :c ORDER BY i.createdAt DESC",
                        Object[].class)
                .setParameter("c", customer)
                .setMaxResults(max)
                .getResultList()
                .forEach(r -> events.add(new ContactEvent(
                        (Instant) r[0], (String) r[1], (ContactKind) r[2], ContactEvent.What.INVITED, null, null)));
        em.createQuery(
                        "SELECT r.submittedAt, r.survey.slug, r.survey.contactKind FROM Response r"
                                + " WHERE r.customer = :c ORDER BY r.submittedAt DESC",
                        Object[].class)
                .setParameter("c", customer)
                .setMaxResults(max)
                .getResultList()
                .forEach(r -> events.add(new ContactEvent(
                        (Instant) r[0], (String) r[1], (ContactKind) r[2], ContactEvent.What.ANSWERED, null, null)));
        em.createQuery(
                        "SELECT s.skippedAt, s.survey.slug, s.survey.contactKind, s.channel, s.reason FROM ContactSkip s"
                                + " WHERE s.customer = :c ORDER BY s.skippedAt DESC",
                        Object[].class)
                .setParameter("c", customer)
                .setMaxResults(max)
                .getResultList()
                .forEach(r -> events.add(new ContactEvent(
                        (Instant) r[0],
                        (String) r[1],
                        (ContactKind) r[2],
                        ContactEvent.What.SKIPPED,
                        (ContactSkip.Channel) r[3],
                        (ContactSkip.Reason) r[4])));
        events.sort(java.util.Comparator.comparing(ContactEvent::at).reversed());
        return events.size() > max ? List.copyOf(events.subList(0, max)) : events;
    }
}
