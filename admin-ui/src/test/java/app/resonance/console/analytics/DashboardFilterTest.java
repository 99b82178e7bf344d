package app.resonance.console.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.Granularity;
import org.junit.jupiter.api.Test;

/** The dashboard's "Per" selector shows the periods the chart is drawn in, from the one shared default. */
class DashboardFilterTest {

    @Test
    void withoutAChoiceTheSelectorShowsTheMonthsTheChartIsDrawnIn() {
        DashboardFilter filter = new DashboardFilter();
        assertEquals(Granularity.MONTH, Granularity.DEFAULT, "months, as the API's analytics queries");
        assertEquals("MONTH", filter.getGranularity(), "what the selector shows and Apply sends back");
        assertEquals(Granularity.DEFAULT, filter.granularity(), "what the chart is drawn in");
    }

    @Test
    void aChosenGranularityIsKept() {
        DashboardFilter filter = new DashboardFilter();
        filter.setGranularity("DAY");
        assertEquals("DAY", filter.getGranularity());
        assertEquals(Granularity.DAY, filter.granularity());
    }
}
