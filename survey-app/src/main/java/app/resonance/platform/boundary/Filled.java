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
 * A required body text: present and not only white space. Our own constraint rather than {@code @NotBlank}:
 * Payara's OpenAPI processor fails on that one on a record's components (as on {@code @Size}, see {@link Within}),
 * and the whole /openapi document answers 500; the requirement is documented in {@code @Schema(required = true)}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Filled.Check.class)
public @interface Filled {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Filled, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !value.toString().isBlank();
        }
    }
}
