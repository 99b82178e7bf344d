package app.resonance.analytics.control;

import java.time.LocalDate;

/** One period of a trend: its days (in the reporting zone), its label and its figure. */
public record TrendPoint(LocalDate start, LocalDate end, String label, Estimate estimate) {

    /**
     * Whether the trend covers only some days of this period (the running month, a range that starts in the
     * middle of a week): its figure rests on fewer responses and must not read like a drop.
     */
    public boolean partial(Granularity granularity) {
        LocalDate periodStart = granularity.start(start);
        return !start.equals(periodStart) || !end.equals(granularity.end(periodStart));
    }
}
