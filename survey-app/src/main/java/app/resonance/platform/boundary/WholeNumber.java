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
 * A query parameter that, when given, is a whole number from {@link #min} to {@link #max}. The parameter stays
 * text, so that "abc" is a named 400 and not Jersey's 404 for an unconvertible query parameter. The message is
 * the bundle code ({@code error.range}), rendered in the request's language by {@link ParameterViolations}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WholeNumber.Validator.class)
public @interface WholeNumber {

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    String message() default "range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, String> {
        /** The value, or the fallback when the parameter is not given (only after validation). */
        public static int or(String text, int fallback) {
            return text == null ? fallback : Integer.parseInt(text);
        }

        private int min;
        private int max;

        @Override
        public void initialize(WholeNumber constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                int number = Integer.parseInt(value);
                return number >= min && number <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
