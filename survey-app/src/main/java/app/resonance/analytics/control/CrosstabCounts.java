package app.resonance.analytics.control;

import java.util.List;
import java.util.Map;

/**
 * What a crosstab is computed from: respondents per answer category and group, as counted from the responses.
 *
 * @param rows the answer categories in their order (key and label)
 * @param columns the groups in their order (key and label)
 * @param cells respondents per row key, then column key (a missing entry is zero)
 * @param columnTotals respondents per column who answered the question
 * @param rowTotals respondents per row key in any group or none (the rest of a row when columns overlap)
 * @param total respondents who answered the question, in any group or none
 */
public record CrosstabCounts(
        List<Label> rows,
        List<Label> columns,
        Map<String, Map<String, Long>> cells,
        Map<String, Long> columnTotals,
        Map<String, Long> rowTotals,
        long total,
        boolean overlappingRows,
        boolean overlappingColumns) {

    /** A category's or a group's key and what a reader sees. */
    public record Label(String key, String label) {}

    long cell(String row, String column) {
        return cells.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
    }

    long columnTotal(String column) {
        return columnTotals.getOrDefault(column, 0L);
    }

    long rowTotal(String row) {
        return rowTotals.getOrDefault(row, 0L);
    }
}
