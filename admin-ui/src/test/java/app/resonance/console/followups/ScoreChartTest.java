package app.resonance.console.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer page's score chart has a score axis 0-10, a time axis with dates, and its points on them. */
class ScoreChartTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void threeAnswersLieOnAScoreAxisFromZeroToTenAndATimeAxisWithTheirDates() {
        ScoreChart chart = new ScoreChart(
                List.of(
                        new ScoreChart.Answer(Instant.parse("2026-01-10T23:30:00Z"), 10),
                        new ScoreChart.Answer(Instant.parse("2026-03-01T09:00:00Z"), 5),
                        new ScoreChart.Answer(Instant.parse("2026-05-20T09:00:00Z"), 0)),
                BERLIN);
        assertEquals(
                List.of("0", "2", "4", "6", "8", "10"),
                chart.getScoreTicks().stream().map(ScoreChart.Tick::label).toList());
        assertEquals("164.0", chart.getScoreTicks().get(0).position(), "0 at the bottom");
        assertEquals("14.0", chart.getScoreTicks().get(5).position(), "10 at the top");
        assertEquals(
                List.of("2026-01-11", "2026-03-01", "2026-05-20"),
                chart.getTimeTicks().stream().map(ScoreChart.Tick::label).toList(),
                "dates in the console's zone");
        assertEquals(
                List.of("start", "middle", "end"),
                chart.getTimeTicks().stream().map(ScoreChart.Tick::anchor).toList(),
                "the first and last date grow inwards, not past the chart's edge");
        assertEquals("60.0,14.0 275.0,89.0 490.0,164.0", chart.getPoints());
        assertEquals("2026-03-01: 5", chart.getDots().get(1).label());
        assertEquals("74.0", chart.getDetractorY());
        assertEquals("29.0", chart.getPromoterY());
    }

    @Test
    void noAnswersNoChart() {
        assertTrue(new ScoreChart(List.of(), BERLIN).isEmpty());
    }
}
