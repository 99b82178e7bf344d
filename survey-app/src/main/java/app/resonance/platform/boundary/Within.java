package app.resonance.platform.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * A body field that is absent or within bounds: a number between min and max, a text of min to max characters (after
 * stripping), a list of min to max entries. Our own constraint rather than {@code @Min}, {@code @Size} and the like:
 * Payara's OpenAPI processor fails on those when they sit on a record's components (it reads the canonical
 * constructor's parameters as request parameters); the bounds are documented in {@code @Schema} instead.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Within.Check.class)
public @interface Within {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    double min();

    double max();

    class Check implements ConstraintValidator<Within, Object> {
        private double min;
        private double max;

        @Override
        public void initialize(Within within) {
            min = within.min();
            max = within.max();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            double size;
            if (value == null) {
                return true;
            } else if (value instanceof Number n) {
                size = n.doubleValue();
            } else if (value instanceof CharSequence text) {
                size = text.toString().strip().length();
            } else if (value instanceof Collection<?> list) {
                size = list.size();
            } else {
                return false;
            }
            return size >= min && size <= max;
        }
    }
}
