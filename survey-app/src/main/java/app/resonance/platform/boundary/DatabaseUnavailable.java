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

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable t) {
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
            String name = c.getClass().getName();
            if (name.equals("com.sun.appserv.connectors.internal.api.PoolingException")
                    || name.equals("jakarta.resource.ResourceException")
                    || name.equals("jakarta.resource.spi.ResourceAllocationException")) {
                return true;
            }
        }
        return false;
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
