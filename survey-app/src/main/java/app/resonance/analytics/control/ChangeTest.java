package app.resonance.analytics.control;

/**
 * Tests whether a change between two periods or two segments is more than chance: z = (b - a) /
 * sqrt(se_a² + se_b²) for independent samples, two-sided p-value, significant when p < 0.05. Both
 * estimates must be shown; otherwise the result carries no numbers and is never significant.
 */
public final class ChangeTest {

    private ChangeTest() {}

    public static Significance compare(Estimate baseline, Estimate comparison) {
        if (!baseline.shown() || !comparison.shown() || baseline.metric() != comparison.metric()) {
            return new Significance(baseline, comparison, null, null, null, null, false);
        }
        double difference = comparison.value() - baseline.value();
        if (baseline.standardError() == null || comparison.standardError() == null) {
            return new Significance(baseline, comparison, difference, null, null, null, false);
        }
        double se = Math.sqrt(baseline.standardError() * baseline.standardError()
                + comparison.standardError() * comparison.standardError());
        if (se == 0) {
            // Both groups without any spread (say all promoters against all detractors): no chance at all.
            boolean changed = difference != 0;
            return new Significance(baseline, comparison, difference, 0.0, null, changed ? 0.0 : 1.0, changed);
        }
        double z = difference / se;
        double p = Normal.twoSidedP(z);
        return new Significance(baseline, comparison, difference, se, z, p, p < Significance.ALPHA);
    }
}
