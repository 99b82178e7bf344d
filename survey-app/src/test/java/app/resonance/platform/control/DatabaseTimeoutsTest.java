package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.boundary.DatabaseUnavailable;
import app.resonance.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** PostgreSQL's lock and statement timeouts on every connection of the application's data source. */
class DatabaseTimeoutsTest {

    @Test
    void theApplicationDefaultsAreFourSecondsForALockAndThirtyForAStatement() {
        var dataSource = new RoutingDataSource();
        assertEquals("4s", dataSource.getLockTimeout());
        assertEquals("30s", dataSource.getStatementTimeout());
    }

    @Test
    void aTimeoutIsADurationAndNothingElse() {
        var dataSource = new RoutingDataSource();
        dataSource.setLockTimeout(" 500ms ");
        assertEquals("500ms", dataSource.getLockTimeout());
        dataSource.setStatementTimeout("0");
        assertEquals("0", dataSource.getStatementTimeout());
        assertThrows(IllegalArgumentException.class, () -> dataSource.setLockTimeout("4s -c work_mem=1TB"));
        assertThrows(IllegalArgumentException.class, () -> dataSource.setStatementTimeout("${MPCONFIG=x}"));
        assertThrows(IllegalArgumentException.class, () -> dataSource.setStatementTimeout(""));
    }

    @Test
    void aStatementWaitingForALockHeldElsewhereFailsAfterTheLockTimeoutAsDatabaseUnavailable() throws Exception {
        String url = freshPostgres();
        DataSource app = RoutingDataSource.create(url, TestDatabases.PG_USER, null, "1s", "30s");
        try (Connection holder = RoutingDataSource.create(url, TestDatabases.PG_USER, null)
                        .getConnection();
                Connection waiter = app.getConnection()) {
            try (var s = holder.createStatement()) {
                s.execute("CREATE TABLE held (id INT PRIMARY KEY, n INT)");
                s.execute("INSERT INTO held VALUES (1, 0)");
            }
            holder.setAutoCommit(false);
            try (var s = holder.createStatement()) {
                s.executeUpdate("UPDATE held SET n = 1 WHERE id = 1");
            }
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> {
                try (var s = waiter.createStatement()) {
                    s.executeUpdate("UPDATE held SET n = 2 WHERE id = 1");
                }
            });
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("55P03", e.getSQLState(), e.getMessage());
            assertTrue(waited.compareTo(Duration.ofSeconds(3)) < 0, "gave up after the lock timeout: " + waited);
            assertTrue(DatabaseUnavailable.isCause(e), "answered 503 with Retry-After");
            holder.rollback();
        }
    }

    @Test
    void aSetBasedJobRunsWithoutTheTimeoutsOnlyInItsOwnTransaction() throws Exception {
        DataSource app = RoutingDataSource.create(freshPostgres(), TestDatabases.PG_USER, null, "4s", "30s");
        try (Connection c = app.getConnection()) {
            assertEquals("4s", show(c, "lock_timeout"));
            assertEquals("30s", show(c, "statement_timeout"));
            c.setAutoCommit(false);
            Jdbc.withoutTimeouts(c);
            assertEquals("0", show(c, "lock_timeout"));
            assertEquals("0", show(c, "statement_timeout"));
            c.commit();
            assertEquals("4s", show(c, "lock_timeout"), "the pooled connection keeps its limit");
            assertEquals("30s", show(c, "statement_timeout"));
        }
    }

    static String freshPostgres() {
        TestDatabases.requirePostgres();
        String name = TestDatabases.PG_PREFIX
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabases.recreate(name);
        return TestDatabases.pgUrl(name);
    }

    static String show(Connection c, String setting) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
