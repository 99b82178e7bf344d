package app.resonance.platform.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the generated OpenAPI document (registered as {@code mp.openapi.filter}) into a contract a
 * client generator and a linter accept: the Basic and Bearer security schemes (the public paths need
 * none), a unique operationId per operation derived from method and path, each tag once, the query
 * parameters of the analytics endpoints that read them from the request, and the RFC 9457 problem
 * details every error status answers with.
 */
public class OpenApiContract implements OASFilter {

    static final String ADMIN = "/api/v1/admin/";
    /** The event intake: outside the admin API, but authenticated like it. */
    static final String EVENTS = "/api/v1/events";

    private static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openapi) {
        security(openapi);
        problemSchema(openapi);
        OpenApiSchemas.complete(openapi);
        tags(openapi);
        if (openapi.getServers() != null) {
            openapi.getServers().forEach(s -> {
                if (s.getUrl() != null && s.getUrl().endsWith("/") && s.getUrl().length() > 1) {
                    s.setUrl(s.getUrl().substring(0, s.getUrl().length() - 1));
                }
            });
        }
        withoutEndpointsList(openapi);
        if (openapi.getPaths() == null || openapi.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        openapi.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    arrayItems(openapi, operation);
                    operation.setOperationId(unique(operationId(method, path), ids));
                    if (!authenticated(path)) {
                        operation.setSecurity(new ArrayList<>());
                    }
                    OpenApiParameters.declare(method.name(), operation, path);
                    OpenApiScopes.document(method, path, operation);
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> OpenApiSchemas.fix(p.getSchema()));
                        operation.getParameters().forEach(OpenApiContract::wholePathNumber);
                    }
                    typedSuccess(operation);
                    problems(operation, path);
                }));
    }

    /**
     * A number in a path is an id, a Java long, which Payara's scanner writes as a bare {@code number}: a client
     * generator would make it a decimal. It is an {@code integer} ({@code int64}).
     */
    static void wholePathNumber(org.eclipse.microprofile.openapi.models.parameters.Parameter parameter) {
        var schema = parameter.getSchema();
        if (parameter.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH
                && schema != null
                && schema.getType() == org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.NUMBER
                && schema.getFormat() == null) {
            schema.setType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER);
            schema.setFormat("int64");
        }
    }

    /**
     * Payara Micro adds a root field {@code endpoints} (its list of the app's URLs), which OpenAPI does not
     * allow there: it is emptied (and so left out) through Payara's model when that is the one at hand.
     */
    static void withoutEndpointsList(OpenAPI openapi) {
        try {
            openapi.getClass()
                    .getMethod("setEndpoints", Map.class)
                    .invoke(openapi, new java.util.TreeMap<String, Set<String>>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another implementation: nothing to clear
        }
    }

    private static void security(OpenAPI openapi) {
        if (openapi.getComponents() == null) {
            openapi.setComponents(OASFactory.createComponents());
        }
        openapi.getComponents()
                .addSecurityScheme(
                        "basic",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("An ADMIN user's name and password"))
                .addSecurityScheme(
                        "bearer",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(OpenApiScopes.bearerDescription()));
        List<SecurityRequirement> either = new ArrayList<>();
        either.add(OASFactory.createSecurityRequirement().addScheme("basic"));
        either.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
        openapi.setSecurity(either);
    }

    private static void problemSchema(OpenAPI openapi) {
        Schema error = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field, parameter or header concerned"))
                .addProperty("code", string("A stable code of the violation"))
                .addProperty("message", string("The violation in the request's language (de or en)"));
        openapi.getComponents()
                .addSchema(
                        PROBLEM,
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("RFC 9457 problem details")
                                .addProperty("type", string("A URI naming the kind of problem"))
                                .addProperty("title", string("Short summary of the kind of problem"))
                                .addProperty(
                                        "status",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.INTEGER)
                                                .description("The HTTP status"))
                                .addProperty("detail", string("What went wrong with this request"))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.ARRAY)
                                                .description("Each field that was refused")
                                                .items(error))
                                .required(List.of("type", "title", "status")));
    }

    private static void tags(OpenAPI openapi) {
        if (openapi.getTags() == null) {
            return;
        }
        Map<String, Tag> unique = new LinkedHashMap<>();
        openapi.getTags().forEach(t -> unique.putIfAbsent(t.getName(), t));
        unique.values().forEach(t -> {
            if (t.getDescription() == null) {
                t.setDescription(
                        t.getName().startsWith("Admin")
                                ? t.getName()
                                                .substring(t.getName().indexOf(':') + 1)
                                                .trim() + " (administrators and API tokens)"
                                : t.getName() + " (no authentication)");
            }
        });
        openapi.setTags(new ArrayList<>(unique.values()));
    }

    /** Whether the path needs a user or a token: the admin API and the event intake. */
    static boolean authenticated(String path) {
        return path.startsWith(ADMIN) || path.equals(EVENTS) || path.startsWith(EVENTS + "/");
    }

    /** {@code GET /api/v1/admin/surveys/{slug}/waves} becomes {@code getAdminSurveysBySlugWaves}. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v1", "").split("[/.-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
        }
        return id.toString();
    }

    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + n;
        }
        return candidate;
    }

    /**
     * Payara files a method's return type under {@code default}; a typed answer (a schema of the API's) is the
     * success (200), so that {@code default} stays free for the problem details. Every body schema is fixed.
     */
    private static void typedSuccess(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation
                    .getRequestBody()
                    .getContent()
                    .getMediaTypes()
                    .values()
                    .forEach(m -> OpenApiSchemas.fix(m.getSchema()));
        }
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().values().forEach(r -> {
            if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                r.getContent().getMediaTypes().values().forEach(m -> OpenApiSchemas.fix(m.getSchema()));
            }
        });
        var fallback = responses.getDefaultValue();
        boolean success = responses.getAPIResponses().keySet().stream().anyMatch(k -> k.startsWith("2"));
        if (fallback == null || success || fallback.getContent() == null) {
            return;
        }
        var json = fallback.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        Schema schema = json == null ? null : json.getSchema();
        boolean typed = schema != null
                && (schema.getRef() != null
                        || (schema.getItems() != null && schema.getItems().getRef() != null));
        if (typed) {
            if (fallback.getDescription() == null || fallback.getDescription().isBlank()) {
                fallback.setDescription("OK");
            }
            responses.addAPIResponse("200", fallback);
            responses.setDefaultValue(null);
        }
    }

    /**
     * Payara writes {@code @Schema(type = ARRAY, implementation = X.class)} on an answer as an array that
     * carries X's properties and bare object items, which client generators reject. The items become a
     * reference to the schema of the class named as the implementation (which Payara keeps on its model),
     * the copied properties and description go.
     */
    static void arrayItems(OpenAPI openapi, Operation operation) {
        if (operation.getResponses() == null
                || operation.getResponses().getAPIResponses() == null
                || openapi.getComponents() == null
                || openapi.getComponents().getSchemas() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().values().forEach(r -> {
            if (r.getContent() == null || r.getContent().getMediaTypes() == null) {
                return;
            }
            r.getContent().getMediaTypes().values().forEach(m -> {
                Schema schema = m.getSchema();
                if (schema == null || schema.getType() != Schema.SchemaType.ARRAY) {
                    return;
                }
                String name = componentName(implementation(schema));
                if (name == null || !openapi.getComponents().getSchemas().containsKey(name)) {
                    return;
                }
                schema.setProperties(null);
                schema.setDescription(null);
                schema.setItems(OASFactory.createSchema().ref("#/components/schemas/" + name));
            });
        });
    }

    /** The class named by {@code @Schema(implementation = ...)}, as Payara's model keeps it; null elsewhere. */
    static String implementation(Schema schema) {
        try {
            Object name = schema.getClass().getMethod("getImplementation").invoke(schema);
            return name instanceof String s && !s.isBlank() ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another implementation: no class to go by
        }
    }

    /**
     * The name of the component schema made of a class: the name its {@code @Schema} gives, else its simple
     * name. A nested class may be named with a dot ({@code Outer.Inner}) or as Java does ({@code Outer$Inner}).
     */
    static String componentName(String className) {
        if (className == null) {
            return null;
        }
        String candidate = className;
        while (true) {
            try {
                Class<?> type = Class.forName(candidate, false, OpenApiContract.class.getClassLoader());
                var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
                return annotation != null && !annotation.name().isBlank() ? annotation.name() : type.getSimpleName();
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    /** Every error status an operation can answer, as problem details. */
    private static void problems(Operation operation, String path) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("400", "The request is malformed or a field is invalid: each one is named");
        if (authenticated(path)) {
            statuses.put("401", "No or wrong credentials");
            statuses.put("403", "The credentials do not allow this");
        }
        if (path.contains("{")) {
            statuses.put("404", "No such resource");
        }
        statuses.put("503", "The database does not answer; try again later");
        statuses.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(problem("Any other error (409, 410, 413, 415, 422, 429)"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
