package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    @Test
    void operationIdsNameMethodAndPath() {
        assertEquals(
                "getAdminSurveysBySlugWaves",
                OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/v1/admin/surveys/{slug}/waves"));
        assertEquals(
                "getAdminAnalyticsReportsDashboardPdf",
                OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/v1/admin/analytics/reports/dashboard.pdf"));
        assertEquals(
                "postSurveysBySlugResponses",
                OpenApiContract.operationId(PathItem.HttpMethod.POST, "/api/v1/surveys/{slug}/responses"));
    }
}
