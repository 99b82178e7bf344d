package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The OpenAPI learns the query parameters of every endpoint from the parameter class its method takes. */
class OpenApiParametersTest {

    static List<String> names(Class<?> type) {
        return OpenApiParameters.fields(type).stream()
                .map(f -> f.getAnnotation(QueryParam.class).value())
                .toList();
    }

    @Test
    void everyEndpointWithQueryParametersHasItsParameterClasses() {
        Map<String, String> paths = new TreeMap<>();
        OpenApiParameters.byPath()
                .forEach((path, types) -> paths.put(
                        path,
                        String.join(
                                " + ", types.stream().map(Class::getSimpleName).toList())));
        assertEquals(
                Map.ofEntries(
                        Map.entry("/api/v1/admin/customers", "PageParameters + CustomerListParameters"),
                        Map.entry("/api/v1/admin/audit", "AuditParameters + PageParameters"),
                        Map.entry("/api/v1/admin/alerts", "PageParameters"),
                        Map.entry("/api/v1/admin/alerts/segment-check", "SegmentCheckParameters"),
                        Map.entry("/api/v1/admin/alerts/topic-check", "SegmentCheckParameters"),
                        Map.entry("/api/v1/admin/followups", "FollowUpFilter + PageParameters"),
                        Map.entry("/api/v1/admin/followups/effectiveness", "EffectivenessParameters"),
                        Map.entry("/api/v1/admin/suppressions", "SuppressionParameters + PageParameters"),
                        Map.entry("/api/v1/admin/analytics/trend", "AnalyticsParameters"),
                        Map.entry("/api/v1/admin/analytics/segments", "AnalyticsParameters"),
                        Map.entry("/api/v1/admin/analytics/reports/dashboard.pdf", "WindowParameters"),
                        Map.entry("/api/v1/admin/analytics/markers/{id}/impact", "WindowParameters"),
                        Map.entry("/api/v1/admin/analytics/comments", "CommentParameters"),
                        Map.entry("/api/v1/admin/analytics/comments/themes", "CommentParameters"),
                        Map.entry("/api/v1/admin/surveys/{slug}/crosstab", "CrosstabParameters"),
                        Map.entry("/api/v1/admin/surveys/{slug}/crosstab/csv", "CrosstabParameters"),
                        Map.entry("/api/v1/admin/surveys/{slug}/matrix", "MatrixParameters"),
                        Map.entry("/api/v1/admin/surveys/{slug}/responses", "BrowseParameters"),
                        Map.entry("/api/v1/admin/surveys/{slug}/drivers", "ResponseFilterParameters"),
                        Map.entry("/api/v1/admin/webhooks/{id}/deliveries", "DeliveryParameters"),
                        Map.entry("/api/v1/admin/notifications/{id}/deliveries", "DeliveryParameters")),
                paths);
    }

    /**
     * Every resource with a method taking a {@code @BeanParam} is in the list whose parameters go into the OpenAPI:
     * a new one left out would have its query parameters undocumented (seen with the effectiveness report).
     */
    @Test
    void everyResourceWithBeanParametersIsListed() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<String> withBeanParams;
        try (var files = java.nio.file.Files.walk(classes.resolve("app/resonance"))) {
            withBeanParams = files.map(f -> classes.relativize(f).toString())
                    .filter(f -> f.endsWith("Resource.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(OpenApiParametersTest::takesBeanParams)
                    .sorted()
                    .toList();
        }
        assertEquals(
                withBeanParams, OpenApiParameters.RESOURCES.stream().sorted().toList());
    }

    private static boolean takesBeanParams(String className) {
        try {
            for (var method : Class.forName(className).getDeclaredMethods()) {
                for (var annotations : method.getParameterAnnotations()) {
                    for (var annotation : annotations) {
                        if (annotation instanceof jakarta.ws.rs.BeanParam) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theParametersAreTheFieldsTheResourceReads() {
        Map<String, List<Class<?>>> paths = OpenApiParameters.byPath();
        assertEquals(
                List.of(
                        "survey",
                        "metric",
                        "question",
                        "segment",
                        "channel",
                        "locale",
                        "from",
                        "to",
                        "granularity",
                        "zone",
                        "days"),
                names(paths.get("/api/v1/admin/analytics/markers/{id}/impact").get(0)));
        assertEquals(
                List.of(
                        "survey",
                        "q",
                        "question",
                        "theme",
                        "segment",
                        "channel",
                        "locale",
                        "from",
                        "to",
                        "offset",
                        "limit",
                        "granularity"),
                names(paths.get("/api/v1/admin/analytics/comments").get(0)));
        // The filters a survey's views share come first, then the browser's own.
        assertEquals(
                List.of(
                        "segment",
                        "channel",
                        "locale",
                        "from",
                        "to",
                        "version",
                        "band",
                        "topic",
                        "q",
                        "customer",
                        "cursor",
                        "limit"),
                names(paths.get("/api/v1/admin/surveys/{slug}/responses").get(0)));
        assertEquals(
                List.of("status", "assignee", "customer", "overdue", "offset", "limit"),
                paths.get("/api/v1/admin/followups").stream()
                        .flatMap(type -> names(type).stream())
                        .toList());
        assertEquals(
                List.of("offset", "limit", "sort", "order"),
                paths.get("/api/v1/admin/customers").stream()
                        .flatMap(type -> names(type).stream())
                        .toList());
    }

    @Test
    void onlyTheMethodThatTakesTheParametersDeclaresThem() {
        var operations = OpenApiParameters.byOperation();
        assertEquals(
                List.of("offset", "limit", "sort", "order"),
                operations.get("GET /api/v1/admin/customers").stream()
                        .flatMap(type -> names(type).stream())
                        .toList());
        assertEquals(
                null, operations.get("POST /api/v1/admin/customers"), "creating a customer takes no paging parameters");
    }
}
