package app.resonance.platform.boundary;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a {@code @BeanParam} of query parameters with Bean Validation and names every bad parameter by its
 * query name, with the message in the request's language ({@code error.*} of the messages bundles). The
 * problem itself is raised by the resource, together with what only the domain can check (an unknown
 * survey), so that one 400 names them all.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The violations of the parameters, ordered by parameter name; empty when all are fine. */
    public static List<FieldError> check(Validator validator, Object parameters, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(parameters)) {
            errors.add(error(violation, messages));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /**
     * One violation of a parameter class (checked here or by {@code @Valid} on a resource method), named by its
     * query name, with the text of its {@code error.*} code in the messages' language.
     */
    public static FieldError error(ConstraintViolation<?> violation, Messages messages) {
        String property = null;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            property = node.getName();
        }
        return messages.error(
                queryName(violation.getLeafBean().getClass(), property), code(violation), arguments(violation));
    }

    /** The problem for bad query parameters (400), as the analytics endpoints have always answered it. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
    }

    /** Whether a parameter already has an error (so that a domain check does not name it twice). */
    public static boolean named(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** A parameter read by hand (the export's): an enumeration constant in any case, or an error naming it. */
    public static <E extends Enum<E>> E enumValue(
            Class<E> type, String text, String field, List<FieldError> errors, Messages messages) {
        try {
            return Enum.valueOf(type, text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(messages.error(
                    field,
                    "oneOf",
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.joining(", "))));
            return null;
        }
    }

    /** A parameter read by hand (the export's): a day YYYY-MM-DD, the fallback when absent, or an error. */
    public static java.time.LocalDate date(
            String text, java.time.LocalDate fallback, String field, List<FieldError> errors, Messages messages) {
        if (text == null) {
            return fallback;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(messages.error(field, "expectedDate"));
            return fallback;
        }
    }

    static String queryName(Class<?> type, String property) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(property);
                QueryParam query = field.getAnnotation(QueryParam.class);
                return query == null ? property : query.value();
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return property;
    }

    private static String code(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        return template.startsWith("{error.") && template.endsWith("}")
                ? template.substring("{error.".length(), template.length() - 1)
                : "invalid";
    }

    private static Object[] arguments(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof OneOf oneOf) {
            return new Object[] {String.join(", ", OneOf.Check.choices(oneOf))};
        }
        if (constraint instanceof WholeNumber number) {
            return new Object[] {number.min(), number.max()};
        }
        if (constraint instanceof Size size) {
            return new Object[] {size.max()};
        }
        if (constraint instanceof Within within) {
            return new Object[] {(long) within.max()};
        }
        return new Object[0];
    }
}
