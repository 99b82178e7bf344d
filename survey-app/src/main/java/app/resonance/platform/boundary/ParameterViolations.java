package app.resonance.platform.boundary;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Violations of a validated {@code @BeanParam} parameter record as the problem every hand-written check
 * answers: 400 {@code invalid-parameters}, each parameter named (the record's fields carry the query
 * parameters' names) with the bundle text of the constraint's code, in the request's language.
 */
@Provider
public class ParameterViolations extends ProblemMappers.Localized<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return problem(exception.getConstraintViolations(), messages())
                .problem(messages())
                .toResponse();
    }

    static ProblemException problem(Set<? extends ConstraintViolation<?>> violations, Messages messages) {
        return QueryParameters.invalid(errors(violations, messages));
    }

    /** Each violated parameter by name, in the order of the names, with its text in the messages' language. */
    public static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations, Messages messages) {
        return violations.stream()
                .map(v -> QueryParameters.error(v, messages))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }
}
