package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(name = "Named", description = "A record whose schema has its own name")
    record Renamed(String a) {}

    @Schema(description = "A customer's personal survey link (absolute) and its path")
    record Plain(String b) {}

    @Test
    void anArraysItemsAreTheSchemaOfTheImplementationClassWhateverItsDescription() {
        assertEquals(
                "IssuedInvitation",
                OpenApiContract.componentName(
                        "app.resonance.responses.boundary.AdminInvitationsResource$IssuedInvitation"));
        assertEquals(
                "IssuedInvitation",
                OpenApiContract.componentName(
                        "app.resonance.responses.boundary.AdminInvitationsResource.IssuedInvitation"));
        assertEquals("Named", OpenApiContract.componentName(Renamed.class.getName()));
        // the same description as IssuedInvitation's does not make it that schema
        assertEquals("Plain", OpenApiContract.componentName(Plain.class.getName()));
        assertEquals("Plain", OpenApiContract.componentName(Plain.class.getCanonicalName()));
        assertEquals("Gone", OpenApiContract.componentName("app.resonance.nowhere.Gone"));
        assertNull(OpenApiContract.componentName(null));
    }
}
