package app.resonance.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;

/** What the plain-JDBC parts (outboxes, privacy work) share: own transactions, sequences, UTC time stamps. */
public final class Jdbc {

    private Jdbc() {}

    /** Work on a connection inside a transaction. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in a transaction of its own: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Lifts the data source's lock and statement timeouts for the rest of the current transaction (PostgreSQL;
     * {@code SET LOCAL} ends with the transaction, so the pooled connection keeps its limits): for set-based
     * jobs such as a rollup rebuild, which run for minutes and wait for each other on purpose. Call inside a
     * transaction (auto-commit off).
     */
    public static void withoutTimeouts(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (var s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = 0");
            s.execute("SET LOCAL statement_timeout = 0");
        }
    }

    /**
     * The next value of a sequence, used as one id. The sequences step by 50 and EclipseLink uses
     * value-49..value of each block, so a value taken here is never one JPA hands out.
     */
    public static long nextval(Connection c, String sequence) throws SQLException {
        boolean postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (var s = c.createStatement();
                var rs = s.executeQuery(
                        postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A UTC instant as the TIMESTAMP columns hold it. */
    public static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
