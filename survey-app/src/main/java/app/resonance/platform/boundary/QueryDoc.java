package app.resonance.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of a query parameter field of a parameter class ({@code @BeanParam}), read by
 * {@link OpenApiParameters}. Not MicroProfile's {@code @Parameter}: Payara's scanner visits that annotation on
 * any field and fails (the whole /openapi answers 500) when it meets one outside a resource class.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryDoc {

    /** What the parameter does, with its default. */
    String description();

    /** Whether the request must give it. */
    boolean required() default false;
}
