package app.resonance.platform.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter that is absent or a whole number from {@link #min()} to {@link #max()}. It is read as
 * text, so that "abc" is named as a bad parameter (400) rather than turned into a 404 by the framework;
 * the OpenAPI declares it as an integer with these bounds.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WholeNumber.Check.class)
public @interface WholeNumber {

    String message() default "{error.range}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int min();

    int max() default Integer.MAX_VALUE;

    class Check implements ConstraintValidator<WholeNumber, String> {
        private int min;

        /** The number of a checked parameter, or {@code otherwise} when it is absent. */
        public static int of(String text, int otherwise) {
            return text == null || text.isBlank() ? otherwise : Integer.parseInt(text.strip());
        }

        private int max;

        @Override
        public void initialize(WholeNumber number) {
            min = number.min();
            max = number.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                int n = Integer.parseInt(value.strip());
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
