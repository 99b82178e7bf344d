package app.resonance.analytics.control;

/**
 * Whether the change from a baseline to a comparison is more than chance: a two-sided z test on the
 * difference of two independent estimates, z = (b - a) / sqrt(se_a² + se_b²). {@code significant} means
 * p < 0.05. Null numbers when either side is not shown.
 */
public record Significance(
        Estimate baseline,
        Estimate comparison,
        Double difference,
        Double standardError,
        Double z,
        Double pValue,
        boolean significant) {

    public static final double ALPHA = 0.05;

    public boolean testable() {
        return difference != null;
    }
}
