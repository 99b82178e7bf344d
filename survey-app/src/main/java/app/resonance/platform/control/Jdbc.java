package app.resonance.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one toolkit for plain JDBC: own transactions (commit and rollback happen here and nowhere else), binding,
 * single statements, queries into records, streaming selects, batches, sequences and id blocks, UTC time stamps.
 *
 * <p>When plain JDBC instead of JPA: set-based work (one statement over many rows: rollups, retention), streaming
 * reads of many rows (exports, comments), bulk writes in batches (the demo's responses), and the few places that
 * must run before or beside JPA (migrations, secrets at startup, outboxes claimed with {@code SKIP LOCKED}).
 * Everything else (one entity, a small graph, a page of rows) goes through JPA. SQL is written as Java text blocks
 * with {@code ?} parameters; values are never concatenated into SQL.
 */
public final class Jdbc {

    /** Rows fetched per round trip by {@link #stream}: PostgreSQL then keeps only this many in memory. */
    public static final int FETCH_SIZE = 1000;

    private Jdbc() {}

    /** Work on a connection. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads one row into a value. */
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Handles one row of a streamed select. */
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Runs the work in a transaction of its own: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, work);
        }
    }

    /**
     * Runs the work in a transaction on this connection: committed when it returns, rolled back when it throws;
     * the connection's auto-commit is restored afterwards.
     */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Runs the work on a connection of its own in auto-commit mode (each statement its own transaction). */
    public static <T> T autoCommit(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }

    /**
     * Binds the values to the statement's parameters in order: null as SQL NULL, an {@link Instant} as the UTC
     * wall-clock time the TIMESTAMP columns hold, dates and times with {@code setObject} (no JVM time zone shifts
     * them), an enum by its name.
     */
    public static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
    }

    /** Binds one value at a parameter index (see {@link #bind(PreparedStatement, Object...)}). */
    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Integer n) {
            statement.setInt(index, n);
        } else if (value instanceof Long n) {
            statement.setLong(index, n);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Double d) {
            statement.setDouble(index, d);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDateTime || value instanceof LocalDate || value instanceof OffsetDateTime) {
            statement.setObject(index, value);
        } else if (value instanceof Timestamp t) {
            statement.setTimestamp(index, t);
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else {
            statement.setString(index, value.toString());
        }
    }

    /** One INSERT, UPDATE or DELETE; answers the number of rows it changed. */
    public static int update(Connection c, String sql, Object... values) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    /** Every row of a (small) select, each read into a value. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        List<T> result = new ArrayList<>();
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, values);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row.map(rs));
                }
            }
        }
        return result;
    }

    /** The first row of a select, read into a value, or empty. */
    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, values);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** The number in the first column of the first row (a COUNT, a SUM): 0 without a row or for NULL. */
    public static long number(Connection c, String sql, Object... values) throws SQLException {
        return first(c, sql, rs -> rs.getLong(1), values).orElse(0L);
    }

    /**
     * A select read row by row, forward only, {@value #FETCH_SIZE} rows per round trip. PostgreSQL streams only
     * inside a transaction: call it in {@link #inTransaction} (or with auto-commit off) for many rows.
     */
    public static void stream(Connection c, String sql, RowHandler handler, Object... values) throws SQLException {
        try (var statement = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, values);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    /** A batch of one statement with many rows of values; {@link Batch#flush} sends what was added. */
    public static Batch batch(Connection c, String sql) throws SQLException {
        return new Batch(c.prepareStatement(sql));
    }

    /**
     * One prepared statement executed for many rows. Rows are sent by {@link #flush} (in the order the caller
     * flushes several batches, so that rows referring to others come after them); closing does not send.
     */
    public static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        private Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        /** Adds one row of values. */
        public Batch add(Object... values) throws SQLException {
            bind(statement, values);
            statement.addBatch();
            pending++;
            return this;
        }

        /** Rows added and not yet sent. */
        public int pending() {
            return pending;
        }

        /** Sends the rows added since the last flush; answers their update counts. */
        public int[] flush() throws SQLException {
            if (pending == 0) {
                return new int[0];
            }
            pending = 0;
            return statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** Sends the batches in this order (parents before the rows that refer to them). */
    public static void flush(Batch... batches) throws SQLException {
        for (Batch batch : batches) {
            batch.flush();
        }
    }

    /** "?, ?, ?" for an IN list of n values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The list in consecutive pieces of at most {@code size}, for IN lists and batches. */
    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /** Whether the connection is to PostgreSQL (else H2). */
    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Lifts the data source's lock and statement timeouts for the rest of the current transaction (PostgreSQL;
     * {@code SET LOCAL} ends with the transaction, so the pooled connection keeps its limits): for set-based
     * jobs such as a rollup rebuild, which run for minutes and wait for each other on purpose. Call inside a
     * transaction (auto-commit off).
     */
    public static void withoutTimeouts(Connection c) throws SQLException {
        if (!postgres(c)) {
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
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a sequence name: " + sequence);
        }
        String sql = postgres(c) ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A UTC instant as the TIMESTAMP columns hold it. */
    public static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
