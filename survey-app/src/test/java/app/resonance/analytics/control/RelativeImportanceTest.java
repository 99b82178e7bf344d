package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Shapley (LMG) decomposition of R² against worked examples computed by hand, and the bootstrap's intervals
 * and tiers.
 */
class RelativeImportanceTest {

    static final double EXACT = 1e-12;

    /** Support speed and onboarding ratings (1-5) and the score of eight responses. */
    static final double[] SPEED = {1, 2, 2, 3, 4, 4, 5, 5};

    static final double[] ONBOARDING = {3, 1, 4, 2, 5, 3, 4, 2};
    static final double[] SCORE = {2, 3, 5, 4, 8, 6, 9, 7};

    /**
     * The worked example. Centred sums: S11 = 31/2, S22 = 12, Syy = 42, S12 = 3, S1y = 23, S2y = 13. Alone: R²(speed)
     * = 23² / (15.5 · 42) = 529/651, R²(onboarding) = 13² / (12 · 42) = 169/504. Together, b = S⁻¹ s_xy with det =
     * 15.5 · 12 - 3² = 177: b1 = (12 · 23 - 3 · 13) / 177 = 237/177, b2 = (15.5 · 13 - 3 · 23) / 177 = 132.5/177, R²
     * = (b1 · 23 + b2 · 13) / 42 = 14347/14868. With two drivers each order is equally likely: speed's share = (R²(speed)
     * + R²(both) - R²(onboarding)) / 2 = 443159/614544, onboarding's = (R²(onboarding) + R²(both) - R²(speed)) / 2 =
     * 449551/1843632.
     */
    @Test
    void twoDriversAsWorkedByHand() {
        var result = RelativeImportance.of(columns(SPEED, ONBOARDING), SCORE, new int[][] {{0}, {1}}, 0, 1);
        assertEquals(443159.0 / 614544, result.shares().get(0).importance(), EXACT);
        assertEquals(449551.0 / 1843632, result.shares().get(1).importance(), EXACT);
        assertEquals(14347.0 / 14868, result.rSquared(), EXACT);
        double[][] products = RelativeImportance.crossProducts(columns(SPEED, ONBOARDING), SCORE, all(8));
        assertEquals(529.0 / 651, RelativeImportance.rSquared(products, new int[][] {{0}, {1}}, 0b01), EXACT);
        assertEquals(169.0 / 504, RelativeImportance.rSquared(products, new int[][] {{0}, {1}}, 0b10), EXACT);
    }

    /**
     * Three drivers against an independent computation: R² of every subset by solving the normal equations with
     * Cramer's rule, and each driver's gain averaged over the 3! = 6 orders of entering the model.
     */
    @Test
    void threeDriversMatchTheAverageOverAllOrders() {
        double[] price = {2, 2, 3, 1, 4, 5, 3, 4};
        double[][] x = columns(SPEED, ONBOARDING, price);
        var result = RelativeImportance.of(x, SCORE, new int[][] {{0}, {1}, {2}}, 0, 1);
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double[] expected = new double[3];
        for (int[] order : orders) {
            int in = 0;
            for (int d : order) {
                expected[d] += (ols(x, SCORE, in | 1 << d) - ols(x, SCORE, in)) / orders.length;
                in |= 1 << d;
            }
        }
        for (int d = 0; d < 3; d++) {
            assertEquals(expected[d], result.shares().get(d).importance(), EXACT);
        }
        assertEquals(ols(x, SCORE, 0b111), result.rSquared(), EXACT);
    }

    /**
     * A choice question answered by everyone as one driver: its three indicators add up to 1 (collinear), and its R²
     * is the share of the score's variance between the groups. Groups a (2, 3, 5), b (4, 8, 6), c (9, 7): means
     * 10/3, 6, 8, grand mean 44/8 = 5.5; between = 3 (10/3 - 5.5)² + 3 (0.5)² + 2 (2.5)² = 14.083333 + 0.75 + 12.5 =
     * 328/12; total 42: R² = 328/504.
     */
    @Test
    void aChoiceQuestionsCollinearIndicatorsCountOnce() {
        double[] a = {1, 1, 1, 0, 0, 0, 0, 0};
        double[] b = {0, 0, 0, 1, 1, 1, 0, 0};
        double[] c = {0, 0, 0, 0, 0, 0, 1, 1};
        var result = RelativeImportance.of(columns(a, b, c), SCORE, new int[][] {{0, 1, 2}}, 0, 1);
        assertEquals(328.0 / 504, result.rSquared(), EXACT);
        assertEquals(328.0 / 504, result.shares().get(0).importance(), EXACT);
    }

    @Test
    void theBootstrapIsReproducibleAndBracketsTheEstimates() {
        double[][] x = columns(repeat(SPEED, 5), repeat(ONBOARDING, 5));
        double[] y = repeat(SCORE, 5);
        var first = RelativeImportance.of(x, y, new int[][] {{0}, {1}}, RelativeImportance.RESAMPLES, 18);
        var second = RelativeImportance.of(x, y, new int[][] {{0}, {1}}, RelativeImportance.RESAMPLES, 18);
        assertEquals(first, second);
        for (var share : first.shares()) {
            assertTrue(share.low() <= share.importance() && share.importance() <= share.high(), share.toString());
        }
        // 40 responses: speed's interval lies above onboarding's, so they are ranked
        assertArrayEquals(new int[] {1, 2}, RelativeImportance.tiers(first.shares()));
    }

    @Test
    void percentilesOfAThousandResamples() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        assertEquals(25, RelativeImportance.lower(sorted));
        assertEquals(974, RelativeImportance.upper(sorted));
    }

    /** Sorted by share: A (0.40, 0.30..0.50), B (0.25, 0.10..0.32) overlaps A, C (0.05, 0.00..0.09) lies below both. */
    @Test
    void overlappingIntervalsShareATier() {
        var a = new RelativeImportance.Share(0.40, 0.30, 0.50);
        var b = new RelativeImportance.Share(0.25, 0.10, 0.32);
        var c = new RelativeImportance.Share(0.05, 0.00, 0.09);
        assertArrayEquals(new int[] {2, 1, 1}, RelativeImportance.tiers(List.of(c, a, b)));
        // D reaches into B's interval (0.10) though not into A's: the union of the tier's intervals counts
        var d = new RelativeImportance.Share(0.08, 0.02, 0.11);
        assertArrayEquals(new int[] {1, 1, 1}, RelativeImportance.tiers(List.of(a, b, d)));
        assertArrayEquals(
                new int[] {1, 2, 3},
                RelativeImportance.tiers(List.of(
                        new RelativeImportance.Share(0.5, 0.45, 0.55),
                        new RelativeImportance.Share(0.3, 0.25, 0.35),
                        new RelativeImportance.Share(0.1, 0.05, 0.15))));
    }

    /** R² of y on the columns in {@code mask}, from the normal equations solved by Cramer's rule (at most 3 columns). */
    static double ols(double[][] x, double[] y, int mask) {
        if (mask == 0) {
            return 0;
        }
        int n = y.length;
        List<Integer> cols = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            if ((mask & 1 << c) != 0) {
                cols.add(c);
            }
        }
        int k = cols.size();
        double[][] s = new double[k][k];
        double[] sy = new double[k];
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double syy = 0;
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            int col = cols.get(j);
            mean[j] = java.util.Arrays.stream(x)
                    .mapToDouble(r -> r[col])
                    .average()
                    .orElseThrow();
        }
        for (int i = 0; i < n; i++) {
            syy += (y[i] - my) * (y[i] - my);
            for (int j = 0; j < k; j++) {
                sy[j] += (x[i][cols.get(j)] - mean[j]) * (y[i] - my);
                for (int l = 0; l < k; l++) {
                    s[j][l] += (x[i][cols.get(j)] - mean[j]) * (x[i][cols.get(l)] - mean[l]);
                }
            }
        }
        double det = det(s);
        double explained = 0;
        for (int j = 0; j < k; j++) {
            double[][] replaced = new double[k][];
            for (int r = 0; r < k; r++) {
                replaced[r] = s[r].clone();
                replaced[r][j] = sy[r];
            }
            explained += det(replaced) / det * sy[j];
        }
        return explained / syy;
    }

    /** R² of y on all three columns of x. */
    static double ols3(double[][] x, double[] y) {
        return ols(x, y, 0b111);
    }

    private static double det(double[][] m) {
        return switch (m.length) {
            case 1 -> m[0][0];
            case 2 -> m[0][0] * m[1][1] - m[0][1] * m[1][0];
            default ->
                m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        };
    }

    static double[][] columns(double[]... columns) {
        double[][] x = new double[columns[0].length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                x[i][c] = columns[c][i];
            }
        }
        return x;
    }

    static double[] repeat(double[] values, int times) {
        double[] repeated = new double[values.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(values, 0, repeated, t * values.length, values.length);
        }
        return repeated;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        java.util.Arrays.setAll(rows, i -> i);
        return rows;
    }
}
