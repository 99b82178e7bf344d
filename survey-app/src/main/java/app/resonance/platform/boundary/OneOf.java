package app.resonance.platform.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

/**
 * A query parameter that, when given, is one of {@link #value} (ignoring case when {@link #ignoreCase}). The
 * message is a bundle code: {@code error.oneOf} lists the values, another code (such as {@code expectedBoolean})
 * says it in its own words.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    String[] value();

    boolean ignoreCase() default false;

    String message() default "oneOf";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private String[] values;
        private boolean ignoreCase;

        @Override
        public void initialize(OneOf constraint) {
            values = constraint.value();
            ignoreCase = constraint.ignoreCase();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String candidate = ignoreCase ? value.toUpperCase(Locale.ROOT) : value;
            return Arrays.asList(values).contains(candidate);
        }
    }
}
