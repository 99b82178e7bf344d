package app.resonance.demo.control;

import app.resonance.distribution.control.ProgrammeSchedule;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's recurring programme, "Relationship check-in every 90 days": relationship-nps to the Business segment,
 * spread over 14 days. Its first cycle began {@value #STARTED_DAYS_AGO} days ago and is over: every member was planned
 * once, in the order of the schedule; those without an address, with a suppressed one, or invited by the quarterly
 * check-in wave within the relationship limit were skipped with the reason (also on their customer page); the others
 * were invited, and those who gave a relationship score within two weeks of their invitation count as its answers. The
 * next cycle starts in ten days, so the demo does not mail by itself before then. Three statements and a few batches,
 * as it runs at the demo's first start.
 */
final class DemoProgramme {

    static final String NAME = "Relationship check-in every 90 days";
    static final int STARTED_DAYS_AGO = 80;
    static final int CADENCE_DAYS = 90;
    static final int WINDOW_DAYS = 14;
    static final int RELATIONSHIP_DAYS = 90;

    private final Connection connection;
    private final IdBlocks ids;
    private final DemoSetup setup;
    private final LocalDateTime now;

    DemoProgramme(Connection connection, IdBlocks ids, DemoSetup setup, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.setup = setup;
        this.now = now;
    }

    void write() throws SQLException {
        long survey = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
        LocalDateTime start = now.toLocalDate().minusDays(STARTED_DAYS_AGO).atStartOfDay();
        long programme = ids.next("programme_seq");
        Jdbc.update(
                connection,
                """
                INSERT INTO programme (id, name, survey_id, segment_key, cadence_days, window_days, status, start_at,
                 planned_cycle, paused_at, base_url, created_by, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, NULL, 'http://localhost:8080', 'admin', ?)""",
                programme,
                NAME,
                survey,
                DemoDataLoader.BUSINESS_SEGMENT,
                CADENCE_DAYS,
                WINDOW_DAYS,
                start,
                start.minusDays(3));
        Map<Long, String> members = new HashMap<>();
        // not the demo shop's customer: the shop's widget asks them (a programme invitation would hold it back)
        Jdbc.list(
                        connection,
                        "SELECT id, email FROM customer WHERE plan = 'Business' AND external_id <> ?",
                        rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                        DemoDataLoader.WIDGET_CUSTOMER)
                .forEach(row -> members.put((Long) row[0], (String) row[1]));
        Set<String> suppressed =
                new HashSet<>(Jdbc.list(connection, "SELECT email FROM mail_suppression", rs -> rs.getString(1)));
        // who was invited by a relationship survey before the cycle (the check-in wave), and when
        Map<Long, LocalDateTime> invited = new HashMap<>();
        Jdbc.list(
                        connection,
                        "SELECT i.customer_id, MAX(i.created_at) FROM invitation i JOIN survey s ON s.id = i.survey_id"
                                + " WHERE s.contact_kind = 'RELATIONSHIP' AND i.created_at < ? GROUP BY i.customer_id",
                        rs -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toLocalDateTime()},
                        start)
                .forEach(row -> invited.put((Long) row[0], (LocalDateTime) row[1]));
        // each member's first relationship score within the cycle's four weeks, not yet tied to an invitation
        Map<Long, Object[]> answers = new HashMap<>();
        Jdbc.list(
                        connection,
                        "SELECT customer_id, id, submitted_at FROM response WHERE survey_id = ? AND invitation_id IS NULL"
                                + " AND customer_id IS NOT NULL AND submitted_at > ? AND submitted_at < ?"
                                + " ORDER BY customer_id, submitted_at, id",
                        rs -> new Object[] {
                            rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toLocalDateTime()
                        },
                        survey,
                        start,
                        start.plusDays(WINDOW_DAYS + 14))
                .forEach(row -> answers.putIfAbsent((Long) row[0], row));
        Instant from = start.toInstant(ZoneOffset.UTC);
        List<ProgrammeSchedule.Planned> planned = ProgrammeSchedule.spread(
                List.copyOf(members.keySet()), from, from.plus(java.time.Duration.ofDays(WINDOW_DAYS)));
        try (var sends = Jdbc.batch(connection, """
                        INSERT INTO programme_send (id, programme_id, cycle, customer_id, send_at, status, reason,
                         invitation_id, done_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)""");
                var invitations = Jdbc.batch(connection, """
                        INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at,
                         opened_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)""");
                var links = Jdbc.batch(connection, "UPDATE response SET invitation_id = ? WHERE id = ?");
                var skips = Jdbc.batch(connection, """
                        INSERT INTO contact_skip (id, customer_id, survey_id, wave_id, channel, reason, skipped_at)
                         VALUES (?, ?, ?, NULL, 'PROGRAMME', ?, ?)""")) {
            for (ProgrammeSchedule.Planned p : planned) {
                long customer = p.customerId();
                LocalDateTime at = LocalDateTime.ofInstant(p.sendAt(), ZoneOffset.UTC);
                String email = members.get(customer);
                LocalDateTime last = invited.get(customer);
                String reason = null;
                if (email == null || email.isBlank()) {
                    reason = "NO_EMAIL";
                } else if (suppressed.contains(email.toLowerCase(java.util.Locale.ROOT))) {
                    reason = "SUPPRESSED";
                } else if (last != null && !last.isBefore(at.minusDays(RELATIONSHIP_DAYS))) {
                    reason = "SAME_KIND_RECENTLY";
                }
                if (reason != null) {
                    sends.add(ids.next("programme_send_seq"), programme, customer, at, "SKIPPED", reason, null, at);
                    skips.add(ids.next("contact_skip_seq"), customer, survey, reason, at);
                    continue;
                }
                long invitation = ids.next("invitation_seq");
                Object[] answer = answers.get(customer);
                boolean answered = answer != null && ((LocalDateTime) answer[2]).isAfter(at);
                invitations.add(
                        invitation,
                        survey,
                        customer,
                        Tokens.hash(Tokens.random()),
                        at,
                        at.plusMinutes(1),
                        answered ? at.plusHours(2) : null);
                sends.add(ids.next("programme_send_seq"), programme, customer, at, "SENT", null, invitation, at);
                if (answered) {
                    links.add(invitation, answer[1]);
                }
            }
            Jdbc.flush(invitations, sends, links, skips);
        }
    }
}
