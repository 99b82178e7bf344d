package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The demo's event rule: the helpdesk posts "ticket_solved" when a ticket is solved, and half of the events (chosen by
 * the ticket's id) invite to post-support-csat two hours later, between 08:00 and 20:00 Berlin time. In the last week
 * six tickets were solved: three invitations went out (one solved at a quarter to eight in the evening waited for the
 * next morning), two tickets were outside the share, and a customer with a second ticket three days after the first
 * was skipped (asked recently). Nothing is left to send, so the demo never mails by itself.
 */
final class DemoEvents {

    static final String EVENT_TYPE = "ticket_solved";
    static final String SURVEY = "post-support-csat";

    /** id, customer, days ago, hour (UTC) solved, status, reason; the ids' buckets decide the share of 50 %. */
    private static final Object[][] EVENTS = {
        {"ZD-48202", "C-00301", 6, 9, "SENT", null},
        {"ZD-48204", "C-00302", 5, 13, "SENT", null},
        {"ZD-48201", "C-00303", 4, 10, "NOT_SAMPLED", null},
        {"ZD-48207", "C-00301", 3, 15, "SKIPPED", "CONTACTED_RECENTLY"},
        {"ZD-48203", "C-00304", 2, 11, "NOT_SAMPLED", null},
        {"ZD-48214", "C-00305", 2, 18, "SENT", null},
    };

    private static final String[] AGENTS = {"Mia", "Jonas", "Lea"};

    private final Connection connection;
    private final IdBlocks ids;
    private final DemoSetup setup;
    private final LocalDateTime now;

    DemoEvents(Connection connection, IdBlocks ids, DemoSetup setup, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.setup = setup;
        this.now = now;
    }

    void write() throws SQLException {
        long survey = setup.surveyId(SURVEY);
        long rule = ids.next("event_rule_seq");
        Jdbc.update(connection, """
                INSERT INTO event_rule (id, event_type, survey_id, delay_minutes, sample_percent, send_from, send_until,
                 zone, enabled, created_at) VALUES (?, ?, ?, 120, 50, 8, 20, 'Europe/Berlin', TRUE, ?)""", rule, EVENT_TYPE, survey, now.minusDays(30));
        for (int i = 0; i < EVENTS.length; i++) {
            Object[] e = EVENTS[i];
            String externalId = (String) e[0];
            String customer = (String) e[1];
            LocalDateTime occurred = now.minusDays((Integer) e[2])
                    .withHour((Integer) e[3])
                    .withMinute(45)
                    .withSecond(0)
                    .withNano(0);
            // two hours later, or the next morning at 08:00 Berlin (07:00 UTC in winter) after 20:00 Berlin
            LocalDateTime due = occurred.plusHours(2);
            if (due.getHour() >= 19) {
                due = due.plusDays(1).withHour(7).withMinute(0);
            }
            String attributes = "ticket_id=" + externalId.substring(3) + "&agent="
                    + URLEncoder.encode(AGENTS[i % AGENTS.length], StandardCharsets.UTF_8) + "&channel="
                    + (i % 2 == 0 ? "email" : "phone");
            long event = ids.next("customer_event_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO customer_event (id, external_id, event_type, customer_id, occurred_at, received_at,
                     time_zone, attributes, base_url)
                     SELECT ?, ?, ?, id, ?, ?, 'Europe/Berlin', ?, 'http://localhost:8080' FROM customer
                     WHERE external_id = ?""",
                    event,
                    externalId,
                    EVENT_TYPE,
                    occurred,
                    occurred.plusSeconds(4),
                    attributes,
                    customer);
            String status = (String) e[4];
            Long invitation = null;
            if ("SENT".equals(status)) {
                invitation = ids.next("invitation_seq");
                Jdbc.update(
                        connection,
                        """
                        INSERT INTO invitation (id, survey_id, customer_id, token_hash, created_at, sent_at,
                         event_attributes) SELECT ?, ?, id, ?, ?, ?, ? FROM customer WHERE external_id = ?""",
                        invitation,
                        survey,
                        Tokens.hash(Tokens.random()),
                        due,
                        due.plusMinutes(1),
                        attributes,
                        customer);
            }
            if ("SKIPPED".equals(status)) {
                Jdbc.update(connection, """
                        INSERT INTO contact_skip (id, customer_id, survey_id, wave_id, channel, reason, skipped_at)
                         SELECT ?, id, ?, NULL, 'EVENT', ?, ? FROM customer WHERE external_id = ?""", ids.next("contact_skip_seq"), survey, e[5], due, customer);
            }
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO event_dispatch (id, event_id, rule_id, status, due_at, reason, invitation_id, done_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    ids.next("event_dispatch_seq"),
                    event,
                    rule,
                    status,
                    "NOT_SAMPLED".equals(status) ? occurred.plusSeconds(4) : due,
                    e[5],
                    invitation,
                    "NOT_SAMPLED".equals(status) ? occurred.plusSeconds(4) : due);
        }
    }
}
