package app.resonance.followups.control;

import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Visibility;
import jakarta.json.bind.annotation.JsonbNillable;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The statistics of the closed-loop effectiveness, free of the database: the recovery rate with its Wilson 95%
 * interval, the mean change of score with its Student t 95% interval, and the two-proportion z test of two
 * recovery rates. A figure from fewer cases than the reporting minimum is withheld (null numbers), as everywhere
 * in analytics.
 */
public final class RecoveryStatistics {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** z(0.975) = 1.959963984540054. */
    static final double Z95 = STANDARD.inverseSurvivalProbability(0.025);

    public static final double ALPHA = 0.05;

    private RecoveryStatistics() {}

    /** A share of detractors who answered as passive or promoter later, with its Wilson 95% interval. */
    @Schema(
            name = "RecoveryRate",
            description = "Of the detractors (0-6) with a later answer, the share who answered 7 or more, with the"
                    + " Wilson 95 % interval; null numbers below the minimum (visibility NOT_ENOUGH_RESPONSES)")
    @JsonbNillable
    public record Rate(
            long detractors,
            Visibility visibility,
            Long recovered,
            @Schema(description = "Share 0..1") Double value,
            Double low,
            Double high) {
        public boolean shown() {
            return visibility == Visibility.SHOWN;
        }
    }

    /** The mean change of score (later minus earlier), with its standard error and Student t 95% interval. */
    @Schema(
            name = "ScoreChange",
            description = "The mean change of score (later minus earlier, NPS points) with its Student t 95 % interval"
                    + " (n-1 degrees of freedom); null numbers below the minimum")
    @JsonbNillable
    public record MeanChange(
            long pairs, Visibility visibility, Double value, Double standardError, Double low, Double high) {
        public boolean shown() {
            return visibility == Visibility.SHOWN;
        }
    }

    /**
     * The two-proportion z test of the followed-up rate against the not-followed-up rate (pooled standard error),
     * two-sided; null numbers unless both rates are shown.
     */
    @Schema(
            name = "RecoveryComparison",
            description = "Two-proportion z test (pooled, two-sided) of the followed-up recovery rate against the"
                    + " rate of detractors without a follow-up; null numbers unless both rates are shown")
    @JsonbNillable
    public record Comparison(
            @Schema(description = "Followed-up rate minus the other, -1..1")
            Double difference,

            Double z,
            Double pValue,
            @Schema(description = "p < 0.05") boolean significant) {
        public boolean testable() {
            return difference != null;
        }
    }

    /**
     * The recovery rate of {@code recovered} out of {@code detractors}: p = x / n, and the Wilson score interval
     * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with z = z(0.975).
     */
    public static Rate rate(long recovered, long detractors, ReportingRules rules) {
        Visibility visibility = rules.visibility(detractors);
        if (visibility != Visibility.SHOWN) {
            return new Rate(detractors, visibility, null, null, null, null);
        }
        double n = detractors;
        double p = recovered / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Rate(detractors, visibility, recovered, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The mean of the changes with the t interval mean ± t(0.975, n-1)·s/√n (s the sample standard deviation);
     * for a single pair (or no spread) the interval is the mean itself.
     */
    public static MeanChange meanChange(long pairs, double sum, double sumOfSquares, ReportingRules rules) {
        Visibility visibility = rules.visibility(pairs);
        if (visibility != Visibility.SHOWN) {
            return new MeanChange(pairs, visibility, null, null, null, null);
        }
        double n = pairs;
        double mean = sum / n;
        if (pairs == 1) {
            return new MeanChange(pairs, visibility, mean, null, mean, mean);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double standardError = Math.sqrt(variance / n);
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        return new MeanChange(
                pairs, visibility, mean, standardError, mean - t * standardError, mean + t * standardError);
    }

    /**
     * z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)) with the pooled p = (x1 + x2) / (n1 + n2); p value 2·(1 - Φ(|z|));
     * significant below {@value #ALPHA}. When every case (or none) recovered the standard error is 0: no test.
     */
    public static Comparison compare(Rate followedUp, Rate notFollowedUp) {
        if (!followedUp.shown() || !notFollowedUp.shown()) {
            return new Comparison(null, null, null, false);
        }
        double n1 = followedUp.detractors();
        double n2 = notFollowedUp.detractors();
        double difference = followedUp.value() - notFollowedUp.value();
        double pooled = (followedUp.recovered() + notFollowedUp.recovered()) / (n1 + n2);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        if (standardError == 0) {
            return new Comparison(difference, null, null, false);
        }
        double z = difference / standardError;
        double p = 2 * STANDARD.survivalProbability(Math.abs(z));
        return new Comparison(difference, z, p, p < ALPHA);
    }
}
