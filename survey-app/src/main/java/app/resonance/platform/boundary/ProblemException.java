package app.resonance.platform.boundary;

import app.resonance.platform.control.FieldError;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/** Ends a request with an RFC 9457 problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends WebApplicationException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), problem.toResponse());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.typed("not-found", 404, "Not Found", detail, List.of()));
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(Problem.typed("gone", 410, "Gone", detail, List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.typed("conflict", 409, "Conflict", detail, List.of()));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.typed("malformed-request", 400, "Bad Request", detail, List.of()));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.typed("validation-failed", 422, "Unprocessable Content", detail, errors));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.typed("payload-too-large", 413, "Content Too Large", detail, List.of()));
    }
}
