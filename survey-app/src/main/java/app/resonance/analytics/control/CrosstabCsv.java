package app.resonance.analytics.control;

import app.resonance.platform.control.Messages;
import app.resonance.platform.control.SpreadsheetSafety;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A crosstab as CSV, one line per cell (a long table that filters and pivots well): the row, the column with
 * its respondents and visibility, the cell's numbers, and the table's chi-square repeated on every line
 * (empty where there is none). UTF-8 with a byte order mark, RFC 4180; labels are neutralised against
 * spreadsheet formulas like every export ({@link SpreadsheetSafety}). Suppressed columns have no numbers.
 */
public final class CrosstabCsv {

    static final List<String> HEADERS = List.of(
            "row",
            "rowLabel",
            "column",
            "columnLabel",
            "respondents",
            "visibility",
            "count",
            "share",
            "marginOfError",
            "z",
            "pValue",
            "adjustedPValue",
            "direction",
            "chiSquare",
            "degreesOfFreedom",
            "chiSquarePValue",
            "sparse");

    private CrosstabCsv() {}

    public static void write(Crosstab table, Messages messages, OutputStream out) throws IOException {
        try (var sink = new CsvExportSink(out)) {
            sink.row(HEADERS.stream()
                    .map(h -> (Object) messages.get("crosstab.csv." + h))
                    .toList());
            var chi = table.chiSquare();
            for (Crosstab.Row row : table.rows()) {
                for (int c = 0; c < table.columns().size(); c++) {
                    Crosstab.Column column = table.columns().get(c);
                    Crosstab.Cell cell = row.cells().get(c);
                    List<Object> line = new ArrayList<>(List.of(row.key(), row.label(), column.key(), column.label()));
                    line.add(blank(column.respondents()));
                    line.add(column.visibility().name());
                    line.add(blank(cell.count()));
                    line.add(blank(cell.share()));
                    line.add(blank(cell.marginOfError()));
                    line.add(blank(cell.z()));
                    line.add(blank(cell.pValue()));
                    line.add(blank(cell.adjustedPValue()));
                    line.add(cell.direction().name());
                    line.add(chi == null ? "" : chi.statistic());
                    line.add(chi == null ? "" : chi.degreesOfFreedom());
                    line.add(chi == null ? "" : chi.pValue());
                    line.add(chi == null ? "" : chi.sparse());
                    sink.row(line);
                }
            }
        }
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }
}
