package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.ScoreCounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which segments a SEGMENT_TREND rule finds, worked by hand. NPS se = 100·sqrt((p + d − (p − d)²) / n), z = Δ /
 * sqrt(se₁² + se₂²), p two-sided (erfc(|z|/√2)):
 *
 * <pre>
 * segment  before (prom/pass/det)  NPS   se²     after (prom/pass/det)  NPS   se²     Δ     z      p
 * 1        50/30/20 of 100          30   61      35/35/30 of 100          5   64.75  −25  −2.229  0.02579
 * 2        60/30/10 of 100          50   45      30/40/30 of 100          0   60     −50  −4.880  1.06e−6
 * 3        16/2/2 of 20             70   205     4/4/12 of 20           −40   320   −110  −4.801  1.58e−6
 * 4        30/40/30 of 100           0   60      50/30/20 of 100         30   61     +30   rose: never
 * 5        40/30/30 of 100          10   69      38/30/32 of 100          6   69.64   −4  −0.340  0.734
 * 6        none before                           30/40/30 of 100          0                  untestable
 * </pre>
 *
 * So at 0.05 with n ≥ 30 segments 1 and 2 fire; at 0.01 only 2; at 0.05 with n ≥ 20 also 3 (20 responses each).
 */
class SegmentTrendsTest {

    static ScoreCounts nps(long promoters, long passives, long detractors) {
        long[] counts = new long[11];
        counts[0] = detractors;
        counts[7] = passives;
        counts[10] = promoters;
        return ScoreCounts.of(counts);
    }

    static final Map<Long, ScoreCounts> BEFORE = Map.of(
            1L, nps(50, 30, 20),
            2L, nps(60, 30, 10),
            3L, nps(16, 2, 2),
            4L, nps(30, 40, 30),
            5L, nps(40, 30, 30));

    static final Map<Long, ScoreCounts> AFTER = Map.of(
            1L, nps(35, 35, 30),
            2L, nps(30, 40, 30),
            3L, nps(4, 4, 12),
            4L, nps(50, 30, 20),
            5L, nps(38, 30, 32),
            6L, nps(30, 40, 30));

    static List<Long> firing(double level, int minN, Set<Long> scope) {
        return SegmentTrends.declines(Metric.NPS, BEFORE, AFTER, scope, new AlertRule.Trend(30, level, minN), false)
                .stream()
                .map(SegmentTrends.Decline::segmentId)
                .toList();
    }

    @Test
    void theSegmentsThatFellSignificantlyWithEnoughResponsesFireAtTheChosenLevel() {
        assertEquals(List.of(1L, 2L), firing(0.05, 30, Set.of()), "3 has 20 responses per window, below 30");
        assertEquals(List.of(2L), firing(0.01, 30, Set.of()), "1's p = 0.0258 is not below 0.01");
        assertEquals(List.of(1L, 2L, 3L), firing(0.05, 20, Set.of()), "20 responses are enough for n >= 20");
        assertEquals(List.of(2L, 3L), firing(0.001, 20, Set.of()));
        assertEquals(List.of(1L, 3L), firing(0.05, 20, Set.of(1L, 3L, 4L)), "only the rule's segments");
    }

    @Test
    void aFiringCarriesBothWindowsFiguresAndTheTestsP() {
        SegmentTrends.Decline first = SegmentTrends.declines(
                        Metric.NPS, BEFORE, AFTER, Set.of(1L), new AlertRule.Trend(30, 0.05, 30), false)
                .get(0);
        assertEquals(5.0, first.figure(), 1e-9);
        assertEquals(30.0, first.previousFigure(), 1e-9);
        assertEquals(0.025788, first.pValue(), 1e-5);
    }

    @Test
    void anAnonymousSurveysGroupBelowFiveNeverFiresWhateverTheMinimum() {
        Map<Long, ScoreCounts> before = Map.of(7L, nps(4, 0, 0));
        Map<Long, ScoreCounts> after = Map.of(7L, nps(0, 0, 4));
        AlertRule.Trend lenient = new AlertRule.Trend(7, 0.05, 1);
        assertEquals(
                1,
                SegmentTrends.declines(Metric.NPS, before, after, Set.of(), lenient, false)
                        .size());
        assertEquals(
                0,
                SegmentTrends.declines(Metric.NPS, before, after, Set.of(), lenient, true)
                        .size());
    }

    @Test
    void aRuleFiresOncePerBlockOfItsWindowCountedFromAMonday() {
        assertEquals("2026-12-07/7d", SegmentTrends.period(LocalDate.of(2026, 12, 7), 7), "an ISO week's Monday");
        assertEquals("2026-12-07/7d", SegmentTrends.period(LocalDate.of(2026, 12, 13), 7), "its Sunday");
        assertEquals("2026-12-14/7d", SegmentTrends.period(LocalDate.of(2026, 12, 14), 7));
        assertEquals("2026-12-07/30d", SegmentTrends.period(LocalDate.of(2026, 12, 14), 30));
        assertEquals("2026-12-07/30d", SegmentTrends.period(LocalDate.of(2027, 1, 5), 30));
        assertEquals("2027-01-06/30d", SegmentTrends.period(LocalDate.of(2027, 1, 6), 30));
    }
}
