package app.resonance.analytics.control;

/**
 * One figure with its uncertainty: the value, its standard error, the 95% margin of error and the 95%
 * interval (clamped to what the metric can take). Unless {@link Visibility#SHOWN}, the numbers are null:
 * a figure from too few responses is never a number; for an anonymous group below five even its size
 * ({@code responses}) is null.
 */
public record Estimate(
        Metric metric,
        Long responses,
        Visibility visibility,
        Double value,
        Double standardError,
        Double marginOfError,
        Double low,
        Double high) {

    public boolean shown() {
        return visibility == Visibility.SHOWN;
    }

    static Estimate withheld(Metric metric, long n, Visibility visibility) {
        return new Estimate(
                metric,
                visibility == Visibility.HIDDEN_FOR_ANONYMITY ? null : n,
                visibility,
                null,
                null,
                null,
                null,
                null);
    }
}
