package app.resonance.platform.boundary;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * Ends a request with an RFC 9457 problem. The detail is a key of the message bundles, rendered in the
 * request's language by {@link ProblemMappers}; field errors arrive already in that language.
 */
public class ProblemException extends WebApplicationException {

    private final String type;
    private final String title;
    private final String detailKey;
    private final transient Object[] args;
    private final transient List<FieldError> errors;

    public ProblemException(
            String type, int status, String title, String detailKey, List<FieldError> errors, Object... args) {
        super(detailKey, status);
        this.type = type;
        this.title = title;
        this.detailKey = detailKey;
        this.args = args;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The problem with its detail in the language of these messages. */
    public Problem problem(Messages messages) {
        return Problem.typed(type, getResponse().getStatus(), title, messages.get(detailKey, args), errors);
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException("not-found", 404, "Not Found", detailKey, List.of(), args);
    }

    public static ProblemException gone(String detailKey, Object... args) {
        return new ProblemException("gone", 410, "Gone", detailKey, List.of(), args);
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException("conflict", 409, "Conflict", detailKey, List.of(), args);
    }

    public static ProblemException badRequest(String detailKey, Object... args) {
        return new ProblemException("malformed-request", 400, "Bad Request", detailKey, List.of(), args);
    }

    public static ProblemException invalid(String detailKey, List<FieldError> errors) {
        return new ProblemException("validation-failed", 422, "Unprocessable Content", detailKey, errors);
    }

    public static ProblemException bodyNotReceived() {
        return new ProblemException("request-timeout", 408, "Request Timeout", "problem.status.408", List.of());
    }

    public static ProblemException tooLarge() {
        return new ProblemException("payload-too-large", 413, "Content Too Large", "problem.status.413", List.of());
    }
}
