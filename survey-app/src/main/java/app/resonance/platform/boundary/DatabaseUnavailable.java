package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises a failure to reach the database and answers it with 503 and Retry-After, not 500. */
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
            if (c instanceof java.sql.SQLRecoverableException) {
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

    static Problem problem(Messages messages) {
        return Problem.of(503, "Service Unavailable", messages.get("problem.databaseUnavailable"));
    }

    static Response response(Messages messages) {
        return Response.fromResponse(problem(messages).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
