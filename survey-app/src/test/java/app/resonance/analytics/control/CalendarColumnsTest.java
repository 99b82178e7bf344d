package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The calendar columns of a crosstab over time: which periods, their labels, their bounds and the refusal. */
class CalendarColumnsTest {

    @Test
    void quartersCoverEveryDayCountedAndAreLabelledInBothLanguages() {
        var quarters =
                CalendarColumns.of(CrosstabBy.Kind.QUARTER, LocalDate.of(2025, 11, 20), LocalDate.of(2026, 4, 1));
        assertEquals(
                List.of("2025-Q4", "2026-Q1", "2026-Q2"),
                quarters.periods().stream().map(CalendarColumns.Period::key).toList());
        assertEquals(LocalDate.of(2025, 10, 1), quarters.periods().get(0).start());
        assertEquals(LocalDate.of(2026, 7, 1), quarters.periods().get(2).end());
        assertEquals("Q4 2025", quarters.labels(Locale.GERMAN).get(0).label());
        assertEquals(
                List.of("Dez 2025", "Jan 2026"),
                CalendarColumns.of(CrosstabBy.Kind.MONTH, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1))
                        .labels(Locale.GERMAN)
                        .stream()
                        .map(CrosstabCounts.Label::label)
                        .toList());
    }

    @Test
    void periodBoundsAreTheZonesMidnightInUtc() {
        String sql = CalendarColumns.of(CrosstabBy.Kind.MONTH, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 5))
                .sql(ZoneId.of("Europe/Berlin"));
        assertEquals(
                "CASE WHEN r.submitted_at >= TIMESTAMP '2026-02-28 23:00:00' AND r.submitted_at < TIMESTAMP"
                        + " '2026-03-31 22:00:00' THEN '2026-03' WHEN r.submitted_at >= TIMESTAMP '2026-03-31 22:00:00'"
                        + " AND r.submitted_at < TIMESTAMP '2026-04-30 22:00:00' THEN '2026-04' END",
                sql);
    }

    @Test
    void moreThanSixtyPeriodsAreRefusedNamingTheGrouping() {
        LocalDate from = LocalDate.of(2021, 1, 1);
        assertEquals(List.of(), Crosstabs.checkPeriods("month", from, LocalDate.of(2025, 12, 31)));
        var refused = Crosstabs.checkPeriods("month", from, LocalDate.of(2026, 1, 1));
        assertEquals(1, refused.size());
        assertEquals("by", refused.get(0).field());
        assertEquals("crosstabPeriods", refused.get(0).code());
        assertTrue(Crosstabs.checkPeriods("quarter", from, LocalDate.of(2026, 1, 1))
                .isEmpty());
        assertTrue(
                Crosstabs.checkPeriods("plan", from, LocalDate.of(2030, 1, 1)).isEmpty());
    }
}
