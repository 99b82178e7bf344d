package app.resonance.analytics.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods a trend is shown in. Weeks are ISO weeks (Monday to Sunday, week 1 holds 4 January). */
public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    QUARTER;

    /**
     * The periods of a trend when nobody chose: months. The console's dashboard and the API's analytics
     * queries both start from this one value, so that they cannot show different defaults.
     */
    public static final Granularity DEFAULT = MONTH;

    /** The first day of the period the day belongs to. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** A label independent of language: 2026-03-01, 2026-W09, 2026-03, 2026-Q1. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK ->
                String.format(
                        "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }
}
