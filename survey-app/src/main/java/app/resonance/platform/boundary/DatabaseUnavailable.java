package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure to use the database and answers it with 503 and Retry-After, not 500: the database
 * cannot be reached, the pool has no connection, a backend was terminated under a request, a lock or a
 * statement took longer than the database's timeouts, or a transaction could not be committed (it rolled
 * back: nothing was stored, and a retry with the same Idempotency-Key is safe).
 */
public final class DatabaseUnavailable {

    public static final String RETRY_AFTER_SECONDS = "5";

    /** How long after a recognised database failure an unrecognised one is taken for a consequence of it. */
    static final long DISTURBANCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** When this instance last recognised a database failure (the ticker's time), 0 if never. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_FAILURE =
            new java.util.concurrent.atomic.AtomicLong();

    static java.util.function.LongSupplier ticker = System::nanoTime;

    private DatabaseUnavailable() {}

    /** Whether the failure comes from the database (and if so, remembers when: see {@link #disturbed}). */
    public static boolean isCause(Throwable t) {
        boolean database = recognised(t);
        if (database) {
            LAST_FAILURE.set(ticker.getAsLong() | 1L);
        }
        return database;
    }

    /**
     * Whether this instance recognised a database failure within the last five seconds. A failure that is not
     * recognised but comes while the database fails (a connection dying under the pool, the driver or the
     * persistence provider in a state no exception type names) is answered as the database's 503 with
     * Retry-After, not 500: a retry with the same Idempotency-Key is safe, and the failure is still logged.
     */
    public static boolean disturbed() {
        long last = LAST_FAILURE.get();
        return last != 0 && ticker.getAsLong() - last < DISTURBANCE_NANOS;
    }

    private static boolean recognised(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exceptions; 57P01-57P03: the server shuts down, restarts or is starting
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
            if (c instanceof java.sql.SQLClientInfoException info && info.getSQLState() == null) {
                // the pool hands out a connection whose backend was terminated: PostgreSQL's driver refuses to
                // set its client info ("This connection has been closed.") before any statement runs
                return true;
            }
            if (c instanceof java.sql.SQLRecoverableException
                    || c instanceof java.sql.SQLTransientException
                    || c instanceof jakarta.transaction.RollbackException
                    || c instanceof jakarta.transaction.SystemException
                    || c instanceof jakarta.transaction.HeuristicRollbackException) {
                return true;
            }
            if (c instanceof jakarta.resource.ResourceException || fromPool(c.getClass())) {
                // the connector layer: allocating, validating, enlisting or ending a pooled connection failed
                // (ResourceAllocationException, LocalTransactionException and the pool's own exceptions)
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() == null && fromConnectionLayer(sql)) {
                // the pool's or the driver's own failure on a connection that went away, not a statement's
                return true;
            }
        }
        return false;
    }

    /** The server's pooling exceptions and their subclasses (not on the application's class path). */
    private static boolean fromPool(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (t.getName().equals("com.sun.appserv.connectors.internal.api.PoolingException")) {
                return true;
            }
        }
        return false;
    }

    /** A state-less SQLException raised by the connection pool's wrappers or the driver's connection. */
    private static boolean fromConnectionLayer(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        if (trace.length == 0) {
            return false;
        }
        String origin = trace[0].getClassName();
        return origin.startsWith("com.sun.gjc.") || origin.startsWith("org.postgresql.jdbc.PgConnection");
    }

    /**
     * 55P03: lock not available (lock_timeout); 57014: statement cancelled (statement_timeout); 40001 and
     * 40P01: serialization failure and deadlock; 53300: too many connections.
     */
    static boolean transientState(String state) {
        return state.equals("55P03")
                || state.equals("57014")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("53300");
    }

    static Problem problem(Messages messages) {
        return Problem.of(503, "Service Unavailable", messages.get("problem.databaseUnavailable"));
    }

    static Response response(Messages messages) {
        return Response.fromResponse(problem(messages).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
