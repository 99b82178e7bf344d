package app.resonance.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises a failure to reach the database and answers it with 503 and Retry-After, not 500. */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
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

    static Response response() {
        return Response.status(503)
                .type(Problem.PROBLEM_JSON)
                .header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable",
                        "The database cannot be reached at the moment; nothing was stored. Please retry.")
                        .toJson().toString())
                .build();
    }
}
