package app.resonance.analytics.control;

import app.resonance.platform.control.SpreadsheetSafety;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel with inline strings, flushed every 1,000 rows, so that a million rows stream in
 * bounded memory. Beyond 1,048,575 data rows the export continues on a new sheet with the header again.
 * The submission time in the zone is text (it carries its offset); the UTC column is a date cell shown as
 * ISO 8601, so that it sorts and computes. Every sheet declares its real range in {@code <dimension>}:
 * the caller counts the rows first, and {@link SheetDimensions} writes them into the package.
 */
final class XlsxExportSink implements ExportSink {

    /** Data rows of one sheet (1,048,576 rows minus the header); further rows continue on a new sheet. */
    static final int SHEET_ROWS = 1_048_575;

    static final String UTC_FORMAT = "yyyy-mm-dd\\Thh:mm:ss.000\\Z";

    private final SheetDimensions zip;
    private final Workbook workbook;
    private Worksheet sheet;
    private int sheets;
    private int row;
    private List<Object> header;

    /** {@code columns} cells per row, {@code rows} data rows after the header. */
    XlsxExportSink(OutputStream out, int columns, long rows) {
        this.zip = new SheetDimensions(out, sheet -> dimension(sheet, columns, rows));
        this.workbook = new Workbook(zip, "Resonance", "1.0");
        // Stored, not compressed: SheetDimensions inflates and compresses each part once on its way out.
        workbook.setCompressionLevel(0);
    }

    /** The range of sheet number {@code sheet} (from 1): the header and this sheet's share of the rows. */
    static String dimension(int sheet, int columns, long rows) {
        long before = (long) (sheet - 1) * SHEET_ROWS;
        long here = Math.max(0, Math.min(SHEET_ROWS, rows - before));
        return "A1:" + column(columns - 1) + (here + 1);
    }

    /** The letters of a column from 0: A, …, Z, AA, …. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (header == null) {
            header = cells;
        }
        if (sheet == null || row > SHEET_ROWS) {
            if (sheet != null) {
                sheet.finish();
            }
            sheets++;
            sheet = workbook.newWorksheet(sheets == 1 ? "Responses" : "Responses " + sheets);
            sheet.freezePane(0, 1);
            row = 0;
            if (cells != header) {
                write(header);
            }
        }
        write(cells);
        if (row % 1000 == 0) {
            sheet.flush();
        }
    }

    private void write(List<Object> cells) {
        int c = 0;
        for (Object cell : cells) {
            if (cell instanceof Number number) {
                sheet.value(row, c, number);
            } else if (cell instanceof SubmittedAt time) {
                sheet.inlineString(row, c++, time.local());
                sheet.value(row, c, LocalDateTime.ofInstant(time.instant(), ZoneOffset.UTC));
                sheet.style(row, c).format(UTC_FORMAT).set();
            } else if (cell != null) {
                sheet.inlineString(row, c, SpreadsheetSafety.neutralise(cell.toString()));
            }
            c++;
        }
        row++;
    }

    @Override
    public void close() throws IOException {
        if (sheet == null) {
            sheet = workbook.newWorksheet("Responses");
        }
        workbook.finish();
        zip.finish();
    }
}
