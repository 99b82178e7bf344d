package app.resonance.analytics.control;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution: the 95% z value and two-sided p-values. */
final class Normal {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** z(0.975) = 1.959963984540054. */
    static final double Z95 = STANDARD.inverseSurvivalProbability(0.025);

    private Normal() {}

    static double twoSidedP(double z) {
        return 2 * STANDARD.survivalProbability(Math.abs(z));
    }

    static Estimate estimate(Metric metric, long n, double value, double standardError, double min, double max) {
        double margin = Z95 * standardError;
        return new Estimate(
                metric,
                n,
                Visibility.SHOWN,
                value,
                standardError,
                margin,
                Math.max(min, value - margin),
                Math.min(max, value + margin));
    }
}
