package app.resonance.analytics.control;

/**
 * Customer satisfaction: the share of satisfied answers (4 or 5 on 1-5) in percent, a proportion with
 * standard error 100 sqrt(p (1 - p) / n).
 */
public final class CsatCalculator {

    public static final int SATISFIED_FROM = 4;

    private CsatCalculator() {}

    public static Estimate estimate(ScoreCounts counts, ReportingRules rules) {
        return estimate(counts.between(SATISFIED_FROM, 5), counts.between(1, SATISFIED_FROM - 1), rules);
    }

    public static Estimate estimate(long satisfied, long others, ReportingRules rules) {
        long n = satisfied + others;
        Visibility visibility = rules.visibility(n);
        if (visibility != Visibility.SHOWN) {
            return Estimate.withheld(Metric.CSAT, n, visibility);
        }
        double p = (double) satisfied / n;
        return Normal.estimate(Metric.CSAT, n, 100 * p, 100 * Math.sqrt(p * (1 - p) / n), 0, 100);
    }
}
