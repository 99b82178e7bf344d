package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.HiddenFields;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * Streams a survey's responses as CSV or XLSX with bounded memory: three ordered JDBC cursors (responses,
 * answers, segments) are merged by response id, one response is held at a time, and rows go out as they
 * are read (XLSX with inline strings, flushed every 1,000 rows). One row per response, one column per
 * question key over all versions (the submission time twice: in the reporting zone with its offset and in
 * UTC), then one per declared hidden field; multiple choices and matrix rows joined with "; ". Every text is
 * neutralised against spreadsheet
 * formulas. The README lists the columns.
 */
@ApplicationScoped
public class ResponseExport {

    public enum Format {
        CSV,
        XLSX
    }

    static final int FETCH = 1000;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    public ResponseExport() {}

    /**
     * The filter as the caller may export it: in one of their segments if they are limited to some (refused outside
     * them). Callers check before they start streaming; {@link #write} checks again.
     */
    public ExportFilter scoped(ExportFilter filter) {
        Long segment =
                app.resonance.platform.control.DataScopes.callerOf(scopes).segmentId(filter.segmentId());
        return java.util.Objects.equals(segment, filter.segmentId()) ? filter : filter.inSegment(segment);
    }

    public ResponseExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the export; answers the number of responses written. */
    public long write(ExportFilter filter, ZoneId zone, Format format, Messages messages, OutputStream out)
            throws IOException {
        filter = scoped(filter);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            // One snapshot for the count and the three cursors, so that the XLSX dimension matches its rows.
            snapshot(connection);
            // PostgreSQL streams with a cursor only inside a transaction.
            connection.setAutoCommit(false);
            try {
                long written = new Writer(connection, filter, zone, format, messages, out).write();
                connection.commit();
                return written;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IOException("Reading the responses for the export failed", e);
        }
    }

    /**
     * One snapshot for the whole export: PostgreSQL's REPEATABLE READ takes it at the first query (READ
     * COMMITTED would let a response stored after the count into the cursors); H2 names that level SNAPSHOT.
     */
    private static void snapshot(Connection connection) throws SQLException {
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            try (var statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        } else {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    private static final class Writer {
        private final Connection connection;
        private final ExportFilter filter;
        private final ZoneId zone;
        private final Format format;
        private final Messages messages;
        private final OutputStream out;

        Writer(
                Connection connection,
                ExportFilter filter,
                ZoneId zone,
                Format format,
                Messages messages,
                OutputStream out) {
            this.connection = connection;
            this.filter = filter;
            this.zone = zone;
            this.format = format;
            this.messages = messages;
            this.out = out;
        }

        long write() throws SQLException, IOException {
            List<String> keys = questionKeys();
            List<String> hiddenNames = hiddenFieldNames();
            Map<Long, String> segmentKeys = segmentKeys();
            List<String> header = new ArrayList<>(List.of(
                    messages.get("export.response"),
                    messages.get("export.submitted", zone.getId()),
                    messages.get("export.submittedUtc"),
                    messages.get("export.status"),
                    messages.get("export.channel"),
                    messages.get("export.locale"),
                    messages.get("export.customer"),
                    messages.get("export.segments")));
            header.addAll(keys);
            hiddenNames.forEach(name -> header.add(messages.get("export.hiddenField", name)));
            List<Object> params = new ArrayList<>();
            String where = where(params);
            try (var responses = cursor(
                            "SELECT r.id, r.submitted_at, r.status, r.channel, r.locale, c.external_id, r.hidden_fields"
                                    + " FROM response r"
                                    + " LEFT JOIN customer c ON c.id = r.customer_id WHERE " + where + " ORDER BY r.id",
                            params);
                    var answers = cursor(
                            "SELECT r.id, q.question_key, a.row_code, a.option_code, a.score, a.text_value"
                                    + " FROM response r JOIN answer a ON a.response_id = r.id"
                                    + " JOIN question q ON q.id = a.question_id WHERE " + where
                                    + " ORDER BY r.id, a.id",
                            params);
                    var segments = cursor(
                            "SELECT r.id, rs.segment_id FROM response r JOIN response_segment rs"
                                    + " ON rs.response_id = r.id WHERE " + where + " ORDER BY r.id, rs.segment_id",
                            params);
                    ExportSink sink = format == Format.CSV
                            ? new CsvExportSink(out)
                            : new XlsxExportSink(out, header.size(), count(where, params))) {
                sink.row(header.stream().map(h -> (Object) h).toList());
                ResultSet r = responses.executeQuery();
                CursorMerge answerRows = new CursorMerge(answers.executeQuery());
                CursorMerge segmentRows = new CursorMerge(segments.executeQuery());
                long count = 0;
                Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
                while (r.next()) {
                    long id = r.getLong(1);
                    Map<String, List<String>> values = new LinkedHashMap<>();
                    Map<String, Integer> scores = new HashMap<>();
                    answerRows.forResponse(id, rs -> {
                        String key = rs.getString(2);
                        int score = rs.getInt(5);
                        if (!rs.wasNull()) {
                            scores.put(key, score);
                            return;
                        }
                        String row = rs.getString(3);
                        String option = rs.getString(4);
                        String text = rs.getString(6);
                        String value = row != null ? row + "=" + option : option != null ? option : text;
                        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                    });
                    List<String> memberOf = new ArrayList<>();
                    segmentRows.forResponse(id, rs -> memberOf.add(segmentKeys.getOrDefault(rs.getLong(2), "")));
                    List<Object> cells = new ArrayList<>(header.size());
                    cells.add(id);
                    // getTimestamp with a UTC calendar, not getObject(LocalDateTime.class): the application
                    // server's result set wrapper looks getObject(int, Class) up by reflection on every call.
                    // One cell for two columns: in the zone with its offset, and in UTC.
                    cells.add(new ExportSink.SubmittedAt(r.getTimestamp(2, utc).toInstant(), zone));
                    cells.add(r.getString(3));
                    cells.add(r.getString(4));
                    cells.add(r.getString(5));
                    // Anonymous surveys (employee surveys): nothing that points at a person or a small group.
                    cells.add(filter.anonymous() ? null : r.getString(6));
                    cells.add(filter.anonymous() ? null : String.join("; ", memberOf));
                    for (String key : keys) {
                        if (scores.containsKey(key)) {
                            cells.add(scores.get(key));
                        } else {
                            List<String> list = values.get(key);
                            cells.add(list == null ? null : String.join("; ", list));
                        }
                    }
                    Map<String, String> hidden = HiddenFields.decode(r.getString(7));
                    hiddenNames.forEach(name -> cells.add(hidden.get(name)));
                    sink.row(cells);
                    count++;
                }
                return count;
            }
        }

        /** The responses the cursors will read, in the same snapshot. */
        private long count(String where, List<Object> params) throws SQLException {
            try (var statement = cursor("SELECT COUNT(*) FROM response r WHERE " + where, params);
                    var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private String where(List<Object> params) {
            StringBuilder where = new StringBuilder("r.survey_id = ?");
            params.add(filter.surveyId());
            if (filter.from() != null) {
                where.append(" AND r.submitted_at >= ?");
                params.add(
                        LocalDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                where.append(" AND r.submitted_at < ?");
                params.add(LocalDateTime.ofInstant(
                        filter.to().plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
            }
            if (filter.segmentId() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM response_segment f WHERE f.response_id = r.id"
                        + " AND f.segment_id = ?)");
                params.add(filter.segmentId());
            }
            if (filter.channel() != null) {
                where.append(" AND r.channel = ?");
                params.add(filter.channel());
            }
            if (filter.locale() != null) {
                where.append(" AND r.locale = ?");
                params.add(filter.locale());
            }
            return where.toString();
        }

        private PreparedStatement cursor(String sql, List<Object> params) throws SQLException {
            PreparedStatement statement =
                    connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }

        /** Question keys over all versions: the newest version's order first, older keys after. */
        private List<String> questionKeys() throws SQLException {
            List<String> keys = new ArrayList<>();
            try (var statement = connection.prepareStatement("SELECT q.question_key FROM question q"
                    + " JOIN survey_version v ON v.id = q.survey_version_id WHERE v.survey_id = ?"
                    + " ORDER BY v.version_no DESC, q.position")) {
                statement.setLong(1, filter.surveyId());
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (!keys.contains(rs.getString(1))) {
                            keys.add(rs.getString(1));
                        }
                    }
                }
            }
            return keys;
        }

        /** The survey's declared hidden fields: one column each, after the questions. */
        private List<String> hiddenFieldNames() throws SQLException {
            return HiddenFields.names(Jdbc.first(
                            connection,
                            "SELECT hidden_fields FROM survey WHERE id = ?",
                            rs -> rs.getString(1),
                            filter.surveyId())
                    .orElse(null));
        }

        private Map<Long, String> segmentKeys() throws SQLException {
            Map<Long, String> keys = new HashMap<>();
            try (var statement = connection.prepareStatement("SELECT id, segment_key FROM segment");
                    var rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getLong(1), rs.getString(2));
                }
            }
            return keys;
        }
    }
}
