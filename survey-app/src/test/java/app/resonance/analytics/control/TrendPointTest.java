package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A trend's period is partial when the range covers only some of its days. */
class TrendPointTest {

    static TrendPoint point(LocalDate start, LocalDate end) {
        return new TrendPoint(start, end, "x", null);
    }

    @Test
    void theRunningMonthAndAMonthEnteredMidwayArePartialAWholeMonthIsNot() {
        LocalDate december = LocalDate.of(2026, 12, 1);
        assertFalse(point(december, LocalDate.of(2026, 12, 31)).partial(Granularity.MONTH));
        assertTrue(point(december, LocalDate.of(2026, 12, 5)).partial(Granularity.MONTH), "up to today");
        assertTrue(point(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 31)).partial(Granularity.MONTH));
        assertFalse(point(december, december).partial(Granularity.DAY), "a day is always whole");
        assertTrue(point(december, december).partial(Granularity.WEEK), "a Tuesday alone is part of its week");
    }
}
