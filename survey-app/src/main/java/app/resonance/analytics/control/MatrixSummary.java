package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A matrix question row by row: how the respondents of each row spread over the matrix's columns (count, share
 * and its 95 % margin of error) and the row's mean on the columns' positions (1 for the first column, k for the
 * last) with its 95 % margin. A row below the reporting rules' minimum is suppressed: no numbers.
 *
 * <p>The rows are not tested against each other: every respondent rates every row, so two rows' figures are
 * paired, and the z test of two independent groups would be wrong. The crosstab of one row (by segment, plan,
 * month) has the tests.
 */
public record MatrixSummary(List<Label> columns, List<Row> rows) implements Serializable {

    /** One matrix row; respondents: who answered it, null for an anonymous row below five. */
    @Schema(
            name = "MatrixRow",
            description = "A matrix row: its respondents, per column the count and share with its 95 % margin, and"
                    + " the mean of the columns' positions (1 = first column) with its 95 % margin (normal"
                    + " approximation, standard error s/sqrt(n)). Below the minimum n (visibility not SHOWN) no"
                    + " numbers")
    @JsonbPropertyOrder({"key", "label", "visibility", "respondents", "mean", "meanMarginOfError", "cells"})
    public record Row(
            String key,
            String label,
            Visibility visibility,
            @JsonbNillable Long respondents,
            @JsonbNillable Double mean,
            @JsonbNillable Double meanMarginOfError,
            List<Cell> cells)
            implements Serializable {
        public boolean shown() {
            return visibility == Visibility.SHOWN;
        }
    }

    /** One column of a row: null numbers when the row is suppressed. */
    @Schema(
            name = "MatrixCell",
            description = "count n of the row's respondents who chose the column, share n/N with its 95 % margin"
                    + " 1.96 sqrt(p (1 - p) / N); null when the row is suppressed")
    @JsonbPropertyOrder({"column", "label", "count", "share", "marginOfError"})
    public record Cell(
            String column,
            String label,
            @JsonbNillable Long count,
            @JsonbNillable Double share,
            @JsonbNillable Double marginOfError)
            implements Serializable {}

    /**
     * The summary of counted answers: {@code counts} maps a row's key to its column keys' counts (answers in a
     * column the matrix no longer has are not counted). Rows in the matrix's order, then none other.
     */
    public static MatrixSummary of(
            List<Label> rows, List<Label> columns, Map<String, Map<String, Long>> counts, ReportingRules rules) {
        List<Row> result = new ArrayList<>();
        for (Label row : rows) {
            Map<String, Long> cells = counts.getOrDefault(row.key(), Map.of());
            long n = 0;
            double sum = 0;
            for (int i = 0; i < columns.size(); i++) {
                long count = cells.getOrDefault(columns.get(i).key(), 0L);
                n += count;
                sum += count * (i + 1.0);
            }
            Visibility visibility = rules.visibility(n);
            if (visibility != Visibility.SHOWN) {
                List<Cell> hidden = columns.stream()
                        .map(c -> new Cell(c.key(), c.label(), null, null, null))
                        .toList();
                Long respondents = visibility == Visibility.HIDDEN_FOR_ANONYMITY ? null : n;
                result.add(new Row(row.key(), row.label(), visibility, respondents, null, null, hidden));
                continue;
            }
            double mean = sum / n;
            double squares = 0;
            List<Cell> shown = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                long count = cells.getOrDefault(columns.get(i).key(), 0L);
                squares += count * (i + 1 - mean) * (i + 1 - mean);
                double share = (double) count / n;
                shown.add(new Cell(
                        columns.get(i).key(),
                        columns.get(i).label(),
                        count,
                        share,
                        Normal.Z95 * Math.sqrt(share * (1 - share) / n)));
            }
            Double margin = n > 1 ? Normal.Z95 * Math.sqrt(squares / (n - 1) / n) : null;
            result.add(new Row(row.key(), row.label(), visibility, n, mean, margin, shown));
        }
        return new MatrixSummary(List.copyOf(columns), result);
    }
}
