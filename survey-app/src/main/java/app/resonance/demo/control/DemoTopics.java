package app.resonance.demo.control;

import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * A topic a demo admin added besides the seven default ones: "Waiting time" ("Wartezeit"), found in the comments
 * about the support that kept customers waiting after the upgrade (the dip's story) in both languages: "tagelang",
 * "gewartet", "warten wir ewig", "took days to answer", "waited a week".
 */
final class DemoTopics {

    static final String KEY = "WAITING_TIME";

    private DemoTopics() {}

    static void write(Connection connection, LocalDateTime now) throws SQLException {
        Jdbc.update(connection, """
                INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en,
                 enabled, created_at, updated_at)
                 VALUES (?, ?, 'Wartezeit', 'Waiting time', 'warten|gewartet|Wartezeit|tagelang|Woche',
                 'wait|waiting|days|week', 'warten ewig|keine Antwort', 'no answer|took ages', TRUE, ?, ?)""", Jdbc.nextval(connection, "topic_seq"), KEY, now.minusDays(3), now.minusDays(3));
    }
}
