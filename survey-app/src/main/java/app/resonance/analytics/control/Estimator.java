package app.resonance.analytics.control;

/** The figure of a metric from score counts. */
public final class Estimator {

    private Estimator() {}

    public static Estimate estimate(Metric metric, ScoreCounts counts, ReportingRules rules) {
        return switch (metric) {
            case NPS -> NpsCalculator.estimate(counts, rules);
            case CSAT -> CsatCalculator.estimate(counts, rules);
            case CES, RATING -> MeanCalculator.estimate(metric, counts, rules);
        };
    }
}
