package app.resonance.analytics.control;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A crosstab: the answer categories of one question (rows) by groups of respondents (columns). Each shown
 * column has every row's count, column share with its 95 % margin of error and a z test against the rest of
 * the row; the table has a chi-square test where the categories and the groups are both disjoint. Columns
 * below the reporting rules' minimum are suppressed: no counts, and left out of every test.
 *
 * @param overlappingRows a respondent may fall in several rows (multiple choice): shares do not add to 1
 * @param overlappingColumns a respondent may fall in several columns (segments, a multiple-choice question)
 * @param testedCells how many cells were tested: the family the p-values are adjusted for (Holm)
 * @param chiSquare the table's test, or null when {@code chiSquareOmitted} says why not
 */
public record Crosstab(
        List<Column> columns,
        List<Row> rows,
        boolean overlappingRows,
        boolean overlappingColumns,
        int testedCells,
        ChiSquare chiSquare,
        Omission chiSquareOmitted)
        implements Serializable {

    /** Whether a cell's share is significantly higher or lower than the rest of its row (after adjustment). */
    @Schema(name = "CrosstabDirection")
    public enum Direction {
        HIGHER,
        LOWER,
        NONE
    }

    /** Why a table has no chi-square test. */
    @Schema(name = "CrosstabOmission")
    public enum Omission {
        /** Multiple choice: a respondent counts in several rows, so the table's cells are not independent. */
        OVERLAPPING_ROWS,
        /** Segments or a multiple-choice question as groups: a respondent counts in several columns. */
        OVERLAPPING_COLUMNS,
        /** Fewer than two shown columns or fewer than two answered rows. */
        TOO_FEW_GROUPS
    }

    /** One group; respondents: who answered the question in it (null for an anonymous group below five). */
    @Schema(
            name = "CrosstabColumn",
            description = "A group of respondents; below the minimum n it is suppressed (visibility not SHOWN): its"
                    + " cells have no numbers and it is left out of every test")
    @JsonbPropertyOrder({"key", "label", "visibility", "respondents"})
    public record Column(
            String key, String label, @JsonbNillable Long respondents, Visibility visibility) implements Serializable {
        public boolean shown() {
            return visibility == Visibility.SHOWN;
        }
    }

    /** One answer category; respondents: its count over the shown columns. */
    @Schema(
            name = "CrosstabRow",
            description = "An answer category (an option, a score band or a rating point); respondents: its count"
                    + " over the shown columns; one cell per column, in the columns' order")
    @JsonbPropertyOrder({"key", "label", "respondents", "cells"})
    public record Row(String key, String label, long respondents, List<Cell> cells) implements Serializable {}

    /**
     * One cell. All numbers null in a suppressed column; z and the p-values null when the cell could not be
     * tested (no rest to compare with, or nobody or everybody in the row).
     */
    @Schema(
            name = "CrosstabCell",
            description = "count n; share n/N of the column's respondents with its 95 % margin of error; z and"
                    + " the two-sided p-value of the share against the rest of the row; the p-value adjusted by"
                    + " Holm for every tested cell; direction HIGHER or LOWER when the adjusted p-value is below"
                    + " 0.05. Numbers null in a suppressed column; z and p null when untestable")
    @JsonbPropertyOrder({"column", "count", "share", "marginOfError", "z", "pValue", "adjustedPValue", "direction"})
    public record Cell(
            String column,
            @JsonbNillable Long count,
            @JsonbNillable Double share,
            @JsonbNillable Double marginOfError,
            @JsonbNillable Double z,
            @JsonbNillable Double pValue,
            @JsonbNillable Double adjustedPValue,
            Direction direction)
            implements Serializable {}

    /**
     * Pearson's chi-square test of independence over the shown columns and answered rows; {@code sparse}:
     * more than 20 % of the cells expect fewer than five (Cochran's rule), so the p-value is only a guide.
     */
    @Schema(
            name = "CrosstabChiSquare",
            description = "Pearson's chi-square test of independence of rows and shown columns; sparse: more than"
                    + " 20 % of the cells expect fewer than 5 (Cochran's rule), the p-value is then only a guide")
    @JsonbPropertyOrder({
        "statistic",
        "degreesOfFreedom",
        "pValue",
        "significant",
        "cells",
        "cellsExpectingFewerThanFive",
        "sparse"
    })
    public record ChiSquare(
            double statistic,
            int degreesOfFreedom,
            double pValue,
            boolean significant,
            int cells,
            int cellsExpectingFewerThanFive,
            boolean sparse)
            implements Serializable {}
}
