package app.resonance.privacy.control;

import static app.resonance.testsupport.SampleData.T0;
import static app.resonance.testsupport.SampleData.count;
import static app.resonance.testsupport.SampleData.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.SampleData;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Right of access, erasure and retention on H2 and PostgreSQL. */
class PersonalDataOnBothDatabasesTest {

    static Connection seeded(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        SampleData.seed(c);
        sql(
                c,
                "INSERT INTO customer_attribute (customer_id, attr_name, attr_value) VALUES (1, 'industry', 'Maschinenbau')");
        sql(
                c,
                "INSERT INTO segment (id, segment_key, name_de, name_en, created_at, updated_at) VALUES (1, 'de', 'DE', 'DE', ?, ?)",
                T0,
                T0);
        sql(c, "INSERT INTO response_segment (response_id, segment_id) VALUES (7, 1)");
        sql(c, "UPDATE response SET hidden_fields = 'ticket_id=T-4711' WHERE id = 7");
        c.commit();
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theExportHoldsEverythingStoredAboutTheCustomer(String database) throws SQLException {
        try (Connection c = seeded(database)) {
            String json = PersonalData.export(c, "C-1").orElseThrow().toString();
            assertTrue(json.contains("\"externalId\":\"C-1\""), json);
            assertTrue(json.contains("\"name\":\"Anna\""), json);
            assertTrue(json.contains("\"attributes\":{\"industry\":\"Maschinenbau\"}"), json);
            assertTrue(json.contains("\"survey\":\"nps\""), json);
            assertTrue(json.contains("\"submittedAt\":\"2026-11-23T10:00:00.000Z\""), "UTC in milliseconds: " + json);
            assertTrue(json.contains("{\"question\":\"nps\",\"score\":3}"), json);
            assertTrue(json.contains("{\"question\":\"why\",\"text\":\"Zu <b>langsam</b>\"}"), json);
            assertTrue(json.contains("\"hiddenFields\":{\"ticket_id\":\"T-4711\"}"), json);
            assertEquals(Optional.empty(), PersonalData.export(c, "C-unknown"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void erasureRemovesWhatIdentifiesThePersonAndKeepsTheAggregates(String database) throws SQLException {
        try (Connection c = seeded(database)) {
            long events = count(c, "SELECT COUNT(*) FROM response_event");
            var outcome =
                    PersonalData.erase(c, "C-1", "admin", T0.plusSeconds(60)).orElseThrow();
            c.commit();
            assertEquals(new PersonalData.Outcome(1, 1), outcome);
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM customer WHERE external_id = 'C-1' OR name = 'Anna' OR email IS NOT NULL"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM customer_attribute"));
            assertEquals(
                    0,
                    count(c, "SELECT COUNT(*) FROM answer WHERE text_value IS NOT NULL"),
                    "free texts may name people");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM response WHERE customer_id IS NOT NULL"));
            assertEquals(
                    0,
                    count(c, "SELECT COUNT(*) FROM response WHERE hidden_fields IS NOT NULL"),
                    "a ticket id can point at the person");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM answer WHERE score = 3"), "the score stays for the trends");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM response_segment"), "and so does its segment");
            assertEquals(events + 1, count(c, "SELECT COUNT(*) FROM response_event"), "analytics hears of the change");
            assertEquals(
                    1,
                    count(
                            c,
                            "SELECT COUNT(*) FROM privacy_log WHERE action = 'ERASURE' AND actor = 'admin'"
                                    + " AND subject_hash = '" + PersonalData.hash("C-1") + "'"));
            assertEquals(Optional.empty(), PersonalData.export(c, "C-1"), "nothing is left to export");
            assertEquals(Optional.empty(), PersonalData.erase(c, "C-1", "admin", T0), "a second request finds nobody");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void responsesOlderThanTheRetentionPeriodAreAnonymisedOnce(String database) throws SQLException {
        try (Connection c = seeded(database)) {
            PersonalData.retention(c, 1, 30);
            assertEquals(
                    new PersonalData.Outcome(0, 0),
                    PersonalData.applyRetention(c, "job", T0.plus(Duration.ofDays(29))));
            assertEquals(
                    new PersonalData.Outcome(1, 1),
                    PersonalData.applyRetention(c, "job", T0.plus(Duration.ofDays(31))));
            c.commit();
            assertEquals(
                    new PersonalData.Outcome(0, 0),
                    PersonalData.applyRetention(c, "job", T0.plus(Duration.ofDays(32))),
                    "anonymised once");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM response WHERE customer_id IS NOT NULL"));
            assertEquals(
                    0,
                    count(c, "SELECT COUNT(*) FROM response WHERE hidden_fields IS NOT NULL"),
                    "a ticket id can point at the person");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM customer WHERE name = 'Anna'"), "the customer stays");
            assertFalse(count(c, "SELECT COUNT(*) FROM privacy_log WHERE action = 'RETENTION'") == 0);
        }
    }
}
