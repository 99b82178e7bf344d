package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem, its detail in the request's
 * language. Nothing about the server, its classes or its SQL reaches the client; unexpected failures
 * are logged with an incident id that the client gets to quote.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    /** A plain HTTP status as a problem; keeps the headers a client needs (Allow, WWW-Authenticate, Retry-After). */
    static Response fromStatus(int status, Response original, Messages messages) {
        Response.ResponseBuilder builder = Response.fromResponse(
                Problem.of(status, title(status), detail(status, messages)).toResponse());
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Allow")
                        || name.equalsIgnoreCase("WWW-Authenticate")
                        || name.equalsIgnoreCase("Retry-After")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        return builder.build();
    }

    static String title(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "Error" : type.getReasonPhrase();
    }

    /** The bundle's detail for a status, or none for statuses without one. */
    static String detail(int status, Messages messages) {
        String key = "problem.status." + status;
        String text = messages.get(key);
        return text.equals(key) ? null : text;
    }

    static boolean causedByTooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static boolean causedByBodyNotReceived(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyNotReceivedException) {
                return true;
            }
        }
        return false;
    }

    /** A failure raised inside the JSON parser or binder (for example nesting too deep) is bad input. */
    static boolean fromJsonParser(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            StackTraceElement[] trace = c.getStackTrace();
            if (trace.length > 0
                    && (trace[0].getClassName().startsWith("org.eclipse.parsson")
                            || trace[0].getClassName().startsWith("org.eclipse.yasson"))) {
                return true;
            }
        }
        return false;
    }

    /** The answer to anything that is not a deliberate problem: bad input where it is, 503 or 500 otherwise. */
    static Response unexpected(Throwable exception, Messages messages) {
        if (causedByTooLarge(exception)) {
            return ProblemException.tooLarge().problem(messages).toResponse();
        }
        if (causedByBodyNotReceived(exception)) {
            return ProblemException.bodyNotReceived().problem(messages).toResponse();
        }
        if (exception instanceof JsonException
                || exception instanceof JsonbException
                || exception instanceof ProcessingException
                || fromJsonParser(exception)) {
            return ProblemException.badRequest("problem.malformedJson")
                    .problem(messages)
                    .toResponse();
        }
        if (DatabaseUnavailable.isCause(exception)) {
            return DatabaseUnavailable.response(messages);
        }
        String incident = UUID.randomUUID().toString();
        if (DatabaseUnavailable.disturbed()) {
            LOG.log(Level.WARNING, "Failure while the database fails, answered 503, incident " + incident, exception);
            return DatabaseUnavailable.response(messages);
        }
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(500, "Internal Server Error", messages.get("problem.unexpected", incident))
                .toResponse();
    }

    /**
     * Every mapper answers in the language the request asks for: the public survey API (the forms' and the
     * widget's submissions) in any respondent language, everything else in German or English.
     */
    public abstract static class Localized<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        HttpHeaders headers;

        @Context
        jakarta.ws.rs.core.UriInfo uri;

        protected Messages messages() {
            boolean respondent =
                    uri != null && uri.getPath(false).replaceFirst("^/", "").startsWith("surveys/");
            return respondent ? RequestLanguage.respondentMessages(headers) : RequestLanguage.messages(headers);
        }
    }

    @Provider
    public static class WebApplication extends Localized<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            if (exception instanceof ProblemException problem) {
                return problem.problem(messages()).toResponse();
            }
            Response original = exception.getResponse();
            int status = original == null ? 500 : original.getStatus();
            if (status >= 500 || causedByTooLarge(exception) || causedByBodyNotReceived(exception)) {
                return unexpected(exception, messages());
            }
            return fromStatus(status, original, messages());
        }
    }

    /**
     * A user limited to some segments asked for data outside them: 403, naming the field (the segment asked for, or
     * what the endpoint shows), with the words for the user's language. Records outside the limit are 404s instead.
     */
    @Provider
    public static class OutsideDataScope extends Localized<app.resonance.platform.control.OutsideDataScopeException> {
        @Override
        public Response toResponse(app.resonance.platform.control.OutsideDataScopeException exception) {
            Messages messages = messages();
            return Problem.typed(
                            "outside-data-scope",
                            403,
                            "Forbidden",
                            messages.get("problem.outsideDataScope"),
                            java.util.List.of(messages.error(exception.field(), "outsideDataScope")))
                    .toResponse();
        }
    }

    /**
     * A {@code @Transactional} method whose commit failed (the backend was terminated under it: SystemException,
     * RollbackException). Jersey's own mapper for this type would answer a body-less 500 for every cause but a
     * WebApplicationException; this one, closer than {@link Unexpected} and preferred to Jersey's as an
     * application provider, answers the database's 503 with Retry-After.
     */
    @Provider
    public static class Transactional extends Localized<jakarta.transaction.TransactionalException> {
        @Override
        public Response toResponse(jakarta.transaction.TransactionalException exception) {
            for (Throwable c = exception.getCause(); c != null; c = c.getCause()) {
                if (c instanceof WebApplicationException web) {
                    WebApplication mapper = new WebApplication();
                    mapper.headers = headers;
                    return mapper.toResponse(web);
                }
            }
            return unexpected(exception, messages());
        }
    }

    @Provider
    public static class MalformedJson extends Localized<JsonException> {
        @Override
        public Response toResponse(JsonException exception) {
            return unexpected(exception, messages());
        }
    }

    @Provider
    public static class UnbindableJson extends Localized<JsonbException> {
        @Override
        public Response toResponse(JsonbException exception) {
            return unexpected(exception, messages());
        }
    }

    @Provider
    public static class Processing extends Localized<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException exception) {
            return unexpected(exception, messages());
        }
    }

    @Provider
    public static class Unexpected extends Localized<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return unexpected(exception, messages());
        }
    }
}
