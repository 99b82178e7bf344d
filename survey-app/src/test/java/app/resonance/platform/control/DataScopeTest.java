package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataScopeTest {

    static final DataScope BUSINESS_AND_STARTER = new DataScope(List.of(3L, 7L), List.of("business", "starter"));

    @Test
    void aLimitedUserGetsTheirFirstSegmentWhereNoneWasNamedAndIsRefusedAnother() {
        assertEquals("business", BUSINESS_AND_STARTER.segmentKey(null));
        assertEquals("business", BUSINESS_AND_STARTER.segmentKey(" "));
        assertEquals("starter", BUSINESS_AND_STARTER.segmentKey("starter"));
        var refused = assertThrows(OutsideDataScopeException.class, () -> BUSINESS_AND_STARTER.segmentKey("dach"));
        assertEquals("segment", refused.field());
        assertEquals(3L, BUSINESS_AND_STARTER.segmentId(null));
        assertThrows(OutsideDataScopeException.class, () -> BUSINESS_AND_STARTER.segmentId(4L));
    }

    @Test
    void everythingIsOpenWithoutALimitAndNothingOfAllResponsesWithOne() {
        assertEquals(null, DataScope.ALL.segmentKey(null));
        assertEquals("dach", DataScope.ALL.segmentKey("dach"));
        assertTrue(DataScope.ALL.covers(null));
        assertFalse(BUSINESS_AND_STARTER.covers(null));
        assertTrue(BUSINESS_AND_STARTER.covers(7L));
        assertFalse(BUSINESS_AND_STARTER.coversKey("dach"));
        assertThrows(OutsideDataScopeException.class, () -> BUSINESS_AND_STARTER.requireUnlimited("waves"));
        DataScope.ALL.requireUnlimited("waves");
    }

    @Test
    void whatOthersReceiveMustNameOneOfTheMakersSegments() {
        assertThrows(OutsideDataScopeException.class, () -> BUSINESS_AND_STARTER.requireSegment(null, "view.segment"));
        assertThrows(
                OutsideDataScopeException.class, () -> BUSINESS_AND_STARTER.requireSegment("dach", "view.segment"));
        BUSINESS_AND_STARTER.requireSegment("starter", "view.segment");
        DataScope.ALL.requireSegment(null, "view.segment");
    }

    @Test
    void theResponsesConditionNamesTheSegmentIdsAsNumbers() {
        assertEquals("1 = 1", DataScope.ALL.responses("r.id"));
        assertEquals(
                "EXISTS (SELECT 1 FROM response_segment ds WHERE ds.response_id = r.id AND ds.segment_id IN (3, 7))",
                BUSINESS_AND_STARTER.responses("r.id"));
    }

    @Test
    void theEndpointsAndPagesRefusedToALimitedUserAreFoundByPath() {
        assertTrue(DataScopeRules.refusedApi("admin/surveys/relationship-nps/waves"));
        assertTrue(DataScopeRules.refusedApi("/api/v1/admin/surveys/x/waves/12/respondents"));
        assertTrue(DataScopeRules.refusedApi("admin/followups/effectiveness"));
        assertTrue(DataScopeRules.refusedApi("admin/programmes/3/cycles"));
        assertFalse(DataScopeRules.refusedApi("admin/followups/12"));
        assertFalse(DataScopeRules.refusedApi("admin/surveys/relationship-nps/crosstab"));
        assertTrue(DataScopeRules.refusedPage("/admin/effectiveness.xhtml"));
        assertFalse(DataScopeRules.refusedPage("/admin/followups.xhtml"));
    }
}
