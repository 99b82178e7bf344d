package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.entity.Scope;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {

    @Test
    void eachKindOfEndpointNeedsItsScopeAndTheLongestPathWins() {
        assertEquals(Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "admin/analytics/trend"));
        assertEquals(Optional.of(Scope.ADMIN), ScopeRules.required("POST", "admin/analytics/rollups/rebuild"));
        assertEquals(Optional.of(Scope.WRITE_RESPONSES), ScopeRules.required("POST", "admin/analytics/markers"));
        assertEquals(
                Optional.of(Scope.READ_RESPONSES), ScopeRules.required("GET", "admin/analytics/exports/responses"));
        assertEquals(Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "/admin/surveys"));
        assertEquals(Optional.of(Scope.WRITE_SURVEYS), ScopeRules.required("POST", "admin/surveys/nps/publish"));
        assertEquals(Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "admin/surveys/nps/crosstab/csv"));
        assertEquals(Optional.of(Scope.WRITE_RESPONSES), ScopeRules.required("POST", "admin/surveys/nps/responses"));
        assertEquals(
                Optional.of(Scope.WRITE_SURVEYS),
                ScopeRules.required("GET", "admin/surveys/nps/widget-secret"),
                "reading the secret is as strong as changing it");
        assertEquals(Optional.of(Scope.READ_RESPONSES), ScopeRules.required("GET", "admin/responses/7"));
        assertEquals(Optional.of(Scope.WRITE_RESPONSES), ScopeRules.required("PATCH", "admin/followups/3"));
        assertEquals(Optional.of(Scope.ADMIN), ScopeRules.required("GET", "admin/audit"));
        assertEquals(Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "admin/alert-rules/51"));
        assertEquals(Optional.of(Scope.ADMIN), ScopeRules.required("POST", "admin/alert-rules/51/pause"));
        assertEquals(Optional.of(Scope.READ_RESPONSES), ScopeRules.required("GET", "admin/alerts"));
        assertEquals(Optional.of(Scope.WRITE_SURVEYS), ScopeRules.required("PUT", "admin/event-rules/51"));
        assertEquals(Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "admin/event-rules"));
        // saved views and their share links: read with read:analytics, made and revoked as markers are
        assertEquals(
                Optional.of(Scope.READ_ANALYTICS), ScopeRules.required("GET", "admin/dashboard-views/50/share-links"));
        assertEquals(
                Optional.of(Scope.WRITE_RESPONSES),
                ScopeRules.required("POST", "admin/dashboard-views/50/share-links"));
        assertEquals(Optional.of(Scope.WRITE_RESPONSES), ScopeRules.required("PUT", "admin/dashboard-views/50"));
        // the shared page itself needs no token at all
        assertEquals(Optional.empty(), ScopeRules.required("GET", "api/v1/share/abc"));
        // the event intake is outside the admin API but needs its scope; other public paths need none
        assertEquals(Optional.of(Scope.WRITE_RESPONSES), ScopeRules.required("POST", "api/v1/events"));
        assertEquals(Optional.empty(), ScopeRules.required("POST", "surveys/nps/responses"));
        assertEquals(Optional.of(Scope.ADMIN), ScopeRules.required("DELETE", "api/v1/admin/tokens/51"));
    }

    @Test
    void anAdminPathWithoutARuleNeedsTheAdminScopeAndPublicPathsNone() {
        assertEquals(Optional.of(Scope.ADMIN), ScopeRules.required("GET", "admin/something-new"));
        assertEquals(Optional.empty(), ScopeRules.required("POST", "surveys/nps/responses"));
        assertEquals(Optional.empty(), ScopeRules.required("GET", "administrators"));
    }

    /** The endpoint list comes from the OpenAPI document: a new admin endpoint without a rule fails here. */
    @Test
    void everyAdminOperationOfTheOpenApiDocumentIsCoveredByARule() throws IOException {
        String document = Files.readString(Path.of("src/test/openapi/resonance-openapi.json"));
        JsonObject paths;
        try (var reader = Jsonp.createReader(new StringReader(document))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        List<String> uncovered = new ArrayList<>();
        int admin = 0;
        for (String path : paths.keySet()) {
            if (path.startsWith("/api/v1/admin/")) {
                admin++;
                if (!ScopeRules.covers(path)) {
                    uncovered.add(path);
                }
            }
        }
        assertEquals(List.of(), uncovered);
        assertTrue(admin > 30, "the document lists the admin API: " + admin);
    }

    @Test
    void readingMethodsAreGetHeadAndOptions() {
        for (String method : Set.of("GET", "HEAD", "OPTIONS")) {
            assertTrue(ScopeRules.reads(method), method);
        }
        for (String method : Set.of("POST", "PUT", "PATCH", "DELETE")) {
            assertEquals(false, ScopeRules.reads(method), method);
        }
    }
}
