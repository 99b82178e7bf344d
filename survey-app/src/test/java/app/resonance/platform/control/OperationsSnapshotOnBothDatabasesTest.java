package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationsSnapshotOnBothDatabasesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void emptyQueuesAreZeroAndOnlyPostgresCountsConnections(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            var s = OperationsSnapshot.read(c, NOW);
            assertEquals(0, s.rollupBacklog());
            assertEquals(0.0, s.rollupLagSeconds());
            assertEquals(0, s.mailQueued());
            assertEquals(0.0, s.mailOldestSeconds());
            assertEquals(0, s.webhookEventsWaiting());
            assertEquals(0, s.webhookDeliveriesPending());
            if (database.equals("postgres")) {
                // this very connection runs the query, so PostgreSQL counts at least it as active
                assertEquals(true, s.dbConnectionsActive() >= 1, "active " + s.dbConnectionsActive());
                assertEquals(true, s.dbConnectionsIdle() >= 0);
            } else {
                assertEquals(-1, s.dbConnectionsActive());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void backlogsCountWaitingRowsAndAgeTheOldest(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            event(c, 1, NOW.minus(Duration.ofSeconds(90)));
            event(c, 2, NOW.minus(Duration.ofSeconds(5)));
            event(c, 3, NOW.minus(Duration.ofSeconds(1)));
            mail(c, 1, NOW.minus(Duration.ofMinutes(10)), null, null);
            mail(c, 2, NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(4)), null); // sent
            mail(c, 3, NOW.minus(Duration.ofHours(6)), null, NOW.minus(Duration.ofHours(1))); // cancelled
            try (var s = c.prepareStatement("INSERT INTO webhook_event (id, response_id, survey_id, kind,"
                    + " occurred_at) VALUES (1, 1, 1, 'CREATED', ?)")) {
                s.setTimestamp(1, Jdbc.utc(NOW.minus(Duration.ofSeconds(30))));
                s.executeUpdate();
            }

            var s = OperationsSnapshot.read(c, NOW);
            assertEquals(3, s.rollupBacklog());
            assertEquals(90.0, s.rollupLagSeconds());
            assertEquals(1, s.mailQueued());
            assertEquals(600.0, s.mailOldestSeconds());
            assertEquals(1, s.webhookEventsWaiting());
            assertEquals(0, s.webhookDeliveriesPending());
            assertEquals(30.0, s.webhookOldestSeconds());
        }
    }

    private static void event(Connection c, long id, Instant at) throws Exception {
        try (var s = c.prepareStatement("INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at)"
                + " VALUES (?, ?, 1, 'CREATED', ?)")) {
            s.setLong(1, id);
            s.setLong(2, id);
            s.setTimestamp(3, Jdbc.utc(at.truncatedTo(ChronoUnit.MILLIS)));
            s.executeUpdate();
        }
    }

    private static void mail(Connection c, long id, Instant created, Instant sent, Instant cancelled) throws Exception {
        try (var s = c.prepareStatement(
                "INSERT INTO mail_outbox (id, kind, recipient, subject, created_at,"
                        + " next_attempt_at, delivered_at, status) VALUES (?, 'INVITATION', 'a@example.com', 'Hi', ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setTimestamp(2, Jdbc.utc(created));
            s.setTimestamp(3, Jdbc.utc(cancelled == null ? created : cancelled));
            s.setTimestamp(4, sent == null ? null : Jdbc.utc(sent));
            s.setString(5, sent != null ? "DELIVERED" : cancelled != null ? "CANCELLED" : "PENDING");
            s.executeUpdate();
        }
    }
}
