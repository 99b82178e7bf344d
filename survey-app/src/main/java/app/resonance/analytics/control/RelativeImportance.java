package app.resonance.analytics.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Relative importance of a handful of drivers for one outcome: the Shapley value (LMG) decomposition of a linear
 * regression's R², with percentile bootstrap intervals. A driver is a group of columns (a rating is one column, a
 * choice question one indicator per option), so a categorical question counts as one driver. Each driver's share
 * is its R² gain averaged over every order in which the drivers can enter the model; the shares add up to the full
 * model's R² and, unlike standardised coefficients, do not depend on the order nor flip sign under correlated
 * drivers. Collinear columns (the options of a question everyone answered) are skipped in the sweep, which leaves
 * R² unchanged.
 */
public final class RelativeImportance {

    /** Bootstrap resamples of every analysis. */
    public static final int RESAMPLES = 1000;
    /** The bootstrap's fixed seed: the same responses give the same intervals. */
    public static final long SEED = 18L;
    /** The interval: 95 %, percentiles 2.5 and 97.5 of the resampled shares. */
    public static final double LEVEL = 0.95;
    /** Most drivers one analysis decomposes (2^n sub-models per resample). */
    public static final int MAX_DRIVERS = 6;

    private static final double COLLINEAR = 1e-9;

    private RelativeImportance() {}

    /** One driver's share of R² with its bootstrap interval. */
    public record Share(double importance, double low, double high) {}

    /** The full model's R² and every driver's share, in the drivers' order. */
    public record Result(double rSquared, List<Share> shares) {}

    /**
     * Decomposes the R² of {@code y} on the columns {@code x} (rows are responses); {@code drivers}: each driver's
     * column indices. {@code resamples} 0: no intervals (each interval is the estimate itself).
     */
    public static Result of(double[][] x, double[] y, int[][] drivers, int resamples, long seed) {
        int n = y.length;
        // Responses with the same answers are one pattern with a weight: the sums run over patterns, not responses
        Map<Pattern, Integer> index = new HashMap<>();
        List<double[]> patterns = new ArrayList<>();
        int[] patternOf = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = Arrays.copyOf(x[i], x[i].length + 1);
            row[row.length - 1] = y[i];
            patternOf[i] = index.computeIfAbsent(new Pattern(row), k -> {
                patterns.add(k.values());
                return patterns.size() - 1;
            });
        }
        double[][] rows = patterns.toArray(double[][]::new);
        double[] weights = new double[rows.length];
        for (int p : patternOf) {
            weights[p]++;
        }
        double[] estimate = shapley(crossProducts(rows, weights), drivers);
        double rSquared = Arrays.stream(estimate).sum();
        double[][] resampled = new double[drivers.length][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        double[] drawn = new double[rows.length];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(drawn, 0);
            for (int i = 0; i < n; i++) {
                drawn[patternOf[random.nextInt(n)]]++;
            }
            double[] shares = shapley(crossProducts(rows, drawn), drivers);
            for (int d = 0; d < drivers.length; d++) {
                resampled[d][b] = shares[d];
            }
        }
        List<Share> shares = new ArrayList<>();
        for (int d = 0; d < drivers.length; d++) {
            if (resamples == 0) {
                shares.add(new Share(estimate[d], estimate[d], estimate[d]));
            } else {
                double[] sorted = resampled[d];
                Arrays.sort(sorted);
                shares.add(new Share(estimate[d], lower(sorted), upper(sorted)));
            }
        }
        return new Result(rSquared, shares);
    }

    /** One combination of answers (the columns, then the outcome), compared by value. */
    private record Pattern(double[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pattern p && Arrays.equals(values, p.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** The 2.5th percentile of sorted resamples: the value at index floor(0.025 B) (25 of 1000). */
    static double lower(double[] sorted) {
        return sorted[(int) Math.floor((1 - LEVEL) / 2 * sorted.length + 1e-9)];
    }

    /** The 97.5th percentile: the value at index ceil(0.975 B) - 1 (974 of 1000). */
    static double upper(double[] sorted) {
        return sorted[(int) Math.ceil((1 + LEVEL) / 2 * sorted.length - 1e-9) - 1];
    }

    /** Each driver's Shapley share of R², from the centred cross-products (outcome last). */
    static double[] shapley(double[][] products, int[][] drivers) {
        int p = drivers.length;
        int subsets = 1 << p;
        double[] r2 = new double[subsets];
        for (int mask = 1; mask < subsets; mask++) {
            r2[mask] = rSquared(products, drivers, mask);
        }
        double[] weight = new double[p];
        for (int s = 0; s < p; s++) {
            // s! (p - s - 1)! / p!: the share of orders in which exactly the s others of a subset come first
            weight[s] = factorial(s) * factorial(p - s - 1) / factorial(p);
        }
        double[] shares = new double[p];
        for (int mask = 0; mask < subsets; mask++) {
            int size = Integer.bitCount(mask);
            for (int d = 0; d < p; d++) {
                if ((mask & (1 << d)) == 0) {
                    shares[d] += weight[size] * (r2[mask | (1 << d)] - r2[mask]);
                }
            }
        }
        return shares;
    }

    /** R² of the outcome on the columns of the drivers in {@code mask}, by sweeping the cross-product matrix. */
    static double rSquared(double[][] products, int[][] drivers, int mask) {
        int outcome = products.length - 1;
        double total = products[outcome][outcome];
        if (total <= 0) {
            return 0;
        }
        List<Integer> columns = new ArrayList<>();
        for (int d = 0; d < drivers.length; d++) {
            if ((mask & (1 << d)) != 0) {
                for (int c : drivers[d]) {
                    columns.add(c);
                }
            }
        }
        columns.add(outcome);
        int q = columns.size();
        double[][] a = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                a[i][j] = products[columns.get(i)][columns.get(j)];
            }
        }
        for (int k = 0; k < q - 1; k++) {
            double pivot = a[k][k];
            if (pivot <= COLLINEAR * Math.max(products[columns.get(k)][columns.get(k)], Double.MIN_NORMAL)
                    || pivot <= 0) {
                continue; // constant, or a combination of the columns already in: adds nothing
            }
            for (int i = k + 1; i < q; i++) {
                double factor = a[i][k] / pivot;
                if (factor != 0) {
                    for (int j = k + 1; j < q; j++) {
                        a[i][j] -= factor * a[k][j];
                    }
                }
            }
        }
        double residual = Math.max(0, a[q - 1][q - 1]);
        return Math.max(0, Math.min(1, 1 - residual / total));
    }

    /** Centred sums of squares and cross-products of the rows {@code rows} of x and y (repeats allowed). */
    static double[][] crossProducts(double[][] x, double[] y, int[] rows) {
        double[][] patterns = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            patterns[i] = Arrays.copyOf(x[rows[i]], x[rows[i]].length + 1);
            patterns[i][patterns[i].length - 1] = y[rows[i]];
        }
        double[] weights = new double[rows.length];
        Arrays.fill(weights, 1);
        return crossProducts(patterns, weights);
    }

    /** Weighted centred sums of squares and cross-products of the rows (the columns, then the outcome last). */
    static double[][] crossProducts(double[][] rows, double[] weights) {
        int q = rows[0].length;
        double[] mean = new double[q];
        double total = 0;
        for (int r = 0; r < rows.length; r++) {
            if (weights[r] > 0) {
                total += weights[r];
                for (int c = 0; c < q; c++) {
                    mean[c] += weights[r] * rows[r][c];
                }
            }
        }
        for (int c = 0; c < q; c++) {
            mean[c] /= total;
        }
        double[][] products = new double[q][q];
        double[] centred = new double[q];
        for (int r = 0; r < rows.length; r++) {
            double w = weights[r];
            if (w == 0) {
                continue;
            }
            for (int c = 0; c < q; c++) {
                centred[c] = rows[r][c] - mean[c];
            }
            for (int i = 0; i < q; i++) {
                if (centred[i] != 0) {
                    double wi = w * centred[i];
                    for (int j = i; j < q; j++) {
                        products[i][j] += wi * centred[j];
                    }
                }
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < i; j++) {
                products[i][j] = products[j][i];
            }
        }
        return products;
    }

    /**
     * Tiers of drivers that cannot be told apart: drivers sorted by share, a driver joins the tier above when its
     * interval reaches the lowest lower bound in that tier (the union of the tier's intervals overlaps it), else it
     * starts a new tier. Returns each driver's tier, 1 for the top, in the drivers' order.
     */
    public static int[] tiers(List<Share> shares) {
        Integer[] order = new Integer[shares.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> -shares.get(i).importance()));
        int[] tiers = new int[shares.size()];
        int tier = 0;
        double floor = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            Share s = shares.get(i);
            if (tier == 0 || s.high() < floor) {
                tier++;
                floor = s.low();
            } else {
                floor = Math.min(floor, s.low());
            }
            tiers[i] = tier;
        }
        return tiers;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
