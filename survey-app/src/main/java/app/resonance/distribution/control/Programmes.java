package app.resonance.distribution.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.distribution.control.EventRules.InvalidEventException;
import app.resonance.distribution.entity.Programme;
import app.resonance.distribution.entity.ProgrammeSend;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recurring programmes: which survey goes to which segment every how many days, spread over how many days, from
 * when; pausing, resuming (what was planned moves by the pause's length, so the spreading holds) and ending (what was
 * not sent is cancelled); and each programme's history per cycle. Changes are audited. Joins the caller's transaction
 * or starts one (the console).
 */
@ApplicationScoped
public class Programmes {

    /** The longest cadence: two years. */
    public static final int MAX_CADENCE_DAYS = 730;

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog segments;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Programmes() {}

    /** For use outside the container (tests). */
    public Programmes(EntityManager em, SegmentCatalog segments, AuditLog audit, Clock clock) {
        this.em = em;
        this.segments = segments;
        this.audit = audit;
        this.clock = clock;
    }

    /** A programme as given (a survey by its slug, a segment by its key, the start as YYYY-MM-DD, 00:00 UTC). */
    public record Definition(
            String name, String survey, String segment, Integer cadenceDays, Integer windowDays, String startDate) {}

    /** One cycle's figures: skipped by reason, answered: invitations of the cycle with a response. */
    public record Cycle(
            int cycle,
            Instant startsAt,
            long planned,
            long waiting,
            long sent,
            long skipped,
            Map<String, Long> skippedBy,
            long cancelled,
            long answered) {}

    /** A send still to come. */
    public record NextSend(Instant sendAt, int cycle, String customer, String customerName) {}

    public List<Programme> all() {
        return em.createQuery("SELECT p FROM Programme p JOIN FETCH p.survey ORDER BY p.name, p.id", Programme.class)
                .getResultList();
    }

    public Optional<Programme> byId(long id) {
        return Optional.ofNullable(em.find(Programme.class, id));
    }

    @Transactional
    public Programme create(Definition definition, String baseUrl, String actor, Messages messages) {
        Instant now = clock.instant();
        Survey survey = check(definition, null, messages);
        Programme programme = new Programme(baseUrl, actor, now);
        apply(programme, definition, survey);
        em.persist(programme);
        em.flush();
        audit.record(AuditArea.DISTRIBUTION, "programme/" + programme.id(), "created", detail(programme));
        return programme;
    }

    /** Changes a programme; the start date only before its first cycle was planned. Empty: no such programme. */
    @Transactional
    public Optional<Programme> update(long id, Definition definition, Messages messages) {
        Optional<Programme> found = byId(id);
        if (found.isPresent()) {
            Programme programme = found.get();
            if (programme.status() == Programme.Status.ENDED) {
                throw new StateException("problem.programmeEnded");
            }
            Survey survey = check(definition, programme, messages);
            apply(programme, definition, survey);
            audit.record(AuditArea.DISTRIBUTION, "programme/" + id, "updated", detail(programme));
        }
        return found;
    }

    @Transactional
    public Optional<Programme> pause(long id) {
        return change(id, Programme.Status.ACTIVE, "paused", p -> p.pause(clock.instant()));
    }

    /** Active again; what was planned and not sent moves later by the pause's length. */
    @Transactional
    public Optional<Programme> resume(long id) {
        return change(id, Programme.Status.PAUSED, "resumed", p -> {
            Duration paused = p.resume(clock.instant());
            if (!paused.isZero()) {
                planned(p).forEach(s -> s.postpone(paused));
            }
        });
    }

    /** Ends a programme; what it had not sent is cancelled. */
    @Transactional
    public Optional<Programme> end(long id) {
        Optional<Programme> found = byId(id);
        if (found.isPresent() && found.get().status() == Programme.Status.ENDED) {
            throw new StateException("problem.programmeEnded");
        }
        found.ifPresent(p -> {
            em.lock(p, LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            p.end();
            planned(p).forEach(s -> s.cancelled(ProgrammeSend.ENDED, now));
            audit.record(AuditArea.DISTRIBUTION, "programme/" + id, "ended", detail(p));
        });
        return found;
    }

    private Optional<Programme> change(
            long id, Programme.Status from, String action, java.util.function.Consumer<Programme> work) {
        Optional<Programme> found = byId(id);
        found.ifPresent(p -> {
            em.lock(p, LockModeType.PESSIMISTIC_WRITE);
            if (p.status() != from) {
                throw new StateException(
                        p.status() == Programme.Status.ENDED
                                ? "problem.programmeEnded"
                                : from == Programme.Status.ACTIVE
                                        ? "problem.programmeNotActive"
                                        : "problem.programmeNotPaused");
            }
            work.accept(p);
            audit.record(AuditArea.DISTRIBUTION, "programme/" + id, action, detail(p));
        });
        return found;
    }

    private List<ProgrammeSend> planned(Programme p) {
        return em.createQuery(
                        "SELECT s FROM ProgrammeSend s WHERE s.programme = :p AND s.status = :planned",
                        ProgrammeSend.class)
                .setParameter("p", p)
                .setParameter("planned", ProgrammeSend.Status.PLANNED)
                .getResultList();
    }

    /** The programme's cycles that have been planned, newest first. */
    public List<Cycle> history(Programme p) {
        Map<Integer, long[]> counts = new TreeMap<>();
        Map<Integer, Map<String, Long>> reasons = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT s.cycle, s.status, s.reason, COUNT(s) FROM ProgrammeSend s WHERE s.programme = :p"
                                + " GROUP BY s.cycle, s.status, s.reason",
                        Object[].class)
                .setParameter("p", p)
                .getResultList()) {
            int cycle = (Integer) row[0];
            ProgrammeSend.Status status = (ProgrammeSend.Status) row[1];
            long count = ((Number) row[3]).longValue();
            counts.computeIfAbsent(cycle, k -> new long[5])[status.ordinal()] += count;
            if (status == ProgrammeSend.Status.SKIPPED) {
                reasons.computeIfAbsent(cycle, k -> new TreeMap<>()).merge((String) row[2], count, Long::sum);
            }
        }
        for (Object[] row : em.createQuery(
                        "SELECT s.cycle, COUNT(DISTINCT r.id) FROM ProgrammeSend s, Response r"
                                + " WHERE s.programme = :p AND r.invitation.id = s.invitationId GROUP BY s.cycle",
                        Object[].class)
                .setParameter("p", p)
                .getResultList()) {
            counts.computeIfAbsent((Integer) row[0], k -> new long[5])[4] = ((Number) row[1]).longValue();
        }
        List<Cycle> cycles = new ArrayList<>();
        counts.forEach((cycle, c) -> cycles.add(
                0,
                new Cycle(
                        cycle,
                        ProgrammeSchedule.cycleStart(p.startAt(), p.cadenceDays(), cycle),
                        c[0] + c[1] + c[2] + c[3],
                        c[0],
                        c[1],
                        c[2],
                        reasons.getOrDefault(cycle, Map.of()),
                        c[3],
                        c[4])));
        return cycles;
    }

    /** The next sends planned, the soonest first. */
    public List<NextSend> nextSends(Programme p, int max) {
        return em
                .createQuery(
                        "SELECT s.sendAt, s.cycle, c.externalId, c.name FROM ProgrammeSend s JOIN s.customer c"
                                + " WHERE s.programme = :p AND s.status = :planned ORDER BY s.sendAt, s.id",
                        Object[].class)
                .setParameter("p", p)
                .setParameter("planned", ProgrammeSend.Status.PLANNED)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(r -> new NextSend((Instant) r[0], (Integer) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /**
     * The first sends of the next cycle as it would be planned from the segment's members of today (it is planned
     * from the members of the day it begins); empty once ended.
     */
    public List<NextSend> preview(Programme p, int max) {
        Optional<Instant> next = nextCycleStart(p);
        if (next.isEmpty()) {
            return List.of();
        }
        int cycle = ProgrammeSchedule.cycleAt(p.startAt(), p.cadenceDays(), next.get());
        List<Long> members = segments.byKey(p.segmentKey())
                .map(s -> segments.memberIds(s.rules(), LocalDate.now(clock.withZone(ZoneOffset.UTC))))
                .orElse(List.of());
        List<ProgrammeSchedule.Planned> first =
                ProgrammeSchedule.spread(members, next.get(), next.get().plus(Duration.ofDays(p.windowDays()))).stream()
                        .limit(max)
                        .toList();
        if (first.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> customers = new java.util.HashMap<>();
        em.createQuery("SELECT c.id, c.externalId, c.name FROM Customer c WHERE c.id IN :ids", Object[].class)
                .setParameter(
                        "ids",
                        first.stream()
                                .map(ProgrammeSchedule.Planned::customerId)
                                .toList())
                .getResultList()
                .forEach(r -> customers.put((Long) r[0], r));
        return first.stream()
                .map(f -> {
                    Object[] c = customers.get(f.customerId());
                    return new NextSend(f.sendAt(), cycle, (String) c[1], (String) c[2]);
                })
                .toList();
    }

    /** When the next cycle after the running (or last planned) one starts; empty once ended. */
    public Optional<Instant> nextCycleStart(Programme p) {
        if (p.status() == Programme.Status.ENDED) {
            return Optional.empty();
        }
        int running =
                Math.max(ProgrammeSchedule.cycleAt(p.startAt(), p.cadenceDays(), clock.instant()), p.plannedCycle());
        return Optional.of(ProgrammeSchedule.cycleStart(p.startAt(), p.cadenceDays(), running + 1));
    }

    /** How many customers the segment has today (the next cycle's size before the rules). */
    public long members(Programme p) {
        return segments.byKey(p.segmentKey())
                .map(s -> segments.count(s.rules(), LocalDate.now(clock)))
                .orElse(0L);
    }

    private static AuditDetail detail(Programme p) {
        return AuditDetail.of(
                "programme",
                p.name(),
                p.survey().slug(),
                p.segmentKey(),
                p.cadenceDays(),
                p.windowDays(),
                p.startAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }

    private static void apply(Programme p, Definition d, Survey survey) {
        p.define(
                d.name().strip(),
                survey,
                d.segment().strip(),
                d.cadenceDays(),
                d.windowDays() == null ? Math.min(14, d.cadenceDays()) : d.windowDays(),
                LocalDate.parse(d.startDate().strip()).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Checks a definition (for a change: of this programme); returns its survey or throws with every error named. */
    Survey check(Definition d, Programme existing, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("name", d.name(), true, 120, errors);
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
        if (d.segment() == null || d.segment().isBlank()) {
            errors.add(messages.error("segment", "required"));
        } else if (segments.byKey(d.segment().strip()).isEmpty()) {
            errors.add(messages.error("segment", "unknownSegment"));
        }
        if (d.cadenceDays() == null) {
            errors.add(messages.error("cadenceDays", "required"));
        } else if (d.cadenceDays() < 1 || d.cadenceDays() > MAX_CADENCE_DAYS) {
            errors.add(messages.error("cadenceDays", "range", 1, MAX_CADENCE_DAYS));
        }
        boolean cadence = d.cadenceDays() != null && d.cadenceDays() >= 1 && d.cadenceDays() <= MAX_CADENCE_DAYS;
        if (d.windowDays() != null && cadence && (d.windowDays() < 1 || d.windowDays() > d.cadenceDays())) {
            errors.add(messages.error("windowDays", "programmeWindow", d.cadenceDays()));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (d.startDate() == null || d.startDate().isBlank()) {
            errors.add(messages.error("startDate", "required"));
        } else {
            try {
                LocalDate start = LocalDate.parse(d.startDate().strip());
                boolean started = existing != null && existing.plannedCycle() >= 0;
                boolean changed = existing == null
                        || !start.atStartOfDay().toInstant(ZoneOffset.UTC).equals(existing.startAt());
                if (started && changed) {
                    errors.add(messages.error("startDate", "programmeStarted"));
                } else if (changed && start.isBefore(today)) {
                    errors.add(messages.error("startDate", "programmeStart"));
                }
            } catch (DateTimeParseException e) {
                errors.add(messages.error("startDate", "programmeStart"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventException("problem.invalidProgramme", errors);
        }
        return survey;
    }

    /** The programme is not in a state that allows this (ended, not paused, not active): a conflict. */
    public static class StateException extends RuntimeException {
        private final String problem;

        public StateException(String problem) {
            super(problem);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }
}
