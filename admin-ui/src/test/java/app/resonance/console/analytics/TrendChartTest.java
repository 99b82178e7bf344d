package app.resonance.console.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.control.Visibility;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trend chart's Chart.js JSON: values, band, gaps for withheld periods, markers, and script-safe text. */
class TrendChartTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @Test
    void valuesAndBandAreRoundedAWithheldPeriodIsAGapAndTypedLabelsCannotEndTheScript() {
        var shown = new Estimate(Metric.NPS, 120L, Visibility.SHOWN, 12.34, 5.0, 9.8, 2.54, 22.14);
        var few = new Estimate(Metric.NPS, 7L, Visibility.NOT_ENOUGH_RESPONSES, null, null, null, null, null);
        String label = "</script><script>alert(1)</script> & more";
        String json = TrendChart.json(
                List.of(
                        new TrendPoint(MARCH, MARCH.plusMonths(1).minusDays(1), "2026-03", shown),
                        new TrendPoint(APRIL, APRIL.plusMonths(1).minusDays(1), "2026-04", few)),
                Granularity.MONTH,
                Map.of(0, label),
                new TrendChart.Texts("NPS", "low", "high", "Actions", "partial"));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        var sets = chart.getJsonObject("data").getJsonArray("datasets");
        assertEquals("[12.3,null]", sets.getJsonObject(0).getJsonArray("data").toString());
        assertEquals("[2.5,null]", sets.getJsonObject(1).getJsonArray("data").toString());
        assertEquals("[22.1,null]", sets.getJsonObject(2).getJsonArray("data").toString());
        assertEquals("-1", sets.getJsonObject(2).getString("fill"), "the band fills down to the low line");
        assertEquals("[12.3,null]", sets.getJsonObject(3).getJsonArray("data").toString());
        assertEquals(label, sets.getJsonObject(3).getJsonArray("markerLabels").getString(0));
        assertTrue(chart.getJsonObject("data").getJsonArray("labels").toString().contains("2026-04"));
    }

    @Test
    void aPeriodTheRangeCoversOnlyInPartIsNamedAndDrawnHollow() {
        var shown = new Estimate(Metric.NPS, 117L, Visibility.SHOWN, 30.0, 7.8, 15.2, 14.8, 45.2);
        String json = TrendChart.json(
                List.of(
                        new TrendPoint(MARCH, MARCH.plusMonths(1).minusDays(1), "2026-03", shown),
                        new TrendPoint(APRIL, APRIL.plusDays(9), "2026-04", shown)),
                Granularity.MONTH,
                Map.of(),
                new TrendChart.Texts("NPS", "low", "high", "Actions", "partial"));
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertEquals(
                "[\"2026-03\",\"2026-04 (partial)\"]",
                chart.getJsonObject("data").getJsonArray("labels").toString());
        JsonObject value = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(
                "[\"circle\",\"rectRot\"]", value.getJsonArray("pointStyle").toString());
        assertEquals(
                "[\"#1f5fa8\",\"#ffffff\"]",
                value.getJsonArray("pointBackgroundColor").toString());
    }
}
