package app.resonance.platform.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A query parameter that is absent or a day written YYYY-MM-DD (the OpenAPI's {@code format: date}). */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Day.Check.class)
public @interface Day {

    String message() default "{error.expectedDate}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Day, String> {
        /** The day of a checked parameter, or {@code otherwise} when it is absent. */
        public static LocalDate of(String text, LocalDate otherwise) {
            return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.strip());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                LocalDate.parse(value.strip());
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
