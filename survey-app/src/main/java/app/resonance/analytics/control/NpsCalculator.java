package app.resonance.analytics.control;

/**
 * Net Promoter Score over all respondents: NPS = 100 (p - d) with p the share of promoters (9-10) and d
 * the share of detractors (0-6). Each respondent scores +1, 0 or -1, so the variance of the mean is
 * (p + d - (p - d)²) / n and the standard error in points 100 sqrt((p + d - (p - d)²) / n).
 */
public final class NpsCalculator {

    public static final int PROMOTER_FROM = 9;
    public static final int DETRACTOR_TO = 6;

    private NpsCalculator() {}

    public static boolean isPromoter(int score) {
        return score >= PROMOTER_FROM;
    }

    public static boolean isDetractor(int score) {
        return score <= DETRACTOR_TO;
    }

    public static Estimate estimate(ScoreCounts counts, ReportingRules rules) {
        return estimate(
                counts.between(PROMOTER_FROM, 10), counts.between(7, 8), counts.between(0, DETRACTOR_TO), rules);
    }

    public static Estimate estimate(long promoters, long passives, long detractors, ReportingRules rules) {
        long n = promoters + passives + detractors;
        Visibility visibility = rules.visibility(n);
        if (visibility != Visibility.SHOWN) {
            return Estimate.withheld(Metric.NPS, n, visibility);
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double variance = Math.max(0, p + d - (p - d) * (p - d));
        double value = 100 * (p - d);
        double standardError = 100 * Math.sqrt(variance / n);
        return Normal.estimate(Metric.NPS, n, value, standardError, -100, 100);
    }
}
