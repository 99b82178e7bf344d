package app.resonance.platform.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem. Nothing about the server,
 * its classes or its SQL reaches the client; unexpected failures are logged with an incident id that
 * the client gets to quote.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response fromStatus(int status, Response original) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.PROBLEM_JSON)
                .entity(Problem.of(status, title, detailFor(status)).toJson().toString());
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")
                        || name.equalsIgnoreCase("Retry-After")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        return builder.build();
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "Authentication is required: HTTP Basic for an ADMIN user or a Bearer API token.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers application/json only.";
            case 413 -> "The request body is larger than 1 MB.";
            case 415 -> "Send the request body as application/json.";
            default -> null;
        };
    }

    static boolean causedByTooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            if (exception instanceof ProblemException problem) {
                return problem.problem().toResponse();
            }
            if (causedByTooLarge(exception)) {
                return ProblemException.tooLarge(detailFor(413)).problem().toResponse();
            }
            Response original = exception.getResponse();
            int status = original == null ? 500 : original.getStatus();
            if (status >= 500) {
                return unexpected(exception);
            }
            return fromStatus(status, original);
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException exception) {
            return ProblemException.badRequest("The body is not valid JSON.").problem().toResponse();
        }
    }

    @Provider
    public static class UnbindableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException exception) {
            return ProblemException.badRequest("The body is not valid JSON or has a value of the wrong type.")
                    .problem().toResponse();
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException exception) {
            if (causedByTooLarge(exception)) {
                return ProblemException.tooLarge(detailFor(413)).problem().toResponse();
            }
            return ProblemException.badRequest("The body is not valid JSON or has a value of the wrong type.")
                    .problem().toResponse();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            if (causedByTooLarge(exception)) {
                return ProblemException.tooLarge(detailFor(413)).problem().toResponse();
            }
            if (exception instanceof JsonException || exception instanceof JsonbException || fromJsonParser(exception)) {
                return ProblemException.badRequest("The body is not valid JSON.").problem().toResponse();
            }
            return unexpected(exception);
        }
    }

    /** A failure raised inside the JSON parser or binder (for example nesting too deep) is bad input. */
    static boolean fromJsonParser(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            StackTraceElement[] trace = c.getStackTrace();
            if (trace.length > 0 && (trace[0].getClassName().startsWith("org.eclipse.parsson")
                    || trace[0].getClassName().startsWith("org.eclipse.yasson"))) {
                return true;
            }
        }
        return false;
    }

    static Response unexpected(Throwable exception) {
        if (fromJsonParser(exception)) {
            return ProblemException.badRequest("The body is not valid JSON.").problem().toResponse();
        }
        if (DatabaseUnavailable.isCause(exception)) {
            return DatabaseUnavailable.response();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(500, "Internal Server Error", "Something went wrong on our side. Incident " + incident + ".")
                .toResponse();
    }
}
