package app.resonance.distribution.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.distribution.entity.EventDispatch;
import app.resonance.distribution.entity.EventRule;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event rules: which event type invites to which survey, after what delay, for what share of the events and in
 * which sending window. Changes are audited. Joins the caller's transaction or starts one (the console).
 */
@ApplicationScoped
public class EventRules {

    /** Event types: a lower-case letter, then up to 59 lower-case letters, digits, dots, underscores, hyphens. */
    public static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9._-]{0,59}");

    /** The longest delay: 30 days. */
    public static final int MAX_DELAY_MINUTES = 30 * 24 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A rule as given (a survey by its slug); nulls of the optional values take their defaults. */
    public record Definition(
            String eventType,
            String survey,
            Integer delayMinutes,
            Integer samplePercent,
            Integer sendFrom,
            Integer sendUntil,
            String zone,
            Boolean enabled) {}

    /** How many events a rule has sent, skipped, left out of its share, and how many wait. */
    public record Figures(long due, long sent, long skipped, long notSampled) {}

    public List<EventRule> all() {
        return em.createQuery(
                        "SELECT r FROM EventRule r JOIN FETCH r.survey ORDER BY r.eventType, r.id", EventRule.class)
                .getResultList();
    }

    public Optional<EventRule> byId(long id) {
        return Optional.ofNullable(em.find(EventRule.class, id));
    }

    /** The enabled rules for an event type. */
    public List<EventRule> forType(String eventType) {
        return em.createQuery(
                        "SELECT r FROM EventRule r WHERE r.eventType = :type AND r.enabled = TRUE ORDER BY r.id",
                        EventRule.class)
                .setParameter("type", eventType)
                .getResultList();
    }

    /** Each rule's figures by its id. */
    public Map<Long, Figures> figures() {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT d.rule.id, d.status, COUNT(d) FROM EventDispatch d GROUP BY d.rule.id, d.status",
                        Object[].class)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new long[4])[((EventDispatch.Status) row[1]).ordinal()] =
                    ((Number) row[2]).longValue();
        }
        Map<Long, Figures> figures = new HashMap<>();
        counts.forEach((id, c) -> figures.put(id, new Figures(c[0], c[1], c[2], c[3])));
        return figures;
    }

    @Transactional
    public EventRule create(Definition definition, Messages messages) {
        Survey survey = check(definition, messages);
        EventRule rule = apply(new EventRule(survey, clock.instant()), definition, survey);
        em.persist(rule);
        em.flush();
        audit.record(AuditArea.DISTRIBUTION, "event-rule/" + rule.id(), "created", detail(rule));
        return rule;
    }

    @Transactional
    public Optional<EventRule> update(long id, Definition definition, Messages messages) {
        Optional<EventRule> rule = byId(id);
        if (rule.isPresent()) {
            Survey survey = check(definition, messages);
            apply(rule.get(), definition, survey);
            audit.record(AuditArea.DISTRIBUTION, "event-rule/" + id, "updated", detail(rule.get()));
        }
        return rule;
    }

    /** Deletes a rule and what it still had to do. */
    @Transactional
    public boolean delete(long id) {
        Optional<EventRule> rule = byId(id);
        rule.ifPresent(r -> {
            em.createQuery("DELETE FROM EventDispatch d WHERE d.rule = :r")
                    .setParameter("r", r)
                    .executeUpdate();
            em.remove(r);
            audit.record(AuditArea.DISTRIBUTION, "event-rule/" + id, "deleted", detail(r));
        });
        return rule.isPresent();
    }

    private static AuditDetail detail(EventRule rule) {
        return AuditDetail.of(
                "eventRule",
                rule.eventType(),
                rule.survey().slug(),
                rule.delayMinutes(),
                rule.samplePercent(),
                rule.sendFrom() + "-" + rule.sendUntil() + " " + rule.zone());
    }

    private static EventRule apply(EventRule rule, Definition d, Survey survey) {
        return rule.define(
                d.eventType().strip(),
                survey,
                d.delayMinutes() == null ? 0 : d.delayMinutes(),
                d.samplePercent() == null ? 100 : d.samplePercent(),
                d.sendFrom() == null ? 0 : d.sendFrom(),
                d.sendUntil() == null ? 24 : d.sendUntil(),
                d.zone() == null || d.zone().isBlank()
                        ? "UTC"
                        : ZoneId.of(d.zone().strip()).getId(),
                d.enabled() == null || d.enabled());
    }

    /** Checks a definition; returns its survey or throws with every error named. */
    Survey check(Definition d, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (d.eventType() == null || d.eventType().isBlank()) {
            errors.add(messages.error("eventType", "required"));
        } else if (!EVENT_TYPE.matcher(d.eventType().strip()).matches()) {
            errors.add(messages.error("eventType", "eventType"));
        }
        Survey survey = null;
        if (d.survey() == null || d.survey().isBlank()) {
            errors.add(messages.error("survey", "required"));
        } else {
            survey = em.createNamedQuery(Survey.BY_SLUG, Survey.class)
                    .setParameter("slug", d.survey().strip())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        range(errors, messages, "delayMinutes", d.delayMinutes(), 0, MAX_DELAY_MINUTES);
        range(errors, messages, "samplePercent", d.samplePercent(), 1, 100);
        range(errors, messages, "sendFrom", d.sendFrom(), 0, 23);
        range(errors, messages, "sendUntil", d.sendUntil(), 1, 24);
        int from = d.sendFrom() == null ? 0 : d.sendFrom();
        int until = d.sendUntil() == null ? 24 : d.sendUntil();
        if (from >= 0 && from <= 23 && until >= 1 && until <= 24 && from >= until) {
            errors.add(messages.error("sendUntil", "sendWindow"));
        }
        if (d.zone() != null && !d.zone().isBlank() && !validZone(d.zone().strip())) {
            errors.add(messages.error("zone", "timeZone"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventException("problem.invalidEventRule", errors);
        }
        return survey;
    }

    private static void range(
            List<FieldError> errors, Messages messages, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(messages.error(field, "range", min, max));
        }
    }

    /** Whether this is a region-based time zone id (Europe/Berlin) or UTC. */
    public static boolean validZone(String zone) {
        if (zone.length() > 60) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** An event or a rule breaks a rule; the errors name the fields. */
    public static class InvalidEventException extends RuntimeException {
        private final transient List<FieldError> errors;
        private final String problem;

        public InvalidEventException(String problem, List<FieldError> errors) {
            super("Invalid event or event rule");
            this.problem = problem;
            this.errors = errors;
        }

        public String problem() {
            return problem;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
