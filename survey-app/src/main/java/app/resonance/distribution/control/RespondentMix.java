package app.resonance.distribution.control;

import app.resonance.analytics.control.Significance;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Who answered a wave, along one customer attribute (plan, region or lifecycle stage): per value the customers
 * the wave's mail reached and those who answered, and whether answering depended on the value. The test is
 * Pearson's chi-square of the 2 x k table (answered, not answered) x (values reached), df = k - 1: a p-value
 * below {@link Significance#ALPHA} says the answers are skewed towards some values, so the wave's figures
 * speak for those more than for the others. Below two values with anyone reached, or with no answer or nobody
 * left unanswered, there is nothing to test; where more than a fifth of the expected counts are under 5
 * (Cochran's rule) the approximation is not trusted and the verdict is "too few to tell".
 */
public record RespondentMix(
        String dimension,
        List<Group> groups,
        Double chiSquare,
        Integer degreesOfFreedom,
        Double pValue,
        Verdict verdict) {

    /** Customers with one value of the attribute (null: the attribute is not set): reached and answered. */
    public record Group(String value, long reached, long answered, double shareOfReached, double shareOfAnswered) {

        public double responseRate() {
            return reached == 0 ? 0 : (double) answered / reached;
        }
    }

    /** What the test says. */
    public enum Verdict {
        /** Answering depended on the attribute (p below 0.05). */
        SKEWED,
        /** No evidence that answering depended on it. */
        BALANCED,
        /** Too few customers (or values) for the test. */
        TOO_FEW
    }

    /** A value and its counts, as counted in the database. */
    public record Count(String value, long reached, long answered) {}

    public static RespondentMix of(String dimension, List<Count> counts) {
        List<Count> reached = counts.stream().filter(c -> c.reached() > 0).toList();
        long total = reached.stream().mapToLong(Count::reached).sum();
        long answered = reached.stream().mapToLong(Count::answered).sum();
        List<Group> groups = reached.stream()
                .map(c -> new Group(
                        c.value(),
                        c.reached(),
                        c.answered(),
                        (double) c.reached() / total,
                        answered == 0 ? 0 : (double) c.answered() / answered))
                .toList();
        long unanswered = total - answered;
        if (reached.size() < 2 || answered == 0 || unanswered == 0) {
            return new RespondentMix(dimension, groups, null, null, null, Verdict.TOO_FEW);
        }
        double statistic = 0;
        int sparse = 0;
        for (Count c : reached) {
            double expectedAnswered = (double) c.reached() * answered / total;
            double expectedNot = (double) c.reached() * unanswered / total;
            statistic += square(c.answered() - expectedAnswered) / expectedAnswered
                    + square(c.reached() - c.answered() - expectedNot) / expectedNot;
            sparse += (expectedAnswered < 5 ? 1 : 0) + (expectedNot < 5 ? 1 : 0);
        }
        int df = reached.size() - 1;
        double p = ChiSquaredDistribution.of(df).survivalProbability(statistic);
        Verdict verdict = sparse * 5 > reached.size() * 2
                ? Verdict.TOO_FEW
                : p < Significance.ALPHA ? Verdict.SKEWED : Verdict.BALANCED;
        return new RespondentMix(dimension, groups, statistic, df, p, verdict);
    }

    private static double square(double x) {
        return x * x;
    }
}
