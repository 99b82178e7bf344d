package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The demo's "who answered" example: a quarterly check-in wave of relationship-nps 120 days ago (older than every
 * contact limit, so it holds nobody back today) to the first {@value #REACHED} customers with an address, of whom
 * those who gave a relationship score within two weeks after it count as its answers: their response is linked to
 * their invitation, as if they had answered through it. Which plans and regions answered more follows from the
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
        for (long customer : customers) {
            long invitation = ids.next("invitation_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    invitation,
                    survey,
                    customer,
                    wave,
                    Tokens.hash(Tokens.random()),
                    sent,
                    sent.plusMinutes(1));
            var answer = Jdbc.first(
                    connection,
                    "SELECT id FROM response WHERE survey_id = ? AND customer_id = ? AND invitation_id IS NULL"
                            + " AND submitted_at > ? AND submitted_at < ? ORDER BY submitted_at",
                    rs -> rs.getLong(1),
                    survey,
                    customer,
                    sent,
                    sent.plusDays(14));
            if (answer.isPresent()) {
                Jdbc.update(connection, "UPDATE response SET invitation_id = ? WHERE id = ?", invitation, answer.get());
                Jdbc.update(
                        connection, "UPDATE invitation SET opened_at = ? WHERE id = ?", sent.plusHours(3), invitation);
            }
        }
    }
}
