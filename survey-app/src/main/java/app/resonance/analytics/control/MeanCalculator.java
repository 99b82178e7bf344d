package app.resonance.analytics.control;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of a scale (CES on 1-7, ratings) with its 95% confidence interval from Student's t with n - 1
 * degrees of freedom: mean ± t(0.975, n - 1) s / sqrt(n), s the sample standard deviation. Computed from
 * n, the sum and the sum of squares, which is what the rollups keep.
 */
public final class MeanCalculator {

    private MeanCalculator() {}

    public static Estimate estimate(Metric metric, ScoreCounts counts, ReportingRules rules) {
        int low = metric == Metric.CES ? 1 : 0;
        int high = metric == Metric.CES ? 7 : ScoreCounts.MAX_SCORE;
        return estimate(metric, counts.n(), counts.sum(), counts.sumOfSquares(), low, high, rules);
    }

    public static Estimate estimate(
            Metric metric,
            long n,
            long sum,
            long sumOfSquares,
            double scaleMin,
            double scaleMax,
            ReportingRules rules) {
        Visibility visibility = rules.visibility(n);
        if (visibility != Visibility.SHOWN) {
            return Estimate.withheld(metric, n, visibility);
        }
        double mean = (double) sum / n;
        if (n < 2) {
            return new Estimate(metric, n, Visibility.SHOWN, mean, null, null, null, null);
        }
        // Sum of squared deviations, exact in integers before the one division.
        double squaredDeviations = Math.max(0, sumOfSquares - (double) sum * sum / n);
        double standardError = Math.sqrt(squaredDeviations / (n - 1)) / Math.sqrt(n);
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        double margin = t * standardError;
        return new Estimate(
                metric,
                n,
                Visibility.SHOWN,
                mean,
                standardError,
                margin,
                Math.max(scaleMin, mean - margin),
                Math.min(scaleMax, mean + margin));
    }
}
