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
import java.util.List;
import java.util.Locale;

/**
 * A query parameter that is absent or one of the constants of an enumeration (in any case: {@code nps}
 * is NPS) or of a list of words. The OpenAPI declares the choice as the parameter's enumeration.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Check.class)
public @interface OneOf {

    String message() default "{error.oneOf}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The enumeration whose constants are allowed. */
    Class<? extends Enum<?>> type() default None.class;

    /** The words allowed when there is no enumeration (compared exactly). */
    String[] values() default {};

    /** No enumeration: {@link #values()} holds the choice. */
    enum None {}

    class Check implements ConstraintValidator<OneOf, String> {
        private List<String> choices;

        /** The allowed values as the message and the OpenAPI show them. */
        public static List<String> choices(OneOf oneOf) {
            if (oneOf.type() != None.class) {
                return Arrays.stream(oneOf.type().getEnumConstants())
                        .map(Enum::name)
                        .toList();
            }
            return List.of(oneOf.values());
        }

        private boolean ignoreCase;

        @Override
        public void initialize(OneOf oneOf) {
            choices = choices(oneOf);
            ignoreCase = oneOf.type() != None.class;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || choices.contains(ignoreCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip());
        }
    }
}
