package app.resonance.analytics.control;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where the export's rows go, one at a time: {@link CsvExportSink} or {@link XlsxExportSink}. A cell is a
 * {@link Number}, a {@link String} (neutralised against formulas by the sink), a {@link SubmittedAt} or
 * null (empty).
 */
interface ExportSink extends AutoCloseable {

    void row(List<Object> cells) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * A submission time, written as two columns: ISO 8601 with milliseconds and the offset of the export's
     * zone ({@code 2026-10-25T02:30:00.000+02:00}), then the same instant in UTC ({@code
     * 2026-10-25T00:30:00.000Z}). One precision everywhere, so that the repeated hour at the end of summer
     * time stays unambiguous.
     */
    record SubmittedAt(Instant instant, ZoneId zone) {

        static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
        static final DateTimeFormatter UTC =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        String local() {
            return LOCAL.format(instant.atZone(zone));
        }

        String utc() {
            return UTC.format(instant);
        }
    }
}
