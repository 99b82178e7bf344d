package app.resonance.distribution.control;

import app.resonance.customers.entity.Customer;
import app.resonance.distribution.control.EventRules.InvalidEventException;
import app.resonance.distribution.entity.CustomerEvent;
import app.resonance.distribution.entity.EventDispatch;
import app.resonance.distribution.entity.EventRule;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.HiddenFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes in the events a CRM or helpdesk posts: checks them, stores each once (the sender's id decides: the same id
 * again stores and schedules nothing and answers the first event), and plans what every enabled rule for the event's
 * type does with it: due at its time ({@link EventSchedule}), or not sampled. Runs in the caller's transaction.
 */
@ApplicationScoped
public class EventIntake {

    /** External ids: 1 to 100 visible ASCII characters. */
    public static final Pattern EXTERNAL_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public static final int MAX_ATTRIBUTES = 20;

    /** How far in the future an event's time may lie (clocks differ). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    EventRules rules;

    @Inject
    Clock clock;

    /** An event as posted; the customer by its external id. */
    public record Posted(
            String id,
            String type,
            String customer,
            String occurredAt,
            String timeZone,
            Map<String, String> attributes) {}

    /** The stored event, whether it was new, and what the rules do with it. */
    public record Received(CustomerEvent event, boolean duplicate, List<EventDispatch> dispatches) {}

    @Transactional
    public Received receive(Posted posted, String baseUrl, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        String id = posted.id() == null ? "" : posted.id().strip();
        if (id.isEmpty()) {
            errors.add(messages.error("id", "required"));
        } else if (!EXTERNAL_ID.matcher(id).matches()) {
            errors.add(messages.error("id", "externalEventId"));
        }
        String type = posted.type() == null ? "" : posted.type().strip();
        if (type.isEmpty()) {
            errors.add(messages.error("type", "required"));
        } else if (!EventRules.EVENT_TYPE.matcher(type).matches()) {
            errors.add(messages.error("type", "eventType"));
        }
        Customer customer = null;
        if (posted.customer() == null || posted.customer().isBlank()) {
            errors.add(messages.error("customer", "required"));
        } else {
            customer = em.createNamedQuery(Customer.BY_EXTERNAL_IDS, Customer.class)
                    .setParameter("externalIds", List.of(posted.customer().strip()))
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (customer == null) {
                errors.add(messages.error("customer", "unknownCustomer"));
            }
        }
        Instant now = clock.instant();
        Instant occurredAt = now;
        if (posted.occurredAt() != null && !posted.occurredAt().isBlank()) {
            try {
                occurredAt = OffsetDateTime.parse(posted.occurredAt().strip()).toInstant();
                if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
                    errors.add(messages.error("occurredAt", "inFuture"));
                }
            } catch (DateTimeParseException e) {
                errors.add(messages.error("occurredAt", "expectedInstant"));
            }
        }
        String zone = posted.timeZone() == null || posted.timeZone().isBlank()
                ? null
                : posted.timeZone().strip();
        if (zone != null && !EventRules.validZone(zone)) {
            errors.add(messages.error("timeZone", "timeZone"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (posted.attributes() != null) {
            if (posted.attributes().size() > MAX_ATTRIBUTES) {
                errors.add(messages.error("attributes", "tooMany", MAX_ATTRIBUTES));
            }
            posted.attributes().forEach((name, value) -> {
                if (name == null || !HiddenFields.NAME.matcher(name).matches()) {
                    errors.add(messages.error("attributes." + name, "hiddenFieldName"));
                } else if (value != null && value.length() > HiddenFields.MAX_VALUE) {
                    errors.add(messages.error("attributes." + name, "tooLong", HiddenFields.MAX_VALUE));
                } else {
                    String clean = HiddenFields.clean(value);
                    if (clean != null) {
                        attributes.put(name, clean);
                    }
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventException("problem.invalidEvent", errors);
        }
        var known = em.createNamedQuery(CustomerEvent.BY_EXTERNAL_ID, CustomerEvent.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
        if (known.isPresent()) {
            return new Received(known.get(), true, dispatches(known.get()));
        }
        CustomerEvent event = new CustomerEvent(id, type, customer, occurredAt, zone, attributes, baseUrl, now);
        em.persist(event);
        List<EventDispatch> dispatches = new ArrayList<>();
        for (EventRule rule : rules.forType(type)) {
            ZoneId local = zone == null ? rule.zoneId() : ZoneId.of(zone);
            boolean sampled = EventSchedule.sampled(id, rule.samplePercent());
            Instant due = sampled
                    ? EventSchedule.dueAt(occurredAt, rule.delay(), now, local, rule.sendFrom(), rule.sendUntil())
                    : now;
            EventDispatch dispatch = new EventDispatch(
                    event, rule, sampled ? EventDispatch.Status.DUE : EventDispatch.Status.NOT_SAMPLED, due, now);
            em.persist(dispatch);
            dispatches.add(dispatch);
        }
        em.flush(); // a second event with the same id at the same moment fails here (unique external id)
        return new Received(event, false, dispatches);
    }

    /** What the rules do with an event, in the order of the rules. */
    public List<EventDispatch> dispatches(CustomerEvent event) {
        return em.createQuery(
                        "SELECT d FROM EventDispatch d JOIN FETCH d.rule WHERE d.event = :e ORDER BY d.rule.id",
                        EventDispatch.class)
                .setParameter("e", event)
                .getResultList();
    }
}
