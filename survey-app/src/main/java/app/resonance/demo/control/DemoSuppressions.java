package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The demo's suppression list and the wave that respected it: four addresses, one for each reason (unsubscribed with
 * one click, refused by the mail server, a complaint and a block reported through the API), and a wave of
 * relationship-nps three days ago to six chosen customers, one of whom had unsubscribed and was skipped.
 */
final class DemoSuppressions {

    /** The wave's customers: the first is the one who unsubscribed. */
    static final List<String> WAVE = List.of("C-00003", "C-00021", "C-00022", "C-00023", "C-00024", "C-00025");

    private final Connection connection;
    private final IdBlocks ids;
    private final LocalDateTime now;
    private final long survey;

    DemoSuppressions(Connection connection, IdBlocks ids, DemoSetup setup, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.now = now;
        this.survey = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
    }

    /** Writes the list and the wave; answers the wave's id. */
    long write() throws SQLException {
        suppress("C-00003", "UNSUBSCRIBED", "ONE_CLICK", 40);
        suppress("C-00004", "BOUNCED", "SMTP: 550 5.1.1 User unknown", 25);
        suppress("C-00005", "COMPLAINED", "API: admin", 12);
        suppress("C-00006", "MANUAL", "API: admin", 5);
        LocalDateTime sent =
                now.minusDays(3).withHour(9).withMinute(30).withSecond(0).withNano(0);
        long wave = ids.next("invitation_wave_seq");
        Jdbc.update(connection, """
                INSERT INTO invitation_wave (id, survey_id, audience, reminder_days, invited, skipped_recent,
                 skipped_no_email, skipped_suppressed, created_by, created_at)
                 VALUES (?, ?, ?, NULL, ?, 0, 0, 1, ?, ?)""", wave, survey, "selection:" + WAVE.size(), WAVE.size() - 1, "admin", sent);
        for (int i = 1; i < WAVE.size(); i++) {
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at, opened_at)
                     SELECT ?, ?, id, ?, ?, ?, ?, ? FROM customer WHERE external_id = ?""",
                    ids.next("invitation_seq"),
                    survey,
                    wave,
                    Tokens.hash(Tokens.random()),
                    sent,
                    sent.plusMinutes(1),
                    i <= 2 ? sent.plusHours(2L * i) : null,
                    WAVE.get(i));
        }
        return wave;
    }

    private void suppress(String customer, String reason, String source, int daysAgo) throws SQLException {
        Jdbc.update(
                connection, """
                INSERT INTO mail_suppression (id, email, reason, source, created_at)
                 SELECT ?, LOWER(email), ?, ?, ? FROM customer WHERE external_id = ?""", ids.next("mail_suppression_seq"), reason, source, now.minusDays(daysAgo), customer);
    }
}
