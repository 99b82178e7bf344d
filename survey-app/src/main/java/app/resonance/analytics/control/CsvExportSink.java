package app.resonance.analytics.control;

import app.resonance.platform.control.SpreadsheetSafety;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a byte order mark (so that Excel keeps the umlauts), RFC 4180 quoting. Formats each
 * row into a reused buffer and writes it in one call: Commons CSV appends every field in pieces, and each
 * append to the writer would take its lock.
 */
final class CsvExportSink implements ExportSink {
    private final java.io.Writer writer;
    private final StringBuilder line = new StringBuilder(256);
    private final CSVPrinter printer;

    CsvExportSink(OutputStream out) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(line, CSVFormat.RFC4180);
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        for (Object cell : cells) {
            if (cell instanceof SubmittedAt time) {
                printer.print(time.local());
                printer.print(time.utc());
            } else if (cell instanceof String text) {
                printer.print(SpreadsheetSafety.neutralise(text));
            } else {
                printer.print(cell);
            }
        }
        printer.println();
        writer.append(line);
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
