package app.resonance.platform.boundary;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Declares the query parameters of every {@code @BeanParam} of the API's resources in the OpenAPI, read from
 * the parameter class itself: its {@code @QueryParam} fields, their description
 * ({@link ParameterDoc}) and their Bean Validation constraints ({@link OneOf} as an enumeration,
 * {@link Day} as a date, {@link WholeNumber} as an integer with bounds, {@code @Size} as a maximum length).
 * Payara's scanner leaves these parameters out; so the contract cannot drift from what the resource checks.
 */
final class OpenApiParameters {

    /** The resources whose methods take query parameter classes. */
    static final List<String> RESOURCES = List.of(
            "app.resonance.analytics.boundary.AdminAnalyticsResource",
            "app.resonance.analytics.boundary.AdminMarkersResource",
            "app.resonance.analytics.boundary.AdminCommentsResource",
            "app.resonance.analytics.boundary.AdminCrosstabResource",
            "app.resonance.analytics.boundary.AdminMatrixResource",
            "app.resonance.analytics.boundary.AdminDriversResource",
            "app.resonance.analytics.boundary.AdminResponseBrowserResource",
            "app.resonance.customers.boundary.AdminCustomersResource",
            "app.resonance.audit.boundary.AdminAuditResource",
            "app.resonance.followups.boundary.AdminAlertsResource",
            "app.resonance.followups.boundary.AdminFollowUpsResource",
            "app.resonance.followups.boundary.AdminEffectivenessResource",
            "app.resonance.distribution.boundary.AdminSuppressionsResource",
            "app.resonance.webhooks.boundary.AdminWebhooksResource",
            "app.resonance.notifications.boundary.AdminNotificationsResource");

    private OpenApiParameters() {}

    private static final Map<String, List<Class<?>>> BY_OPERATION = byOperation();

    /**
     * Adds (or completes) the query parameters of the operation (HTTP method and path) from its parameter
     * classes, if it has any; another method on the same path (a POST beside a paged GET) gets none.
     */
    static void declare(String method, Operation operation, String path) {
        for (Field field : BY_OPERATION.getOrDefault(method + " " + path, List.of()).stream()
                .flatMap(parameters -> fields(parameters).stream())
                .toList()) {
            QueryParam query = field.getAnnotation(QueryParam.class);
            ParameterDoc described = field.getAnnotation(ParameterDoc.class);
            String description = described == null ? null : described.value();
            boolean required = described != null && described.required();
            var existing = operation.getParameters() == null
                    ? null
                    : operation.getParameters().stream()
                            .filter(p -> query.value().equals(p.getName())
                                    && p.getIn()
                                            == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                            .findFirst()
                            .orElse(null);
            if (existing == null) {
                operation.addParameter(OASFactory.createParameter()
                        .name(query.value())
                        .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                        .description(description)
                        .required(required)
                        .schema(schema(field)));
            } else {
                existing.description(description).required(required).schema(schema(field));
            }
        }
    }

    /** The schema a parameter's constraints describe. */
    static Schema schema(Field field) {
        OneOf oneOf = field.getAnnotation(OneOf.class);
        if (oneOf != null) {
            return OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .enumeration(new ArrayList<>(OneOf.Check.choices(oneOf)));
        }
        if (field.isAnnotationPresent(Day.class)) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        WholeNumber number = field.getAnnotation(WholeNumber.class);
        if (number != null) {
            Schema schema = OASFactory.createSchema()
                    .type(Schema.SchemaType.INTEGER)
                    .format("int32")
                    .minimum(BigDecimal.valueOf(number.min()));
            return number.max() == Integer.MAX_VALUE ? schema : schema.maximum(BigDecimal.valueOf(number.max()));
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Size size = field.getAnnotation(Size.class);
        return size == null ? schema : schema.maxLength(size.max());
    }

    /** The {@code @QueryParam} fields of a parameter class, its superclasses' first. */
    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            fields.addAll(fields(type.getSuperclass()));
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(QueryParam.class)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** Every path of the resources above whose method takes {@code @BeanParam}s, to the parameters' classes. */
    static Map<String, List<Class<?>>> byPath() {
        Map<String, List<Class<?>>> paths = new LinkedHashMap<>();
        byOperation().forEach((operation, types) -> paths.computeIfAbsent(
                        operation.substring(operation.indexOf(' ') + 1), p -> new ArrayList<>())
                .addAll(types));
        return paths;
    }

    /** As {@link #byPath()}, keyed by HTTP method and path ({@code GET /api/v1/admin/customers}). */
    static Map<String, List<Class<?>>> byOperation() {
        Map<String, List<Class<?>>> paths = new LinkedHashMap<>();
        for (String name : RESOURCES) {
            Class<?> resource;
            try {
                resource = Class.forName(name, false, OpenApiParameters.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("A resource with query parameters is gone: " + name, e);
            }
            String root = OpenApiContract.ADMIN
                    + resource.getAnnotation(Path.class).value().replaceFirst("^admin/", "");
            for (Method method : resource.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(BeanParam.class)) {
                        Path sub = method.getAnnotation(Path.class);
                        paths.computeIfAbsent(
                                        httpMethod(method) + " " + (sub == null ? root : root + "/" + sub.value()),
                                        p -> new ArrayList<>())
                                .add(parameter.getType());
                    }
                }
            }
        }
        return paths;
    }

    /** The HTTP method a resource method answers ({@code @GET}, {@code @POST}, ...). */
    static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        throw new IllegalStateException("Not a resource method: " + method);
    }
}
