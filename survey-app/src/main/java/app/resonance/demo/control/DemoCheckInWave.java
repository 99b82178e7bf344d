package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's "who answered" example: a quarterly check-in wave of relationship-nps 120 days ago (older than every
 * contact limit, so it holds nobody back today) to the first {@value #REACHED} customers with an address, of whom
 * those who gave a relationship score within two weeks after it count as its answers: their response is linked to
 * their invitation, as if they had answered through it. Three statements and two batches, not one round trip per
 * customer: it runs at the demo's first start. Which plans and regions answered more follows from the
 * demo's story, and the wave's page says whether that skews its figures.
 */
final class DemoCheckInWave {

    static final int REACHED = 200;
    static final int DAYS_AGO = 120;

    private final Connection connection;
    private final IdBlocks ids;
    private final LocalDateTime now;
    private final long survey;

    DemoCheckInWave(Connection connection, IdBlocks ids, DemoSetup setup, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.now = now;
        this.survey = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
    }

    /** Writes the wave, its invitations and the links of the answers to them. */
    void write() throws SQLException {
        LocalDateTime sent =
                now.minusDays(DAYS_AGO).withHour(8).withMinute(0).withSecond(0).withNano(0);
        List<Long> customers = Jdbc.list(
                        connection,
                        "SELECT id FROM customer WHERE email IS NOT NULL AND LOWER(email) NOT IN"
                                + " (SELECT email FROM mail_suppression) ORDER BY external_id",
                        rs -> rs.getLong(1))
                .stream()
                .limit(REACHED)
                .toList();
        long wave = ids.next("invitation_wave_seq");
        Jdbc.update(connection, """
                INSERT INTO invitation_wave (id, survey_id, audience, reminder_days, invited, skipped_recent,
                 skipped_no_email, skipped_suppressed, created_by, created_at)
                 VALUES (?, ?, ?, 7, ?, 0, 0, 0, ?, ?)""", wave, survey, "selection:" + customers.size(), customers.size(), "admin", sent);
        // Each customer's first relationship score within two weeks of the wave, read at once.
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
        try (var invitations = Jdbc.batch(connection, """
                        INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at,
                         opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                var links = Jdbc.batch(connection, "UPDATE response SET invitation_id = ? WHERE id = ?")) {
            for (long customer : customers) {
                long invitation = ids.next("invitation_seq");
                Long answer = answers.get(customer);
                invitations.add(
                        invitation,
                        survey,
                        customer,
                        wave,
                        Tokens.hash(Tokens.random()),
                        sent,
                        sent.plusMinutes(1),
                        answer == null ? null : sent.plusHours(3));
                if (answer != null) {
                    links.add(invitation, answer);
                }
            }
            Jdbc.flush(invitations, links);
        }
    }
}
