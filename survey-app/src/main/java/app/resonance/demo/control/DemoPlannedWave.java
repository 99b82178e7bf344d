package app.resonance.demo.control;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.SamplePlanner;
import app.resonance.distribution.control.SampleSize;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's sample planner example: a planned wave of relationship-nps {@value #DAYS_AGO} days ago (older than every
 * contact limit) for the Starter plan (±10 NPS points) and Enterprise DACH (±15) at 95 %. Each segment's plan comes
 * from its history of the year before the wave ({@link SamplePlanner#history}, {@link SampleSize#plan}); the reachable
 * were its members with an address, not suppressed and not invited by a relationship survey within 90 days before (the
 * check-in wave's customers); the planned number was drawn at random (seeded). Those who gave a relationship score
 * within two weeks after it count as its answers (their existing response is linked to the invitation, no response is
 * added), so the console shows planned against achieved without changing any demo figure. Runs after the programme.
 */
final class DemoPlannedWave {

    static final int DAYS_AGO = 100;
    static final int CONFIDENCE = 95;
    static final Map<String, Double> TARGETS = targets();

    private final EntityManager em;
    private final Connection connection;
    private final IdBlocks ids;
    private final LocalDate today;
    private final LocalDateTime now;
    private final long survey;

    DemoPlannedWave(
            EntityManager em,
            Connection connection,
            IdBlocks ids,
            DemoSetup setup,
            LocalDate today,
            LocalDateTime now) {
        this.em = em;
        this.connection = connection;
        this.ids = ids;
        this.today = today;
        this.now = now;
        this.survey = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
    }

    /** Writes the wave, its plan per segment, the drawn customers' invitations and the links of their answers. */
    void write() throws SQLException {
        LocalDateTime sent =
                now.minusDays(DAYS_AGO).withHour(9).withMinute(0).withSecond(0).withNano(0);
        Set<Long> mailable = new HashSet<>(Jdbc.list(
                connection,
                "SELECT id FROM customer WHERE email IS NOT NULL AND LOWER(email) NOT IN"
                        + " (SELECT email FROM mail_suppression)",
                rs -> rs.getLong(1)));
        Set<Long> askedRecently = new HashSet<>(Jdbc.list(
                connection,
                "SELECT i.customer_id FROM invitation i JOIN survey s ON s.id = i.survey_id"
                        + " WHERE i.created_at > ? AND i.created_at <= ? AND s.contact_kind = 'RELATIONSHIP'",
                rs -> rs.getLong(1),
                sent.minusDays(90),
                sent));
        Map<Long, Long> answers = new HashMap<>();
        Jdbc.list(
                        connection,
                        "SELECT customer_id, id FROM response WHERE survey_id = ? AND invitation_id IS NULL"
                                + " AND customer_id IS NOT NULL AND submitted_at > ? AND submitted_at < ?"
                                + " ORDER BY customer_id, submitted_at, id",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        survey,
                        sent,
                        sent.plusDays(14))
                .forEach(row -> answers.putIfAbsent(row[0], row[1]));
        SegmentCatalog catalog = new SegmentCatalog(em);
        SamplePlanner planner = new SamplePlanner(em, catalog, null, null, null, null, null);
        Random random = new Random(DemoDataLoader.SEED);
        long wave = ids.next("invitation_wave_seq");
        Jdbc.update(connection, """
                INSERT INTO invitation_wave (id, survey_id, audience, reminder_days, invited, skipped_recent,
                 skipped_no_email, skipped_suppressed, created_by, created_at)
                 VALUES (?, ?, ?, NULL, 0, 0, 0, 0, ?, ?)""", wave, survey, "plan:" + String.join(",", TARGETS.keySet()), "admin", sent);
        Set<Long> taken = new HashSet<>();
        int invited = 0;
        int position = 0;
        for (var target : TARGETS.entrySet()) {
            Segment segment = catalog.byKey(target.getKey()).orElseThrow();
            List<Long> members = catalog.memberIds(segment.rules(), today);
            SampleSize.History history =
                    planner.history(survey, segment.id(), members, sent.minusDays(SamplePlanner.HISTORY_DAYS), sent);
            List<Long> reachable = new ArrayList<>(members.stream()
                    .filter(id -> mailable.contains(id) && !askedRecently.contains(id))
                    .sorted()
                    .toList());
            SampleSize.Plan plan = SampleSize.plan(history, reachable.size(), target.getValue(), CONFIDENCE);
            Collections.shuffle(reachable, random);
            List<Long> drawn = reachable.stream()
                    .filter(id -> !taken.contains(id))
                    .limit(plan.toInvite())
                    .toList();
            taken.addAll(drawn);
            long planId = ids.next("wave_plan_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO wave_plan (id, wave_id, position, segment_key, confidence, target_margin,
                     history_responses, history_promoters, history_detractors, history_invited, history_answered,
                     variance, response_rate, prior_spread, prior_rate, reachable, needed, to_invite, capped,
                     expected_margin, drawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    planId,
                    wave,
                    position++,
                    segment.key(),
                    CONFIDENCE,
                    target.getValue(),
                    history.responses(),
                    history.promoters(),
                    history.detractors(),
                    history.invited(),
                    history.answered(),
                    plan.variance(),
                    plan.responseRate(),
                    plan.priorSpread(),
                    plan.priorRate(),
                    plan.reachable(),
                    plan.needed(),
                    plan.toInvite(),
                    plan.capped(),
                    plan.expectedMargin(),
                    drawn.size());
            try (var memberRows = Jdbc.batch(
                            connection, "INSERT INTO wave_plan_member (plan_id, customer_id) VALUES (?, ?)");
                    var invitations = Jdbc.batch(connection, """
                            INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at,
                             opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                    var links = Jdbc.batch(connection, "UPDATE response SET invitation_id = ? WHERE id = ?")) {
                for (long customer : drawn) {
                    long invitation = ids.next("invitation_seq");
                    Long answer = answers.get(customer);
                    memberRows.add(planId, customer);
                    invitations.add(
                            invitation,
                            survey,
                            customer,
                            wave,
                            Tokens.hash(Tokens.random()),
                            sent,
                            sent.plusMinutes(1),
                            answer == null ? null : sent.plusHours(4));
                    if (answer != null) {
                        links.add(invitation, answer);
                    }
                }
                Jdbc.flush(memberRows, invitations, links);
            }
            invited += drawn.size();
        }
        Jdbc.update(connection, "UPDATE invitation_wave SET invited = ? WHERE id = ?", invited, wave);
    }

    private static Map<String, Double> targets() {
        Map<String, Double> targets = new java.util.LinkedHashMap<>();
        targets.put("starter", 10.0);
        targets.put("enterprise-dach", 15.0);
        return Collections.unmodifiableMap(targets);
    }
}
