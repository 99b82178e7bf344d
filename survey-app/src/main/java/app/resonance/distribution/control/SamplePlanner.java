package app.resonance.distribution.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.entity.InvitationWave;
import app.resonance.distribution.entity.Suppression;
import app.resonance.distribution.entity.WavePlan;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.ContactRules;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The sample planner (issue 16 part 8): per segment of a wave, how many customers to invite for a target margin of
 * error of the NPS, from the segment's history with the survey in the last 365 days ({@link SampleSize} does the
 * arithmetic); sending the plan as one wave that invites exactly that many of each segment, drawn at random among the
 * reachable ones, on the waves' path ({@link WaveSender#sendTo}); and afterwards planned against achieved.
 *
 * <p>History: the NPS answers to the survey given as a member of the segment (the segments a response belonged to
 * when it arrived) and the survey's invitations to the segment's present members, with those answered. Reachable: the
 * segment's present members with an address, not on the suppression list and not held back by a contact rule now. A
 * customer in two planned segments is drawn for the first only.
 */
@ApplicationScoped
public class SamplePlanner {

    public static final int HISTORY_DAYS = 365;
    public static final int MAX_SEGMENTS = 20;
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog segments;

    @Inject
    SuppressionList suppressions;

    @Inject
    ContactRules contactRules;

    @Inject
    WaveSender sender;

    @Inject
    Clock clock;

    Random random = new SecureRandom();

    public SamplePlanner() {}

    /** Outside the container (tests): the collaborators given, and a seeded random for a repeatable draw. */
    public SamplePlanner(
            EntityManager em,
            SegmentCatalog segments,
            SuppressionList suppressions,
            ContactRules contactRules,
            WaveSender sender,
            Clock clock,
            Random random) {
        this.em = em;
        this.segments = segments;
        this.suppressions = suppressions;
        this.contactRules = contactRules;
        this.sender = sender;
        this.clock = clock;
        this.random = random;
    }

    /** A segment and the margin wanted for it, in NPS points. */
    public record Target(String segment, double margin) {}

    /** One segment's plan: the segment, its target and what {@link SampleSize} made of its history. */
    public record SegmentPlan(Segment segment, double targetMargin, int confidence, SampleSize.Plan plan) {}

    /** One segment of a sent plan: what was planned against what came back. */
    public record Outcome(
            WavePlan plan,
            long invited,
            long answered,
            long scored,
            long promoters,
            long detractors,
            Double achievedMargin) {

        /** Answered of invited; 0 before anyone was invited. */
        public double achievedRate() {
            return invited == 0 ? 0 : (double) answered / invited;
        }

        /** The NPS of the answers, null without any. */
        public Double nps() {
            return scored == 0 ? null : 100.0 * (promoters - detractors) / scored;
        }
    }

    /** The plan per segment in the order given; nothing is stored. Bad input throws with every field named. */
    public List<SegmentPlan> preview(Survey survey, int confidence, List<Target> targets, Messages messages) {
        return plan(survey, confidence, targets, messages).stream()
                .map(Draft::plan)
                .toList();
    }

    /**
     * Plans and sends: one wave inviting each segment's planned number of its reachable customers, drawn at random,
     * with the plan stored beside the wave. Runs in the caller's transaction.
     */
    public InvitationWave send(
            Survey survey,
            int confidence,
            List<Target> targets,
            Integer reminderDays,
            String actor,
            String baseUrl,
            Messages messages) {
        if (reminderDays != null && (reminderDays < 1 || reminderDays > WaveSender.MAX_REMINDER_DAYS)) {
            List<FieldError> errors = new ArrayList<>();
            errors.add(messages.error("reminderDays", "reminderDays"));
            try {
                plan(survey, confidence, targets, messages);
            } catch (WaveSender.InvalidWaveException e) {
                errors.addAll(0, e.errors());
            }
            throw new WaveSender.InvalidWaveException(errors);
        }
        List<Draft> drafts = plan(survey, confidence, targets, messages);
        Set<Long> taken = new HashSet<>();
        List<Customer> drawn = new ArrayList<>();
        List<List<Customer>> bySegment = new ArrayList<>();
        for (Draft draft : drafts) {
            List<Customer> pool = new ArrayList<>(draft.reachable().stream()
                    .filter(c -> !taken.contains(c.id()))
                    .toList());
            Collections.shuffle(pool, random);
            List<Customer> chosen =
                    pool.subList(0, Math.min(pool.size(), draft.plan().plan().toInvite()));
            chosen.forEach(c -> taken.add(c.id()));
            drawn.addAll(chosen);
            bySegment.add(List.copyOf(chosen));
        }
        String keys = String.join(
                ",", drafts.stream().map(d -> d.plan().segment().key()).toList());
        InvitationWave wave = sender.sendTo(
                survey,
                drawn,
                "plan:" + keys,
                reminderDays,
                actor,
                baseUrl,
                counts -> AuditDetail.of("waveSentByPlan", keys, confidence, counts[0], counts[1], counts[2]));
        for (int i = 0; i < drafts.size(); i++) {
            SegmentPlan p = drafts.get(i).plan();
            SampleSize.Plan s = p.plan();
            SampleSize.History h = s.history();
            WavePlan row = new WavePlan(
                    wave,
                    i,
                    p.segment().key(),
                    confidence,
                    p.targetMargin(),
                    new long[] {h.responses(), h.promoters(), h.detractors(), h.invited(), h.answered()},
                    s.variance(),
                    s.responseRate(),
                    s.priorSpread(),
                    s.priorRate(),
                    s.reachable(),
                    s.needed(),
                    s.toInvite(),
                    s.capped(),
                    s.expectedMargin(),
                    bySegment.get(i).size());
            em.persist(row);
            em.flush();
            for (Customer c : bySegment.get(i)) {
                em.createNativeQuery("INSERT INTO wave_plan_member (plan_id, customer_id) VALUES (?1, ?2)")
                        .setParameter(1, row.id())
                        .setParameter(2, c.id())
                        .executeUpdate();
            }
        }
        return wave;
    }

    /** A sent plan's segments, planned against achieved; empty when the wave was not planned. */
    public List<Outcome> outcome(long waveId) {
        List<WavePlan> plans = em.createNamedQuery(WavePlan.OF_WAVE, WavePlan.class)
                .setParameter("wave", waveId)
                .getResultList();
        List<Outcome> outcomes = new ArrayList<>();
        for (WavePlan plan : plans) {
            Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(i.id), COUNT(r.id),"
                            + " COUNT(n.score), SUM(CASE WHEN n.score >= 9 THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN n.score <= 6 THEN 1 ELSE 0 END)"
                            + " FROM wave_plan_member m"
                            + " JOIN invitation i ON i.customer_id = m.customer_id AND i.wave_id = ?2"
                            + " LEFT JOIN response r ON r.invitation_id = i.id"
                            + " LEFT JOIN (SELECT a.response_id, MIN(a.score) AS score FROM answer a"
                            + " JOIN question q ON q.id = a.question_id"
                            + " WHERE q.question_type = 'NPS' AND a.score IS NOT NULL GROUP BY a.response_id) n"
                            + " ON n.response_id = r.id"
                            + " WHERE m.plan_id = ?1")
                    .setParameter(1, plan.id())
                    .setParameter(2, waveId)
                    .getSingleResult();
            long scored = number(r[2]);
            long promoters = number(r[3]);
            long detractors = number(r[4]);
            Double margin = scored == 0
                    ? null
                    : SampleSize.margin(
                            SampleSize.variance(scored, promoters, detractors),
                            scored,
                            plan.reachable(),
                            plan.confidence());
            outcomes.add(new Outcome(plan, number(r[0]), number(r[1]), scored, promoters, detractors, margin));
        }
        return outcomes;
    }

    /** A stored plan's figures as the planner computed them. */
    public static SampleSize.Plan planned(WavePlan p) {
        long[] h = p.history();
        return new SampleSize.Plan(
                new SampleSize.History(h[0], h[1], h[2], h[3], h[4]),
                p.variance(),
                p.responseRate(),
                p.priorSpread(),
                p.priorRate(),
                p.reachable(),
                p.needed(),
                p.toInvite(),
                p.capped(),
                p.toInvite() * p.responseRate(),
                p.expectedMargin());
    }

    /** A segment's plan and its reachable customers (for the draw). */
    record Draft(SegmentPlan plan, List<Customer> reachable) {}

    List<Draft> plan(Survey survey, int confidence, List<Target> targets, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (survey.publishedVersion().isEmpty() || !survey.isOpen()) {
            errors.add(messages.error("survey", "surveyNotOpen"));
        } else if (survey.publishedVersion().get().questions().stream().noneMatch(q -> q.type() == QuestionType.NPS)) {
            errors.add(messages.error("survey", "planNeedsNps"));
        }
        if (confidence != 90 && confidence != 95 && confidence != 99) {
            errors.add(messages.error("confidence", "oneOf", "90, 95, 99"));
        }
        List<Target> given = targets == null ? List.of() : targets;
        if (given.isEmpty() || given.size() > MAX_SEGMENTS) {
            errors.add(messages.error("segments", "planSegments", MAX_SEGMENTS));
        }
        List<Segment> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Target t = given.get(i);
            Optional<Segment> segment = t == null || t.segment() == null
                    ? Optional.empty()
                    : segments.byKey(t.segment().strip());
            if (segment.isEmpty()) {
                errors.add(messages.error("segments[" + i + "].segment", "unknownSegment"));
            } else if (!seen.add(segment.get().key())) {
                errors.add(messages.error("segments[" + i + "].segment", "duplicate"));
            } else {
                found.add(segment.get());
            }
            if (t != null && !(t.margin() >= 1 && t.margin() <= 50)) {
                errors.add(messages.error("segments[" + i + "].margin", "planMargin"));
            }
        }
        if (!errors.isEmpty()) {
            throw new WaveSender.InvalidWaveException(errors);
        }
        Instant now = clock.instant();
        LocalDateTime since = LocalDateTime.ofInstant(now.minus(Duration.ofDays(HISTORY_DAYS)), ZoneOffset.UTC);
        LocalDateTime until = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Segment segment = found.get(i);
            List<Long> members = segments.memberIds(segment.rules(), LocalDate.now(clock));
            SampleSize.History history = history(survey.id(), segment.id(), members, since, until);
            List<Customer> reachable = reachable(survey, members, now);
            double margin = given.get(i).margin();
            drafts.add(new Draft(
                    new SegmentPlan(
                            segment,
                            margin,
                            confidence,
                            SampleSize.plan(history, reachable.size(), margin, confidence)),
                    reachable));
        }
        return drafts;
    }

    /**
     * A segment's history with a survey between two UTC times: its NPS answers (as a member when answering) and the
     * survey's invitations to these customers, with those answered.
     */
    public SampleSize.History history(
            long survey, long segment, List<Long> members, LocalDateTime since, LocalDateTime until) {
        Object[] scores = (Object[]) em.createNativeQuery("SELECT COUNT(*),"
                        + " SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END)"
                        + " FROM response r JOIN response_segment rs ON rs.response_id = r.id"
                        + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                        + " WHERE r.survey_id = ?1 AND rs.segment_id = ?2 AND r.submitted_at >= ?3"
                        + " AND r.submitted_at <= ?4 AND q.question_type = 'NPS' AND a.score IS NOT NULL")
                .setParameter(1, survey)
                .setParameter(2, segment)
                .setParameter(3, since)
                .setParameter(4, until)
                .getSingleResult();
        long invited = 0;
        long answered = 0;
        for (int from = 0; from < members.size(); from += BATCH) {
            // the ids are numbers from the database, written into the statement (no list parameters in native SQL)
            String ids = String.join(
                    ",",
                    members.subList(from, Math.min(members.size(), from + BATCH)).stream()
                            .map(String::valueOf)
                            .toList());
            Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(i.id), COUNT(r.id) FROM invitation i"
                            + " LEFT JOIN response r ON r.invitation_id = i.id"
                            + " WHERE i.survey_id = ?1 AND i.created_at >= ?2 AND i.created_at <= ?3"
                            + " AND i.customer_id IN (" + ids + ")")
                    .setParameter(1, survey)
                    .setParameter(2, since)
                    .setParameter(3, until)
                    .getSingleResult();
            invited += number(r[0]);
            answered += number(r[1]);
        }
        return new SampleSize.History(number(scores[0]), number(scores[1]), number(scores[2]), invited, answered);
    }

    private List<Customer> reachable(Survey survey, List<Long> members, Instant now) {
        List<Customer> customers = new ArrayList<>();
        for (int from = 0; from < members.size(); from += BATCH) {
            customers.addAll(em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids ORDER BY c.id", Customer.class)
                    .setParameter("ids", members.subList(from, Math.min(members.size(), from + BATCH)))
                    .getResultList());
        }
        List<Customer> withEmail = customers.stream()
                .filter(c -> c.email() != null && !c.email().isBlank())
                .toList();
        Set<String> suppressed =
                suppressions.suppressed(withEmail.stream().map(Customer::email).toList());
        Map<Long, ?> held = contactRules.heldBack(
                survey, withEmail.stream().map(Customer::id).toList(), now);
        return withEmail.stream()
                .filter(c -> !suppressed.contains(Suppression.normalise(c.email())) && !held.containsKey(c.id()))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
