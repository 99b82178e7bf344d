package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * A period that moves with the day a saved view is opened: the last 30 or 90 days, or the last 6, 12 or 24
 * months, each up to and including today (days in the reporting zone).
 */
public enum RelativePeriod {
    LAST_30_DAYS,
    LAST_90_DAYS,
    LAST_6_MONTHS,
    LAST_12_MONTHS,
    LAST_24_MONTHS;

    /** The first day of the period ending {@code today}: LAST_12_MONTHS on 2026-12-07 starts 2025-12-08. */
    public LocalDate from(LocalDate today) {
        return switch (this) {
            case LAST_30_DAYS -> today.minusDays(29);
            case LAST_90_DAYS -> today.minusDays(89);
            case LAST_6_MONTHS -> today.minusMonths(6).plusDays(1);
            case LAST_12_MONTHS -> today.minusMonths(12).plusDays(1);
            case LAST_24_MONTHS -> today.minusMonths(24).plusDays(1);
        };
    }
}
