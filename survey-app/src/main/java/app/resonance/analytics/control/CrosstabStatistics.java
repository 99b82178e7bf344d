package app.resonance.analytics.control;

import app.resonance.analytics.control.Crosstab.Cell;
import app.resonance.analytics.control.Crosstab.ChiSquare;
import app.resonance.analytics.control.Crosstab.Column;
import app.resonance.analytics.control.Crosstab.Direction;
import app.resonance.analytics.control.Crosstab.Omission;
import app.resonance.analytics.control.Crosstab.Row;
import app.resonance.analytics.control.CrosstabCounts.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The statistics of a {@link Crosstab}. A cell's share is p = n / N (N: the column's respondents) with the
 * 95 % margin z(0.975) * sqrt(p (1 - p) / N). Its test is the two-proportion z test against the rest of
 * the row, pooled: z = (p - p') / sqrt(q (1 - q) (1 / N + 1 / N')), q = (n + n') / (N + N'), where the rest
 * is the other shown columns together, or, when columns overlap, every respondent outside the column. The
 * p-values of all tested cells are adjusted by Holm's step-down method (family-wise error at 5 %, valid
 * however the cells depend on each other). The table's test is Pearson's chi-square over the shown columns
 * and the rows anybody answered, df = (rows - 1) (columns - 1), with Cochran's rule as a warning.
 */
public final class CrosstabStatistics {

    private CrosstabStatistics() {}

    public static Crosstab of(CrosstabCounts counts, ReportingRules rules) {
        List<Column> columns = new ArrayList<>();
        for (Label c : counts.columns()) {
            long n = counts.columnTotal(c.key());
            Visibility visibility = rules.visibility(n);
            columns.add(new Column(
                    c.key(), c.label(), visibility == Visibility.HIDDEN_FOR_ANONYMITY ? null : n, visibility));
        }
        List<Column> shown = columns.stream().filter(Column::shown).toList();
        int rowCount = counts.rows().size();
        Double[][] z = new Double[rowCount][columns.size()];
        Double[][] p = new Double[rowCount][columns.size()];
        List<double[]> family = new ArrayList<>(); // {p, row, column}
        for (int r = 0; r < rowCount; r++) {
            String row = counts.rows().get(r).key();
            long rowShown =
                    shown.stream().mapToLong(c -> counts.cell(row, c.key())).sum();
            long allShown = shown.stream().mapToLong(Column::respondents).sum();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                if (!column.shown()) {
                    continue;
                }
                long n = counts.cell(row, column.key());
                long total = column.respondents();
                long restN = counts.overlappingColumns() ? counts.rowTotal(row) - n : rowShown - n;
                long restTotal = counts.overlappingColumns() ? counts.total() - total : allShown - total;
                z[r][c] = z(n, total, restN, restTotal);
                if (z[r][c] != null) {
                    p[r][c] = Normal.twoSidedP(z[r][c]);
                    family.add(new double[] {p[r][c], r, c});
                }
            }
        }
        Double[][] adjusted = holm(family, rowCount, columns.size());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            Label label = counts.rows().get(r);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(cell(counts, label.key(), columns.get(c), z[r][c], p[r][c], adjusted[r][c]));
            }
            long respondents = shown.stream()
                    .mapToLong(c -> counts.cell(label.key(), c.key()))
                    .sum();
            rows.add(new Row(label.key(), label.label(), respondents, cells));
        }
        Omission omitted = counts.overlappingRows()
                ? Omission.OVERLAPPING_ROWS
                : counts.overlappingColumns() ? Omission.OVERLAPPING_COLUMNS : null;
        ChiSquare chiSquare = omitted == null ? chiSquare(counts, shown) : null;
        if (omitted == null && chiSquare == null) {
            omitted = Omission.TOO_FEW_GROUPS;
        }
        return new Crosstab(
                columns,
                rows,
                counts.overlappingRows(),
                counts.overlappingColumns(),
                family.size(),
                chiSquare,
                omitted);
    }

    private static Cell cell(CrosstabCounts counts, String row, Column column, Double z, Double p, Double adjusted) {
        if (!column.shown()) {
            return new Cell(column.key(), null, null, null, null, null, null, Direction.NONE);
        }
        long n = counts.cell(row, column.key());
        long total = column.respondents();
        Double share = total == 0 ? null : (double) n / total;
        Double margin = share == null ? null : Normal.Z95 * Math.sqrt(share * (1 - share) / total);
        Direction direction = Direction.NONE;
        if (adjusted != null && adjusted < Significance.ALPHA) {
            direction = z > 0 ? Direction.HIGHER : Direction.LOWER;
        }
        return new Cell(column.key(), n, share, margin, z, p, adjusted, direction);
    }

    /** The pooled two-proportion z statistic of n of total against restN of restTotal; null if untestable. */
    static Double z(long n, long total, long restN, long restTotal) {
        if (total == 0 || restTotal <= 0) {
            return null;
        }
        double pooled = (double) (n + restN) / (total + restTotal);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / total + 1.0 / restTotal));
        if (se == 0) {
            return null; // nobody or everybody chose the row: nothing to compare
        }
        return ((double) n / total - (double) restN / restTotal) / se;
    }

    /**
     * Holm's step-down adjustment: the k-th smallest of m p-values becomes max over j <= k of min(1, (m - j + 1)
     * p_(j)).
     */
    static Double[][] holm(List<double[]> family, int rows, int columns) {
        Double[][] adjusted = new Double[rows][columns];
        List<double[]> sorted = new ArrayList<>(family);
        sorted.sort(Comparator.comparingDouble(t -> t[0]));
        int m = sorted.size();
        double running = 0;
        for (int k = 0; k < m; k++) {
            double[] t = sorted.get(k);
            running = Math.max(running, Math.min(1, (m - k) * t[0]));
            adjusted[(int) t[1]][(int) t[2]] = running;
        }
        return adjusted;
    }

    /** Pearson's chi-square over the shown columns with respondents and the rows with any; null if too small. */
    static ChiSquare chiSquare(CrosstabCounts counts, List<Column> shown) {
        List<Column> columns = shown.stream().filter(c -> c.respondents() > 0).toList();
        List<String> rows = counts.rows().stream()
                .map(Label::key)
                .filter(r -> columns.stream().anyMatch(c -> counts.cell(r, c.key()) > 0))
                .toList();
        if (columns.size() < 2 || rows.size() < 2) {
            return null;
        }
        long[] columnSums = columns.stream()
                .mapToLong(c ->
                        rows.stream().mapToLong(r -> counts.cell(r, c.key())).sum())
                .toArray();
        long total = Arrays.stream(columnSums).sum();
        double statistic = 0;
        int sparse = 0;
        for (String r : rows) {
            long rowSum =
                    columns.stream().mapToLong(c -> counts.cell(r, c.key())).sum();
            for (int c = 0; c < columns.size(); c++) {
                double expected = (double) rowSum * columnSums[c] / total;
                double difference = counts.cell(r, columns.get(c).key()) - expected;
                statistic += difference * difference / expected;
                if (expected < 5) {
                    sparse++;
                }
            }
        }
        int df = (rows.size() - 1) * (columns.size() - 1);
        double pValue = ChiSquaredDistribution.of(df).survivalProbability(statistic);
        int cells = rows.size() * columns.size();
        return new ChiSquare(statistic, df, pValue, pValue < Significance.ALPHA, cells, sparse, sparse * 5 > cells);
    }
}
