package app.resonance.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of a query parameter field of a {@code @BeanParam} class, read by
 * {@link OpenApiParameters}. (MicroProfile's own {@code @Parameter} on such a field makes Payara's scanner
 * fail: it expects one only on a resource method.)
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ParameterDoc {

    String value();

    boolean required() default false;
}
