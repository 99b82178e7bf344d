package app.resonance.demo.control;

import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import app.resonance.responses.control.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The demo's contact rules at work: yesterday a wave of the transactional support-effort-ces went to three chosen
 * customers, two of whom had been invited by relationship-nps two days before and were skipped (asked recently by
 * another survey); the week's widget of relationship-nps held a recently asked customer back; and the
 * relationship-nps wave skipped the customer who had unsubscribed. Each skip is on the customer's page with its
 * reason.
 */
final class DemoContacts {

    static final String TRANSACTIONAL_SURVEY = "support-effort-ces";

    /** The transactional wave's customers: the first two were invited by the relationship wave. */
    static final List<String> WAVE = List.of("C-00021", "C-00022", "C-00027");

    /** Held back from the widget of relationship-nps two days ago. */
    static final String WIDGET_SKIPPED = "C-00024";

    private final Connection connection;
    private final IdBlocks ids;
    private final DemoSetup setup;
    private final LocalDateTime now;

    DemoContacts(Connection connection, IdBlocks ids, DemoSetup setup, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.setup = setup;
        this.now = now;
    }

    void write(long relationshipWave) throws SQLException {
        long relationship = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
        LocalDateTime relationshipSent =
                now.minusDays(3).withHour(9).withMinute(30).withSecond(0).withNano(0);
        skip(DemoSuppressions.WAVE.get(0), relationship, relationshipWave, "WAVE", "SUPPRESSED", relationshipSent);

        long survey = setup.surveyId(TRANSACTIONAL_SURVEY);
        LocalDateTime sent =
                now.minusDays(1).withHour(14).withMinute(0).withSecond(0).withNano(0);
        long wave = ids.next("invitation_wave_seq");
        Jdbc.update(connection, """
                INSERT INTO invitation_wave (id, survey_id, audience, reminder_days, invited, skipped_recent,
                 skipped_no_email, skipped_suppressed, created_by, created_at)
                 VALUES (?, ?, ?, NULL, 1, 2, 0, 0, ?, ?)""", wave, survey, "selection:" + WAVE.size(), "admin", sent);
        skip(WAVE.get(0), survey, wave, "WAVE", "CONTACTED_RECENTLY", sent);
        skip(WAVE.get(1), survey, wave, "WAVE", "CONTACTED_RECENTLY", sent);
        Jdbc.update(
                connection,
                """
                INSERT INTO invitation (id, survey_id, customer_id, wave_id, token_hash, created_at, sent_at)
                 SELECT ?, ?, id, ?, ?, ?, ? FROM customer WHERE external_id = ?""",
                ids.next("invitation_seq"),
                survey,
                wave,
                Tokens.hash(Tokens.random()),
                sent,
                sent.plusMinutes(1),
                WAVE.get(2));

        skip(
                WIDGET_SKIPPED,
                relationship,
                null,
                "WIDGET",
                "CONTACTED_RECENTLY",
                now.minusDays(2).withHour(11));
    }

    private void skip(String customer, long survey, Long wave, String channel, String reason, LocalDateTime at)
            throws SQLException {
        Jdbc.update(connection, """
                INSERT INTO contact_skip (id, customer_id, survey_id, wave_id, channel, reason, skipped_at)
                 SELECT ?, id, ?, ?, ?, ?, ? FROM customer WHERE external_id = ?""", ids.next("contact_skip_seq"), survey, wave, channel, reason, at, customer);
    }
}
