package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Messages;
import app.resonance.testsupport.DemoData;
import app.resonance.testsupport.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streamed CSV and XLSX exports on H2 and PostgreSQL: every response once, filters, formulas neutralised,
 * times in the zone with their offset and in UTC, the XLSX dimension. The demo data is loaded once per
 * database; every test only reads it, or adds responses to a survey no other test exports.
 */
class ExportOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A loaded demo database with the hostile product-feedback response. */
    record Demo(DataSource dataSource, Fixture fixture, long survey, long hostile) {}

    private static final Map<String, Demo> DEMOS = new ConcurrentHashMap<>();

    static Demo demo(String database) {
        return DEMOS.computeIfAbsent(database, kind -> {
            try {
                DataSource dataSource = TestDatabases.fresh(kind);
                DatabaseMigrator.migrate(dataSource);
                DemoData.load(dataSource, RollupsOnBothDatabasesTest.TODAY, RollupsOnBothDatabasesTest.NOW);
                Fixture fixture = new Fixture(dataSource);
                long survey = fixture.surveyId("product-feedback");
                return new Demo(dataSource, fixture, survey, hostileResponse(dataSource, survey));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static byte[] export(Demo demo, ExportFilter filter, ResponseExport.Format format, Locale locale) throws Exception {
        var out = new ByteArrayOutputStream();
        new ResponseExport(demo.dataSource()).write(filter, BERLIN, format, Messages.of(locale), out);
        return out.toByteArray();
    }

    static ExportFilter all(Demo demo) {
        return new ExportFilter(demo.survey(), null, null, null, null, null);
    }

    static List<CSVRecord> records(byte[] bytes) throws IOException {
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark for Excel");
        return CSVFormat.RFC4180
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))
                .getRecords();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvHoldsEveryResponseOnce(String database) throws Exception {
        Demo demo = demo(database);
        var csv = new ByteArrayOutputStream();
        long written = new ResponseExport(demo.dataSource())
                .write(all(demo), BERLIN, ResponseExport.Format.CSV, Messages.of(Locale.GERMAN), csv);
        assertEquals(1_001, written);
        List<CSVRecord> records = records(csv.toByteArray());
        assertEquals(1_002, records.size());
        long distinct = records.stream().skip(1).map(r -> r.get(0)).distinct().count();
        assertEquals(1_001, distinct, "every response exactly once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvHeaderNamesTheZoneAndUtcInGerman(String database) throws Exception {
        List<CSVRecord> records =
                records(export(demo(database), all(demo(database)), ResponseExport.Format.CSV, Locale.GERMAN));
        assertEquals(
                List.of(
                        "Antwort",
                        "Abgegeben (Europe/Berlin)",
                        "Abgegeben (UTC)",
                        "Vollständigkeit",
                        "Kanal",
                        "Sprache",
                        "Kunde",
                        "Segmente",
                        "rating",
                        "features",
                        "aspects",
                        "wish"),
                records.get(0).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvNeutralisesFormulasAndJoinsChoices(String database) throws Exception {
        Demo demo = demo(database);
        List<CSVRecord> records = records(export(demo, all(demo), ResponseExport.Format.CSV, Locale.GERMAN));
        CSVRecord last = records.get(records.size() - 1);
        assertEquals(String.valueOf(demo.hostile()), last.get(0));
        assertEquals("2026-03-02T00:30:00.000+01:00", last.get(1));
        assertEquals("2026-03-01T23:30:00.000Z", last.get(2));
        assertEquals("'-3", last.get(6), "a customer id starting with a minus sign");
        assertEquals("4", last.get(8));
        assertEquals("exports; mobile", last.get(9));
        assertEquals("speed=5; design=2", last.get(10));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"Klick\")", last.get(11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvTimesAreInBerlinWithOffsetAndInUtcWithMilliseconds(String database) throws Exception {
        Demo demo = demo(database);
        List<CSVRecord> records = records(export(demo, all(demo), ResponseExport.Format.CSV, Locale.GERMAN));
        var submitted = new TreeMap<String, String>();
        var utc = new TreeMap<String, String>();
        records.stream().skip(1).forEach(r -> {
            submitted.put(r.get(0), r.get(1));
            utc.put(r.get(0), r.get(2));
        });
        assertEquals(
                submittedInBerlin(demo.dataSource(), demo.survey()),
                submitted,
                "every time in Berlin, summer and winter");
        assertEquals(submittedInUtc(demo.dataSource(), demo.survey()), utc, "every time in UTC");
        assertTrue(submitted.values().stream().anyMatch(t -> t.endsWith("+02:00")), "summer times");
        assertTrue(submitted.values().stream().anyMatch(t -> t.endsWith("+01:00")), "winter times");
        for (String time : submitted.values()) {
            assertTrue(time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0[12]:00"), time);
        }
        for (String time : utc.values()) {
            assertTrue(time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), time);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvAppliesTheDashboardFilters(String database) throws Exception {
        Demo demo = demo(database);
        // The dashboard's filters: one segment, a range of days in Berlin, one channel.
        LocalDate from = RollupsOnBothDatabasesTest.TODAY.minusDays(100);
        LocalDate to = RollupsOnBothDatabasesTest.TODAY.minusDays(10);
        long segment = demo.fixture().count("SELECT id FROM segment WHERE segment_key = 'business'");
        var filtered = new ByteArrayOutputStream();
        long count = new ResponseExport(demo.dataSource())
                .write(
                        new ExportFilter(demo.survey(), from, to, segment, "EMAIL", null),
                        BERLIN,
                        ResponseExport.Format.CSV,
                        Messages.of(Locale.ENGLISH),
                        filtered);
        long expected = directCount(demo.dataSource(), demo.survey(), segment, from, to);
        assertTrue(expected > 20, "enough to filter: " + expected);
        assertEquals(expected, count);
        String text = filtered.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Submitted (Europe/Berlin)"));
        assertTrue(text.contains("Submitted (UTC)"));
        assertFalse(text.contains(",LINK,"));
        assertEquals(expected + 1, records(filtered.toByteArray()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void xlsxHoldsEveryResponseWithFormulasNeutralised(String database) throws Exception {
        Demo demo = demo(database);
        var xlsx = new ByteArrayOutputStream();
        assertEquals(
                1_001,
                new ResponseExport(demo.dataSource())
                        .write(all(demo), BERLIN, ResponseExport.Format.XLSX, Messages.of(Locale.ENGLISH), xlsx));
        String sheet = sheetXml(xlsx.toByteArray());
        assertEquals(1_002, sheet.split("<row ").length - 1, "header and one row per response");
        assertTrue(sheet.contains("&apos;=HYPERLINK") || sheet.contains("'=HYPERLINK"), "neutralised in XLSX too");
        assertFalse(sheet.contains("<f>"), "no formula cells");
        assertTrue(sheet.contains("2026-03-02T00:30:00.000+01:00"), "the time in Berlin as text with its offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void xlsxDimensionIsTheRealRangeForAStreamingReader(String database) throws Exception {
        Demo demo = demo(database);
        Sheet sheet = streamSheet(export(demo, all(demo), ResponseExport.Format.XLSX, Locale.ENGLISH));
        assertEquals("A1:L1002", sheet.dimension(), "twelve columns, the header and 1,001 responses");
        assertEquals(1_002, sheet.rows(), "a streaming reader sees every row");
        assertEquals("L1002", sheet.lastCell());
        assertEquals("2026-03-02T00:30:00.000+01:00", sheet.lastRowText().get(0), "the first text after the id");
        assertTrue(sheet.utcFormat(), "the UTC column is a date cell shown as ISO 8601 in UTC");

        // Filtered down to nothing: the header alone.
        var none =
                new ExportFilter(demo.survey(), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2), null, null, null);
        Sheet empty = streamSheet(export(demo, none, ResponseExport.Format.XLSX, Locale.ENGLISH));
        assertEquals("A1:L1", empty.dimension());
        assertEquals(1, empty.rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anonymousSurveyExportsNoCustomerAndNoSegments(String database) throws Exception {
        Demo demo = demo(database);
        List<CSVRecord> anonymousRecords = records(export(
                demo,
                new ExportFilter(demo.survey(), null, null, null, null, null, true),
                ResponseExport.Format.CSV,
                Locale.ENGLISH));
        assertEquals(1_002, anonymousRecords.size());
        for (CSVRecord record : anonymousRecords.subList(1, anonymousRecords.size())) {
            assertEquals("", record.get(6));
            assertEquals("", record.get(7));
        }
    }

    /**
     * 02:30 in Berlin on 25 October 2026 happens twice: first in summer time (00:30 UTC), then, after the
     * clocks went back at 03:00, in winter time (01:30 UTC). The export keeps them apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theRepeatedHourAtTheEndOfSummerTimeStaysUnambiguous(String database) throws Exception {
        Demo demo = demo(database);
        long survey = demo.fixture().surveyId("support-effort-ces");
        long summer = 60_000_100L;
        long winter = summer + 1;
        bareResponse(demo.dataSource(), survey, summer, LocalDateTime.of(2026, 10, 25, 0, 30));
        bareResponse(demo.dataSource(), survey, winter, LocalDateTime.of(2026, 10, 25, 1, 30));
        var day = new ExportFilter(survey, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), null, null, null);

        Map<String, CSVRecord> byId = new TreeMap<>();
        records(export(demo, day, ResponseExport.Format.CSV, Locale.ENGLISH)).forEach(r -> byId.put(r.get(0), r));
        CSVRecord first = byId.get(String.valueOf(summer));
        CSVRecord second = byId.get(String.valueOf(winter));
        assertEquals("2026-10-25T02:30:00.000+02:00", first.get(1));
        assertEquals("2026-10-25T00:30:00.000Z", first.get(2));
        assertEquals("2026-10-25T02:30:00.000+01:00", second.get(1));
        assertEquals("2026-10-25T01:30:00.000Z", second.get(2));
        assertNotEquals(first.get(2), second.get(2));

        String sheet = sheetXml(export(demo, day, ResponseExport.Format.XLSX, Locale.ENGLISH));
        assertTrue(sheet.contains("2026-10-25T02:30:00.000+02:00"), "summer time in the XLSX");
        assertTrue(sheet.contains("2026-10-25T02:30:00.000+01:00"), "winter time in the XLSX");
    }

    /**
     * A response stored while an XLSX export runs, right after it counted its rows, is not in that export:
     * the count and the cursors read one snapshot, so the dimension still names every row and no more.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void xlsxCountAndRowsAgreeWhileResponsesArrive(String database) throws Exception {
        Demo demo = demo(database);
        long survey = demo.fixture().surveyId("post-support-csat");
        long before = demo.fixture().count("SELECT COUNT(*) FROM response WHERE survey_id = " + survey);
        long arriving = 60_000_200L;
        DataSource racing = insertingAfterTheCount(
                demo.dataSource(), () -> bareResponse(demo.dataSource(), survey, arriving, LocalDateTime.now()));
        var filter = new ExportFilter(survey, null, null, null, null, null);
        var out = new ByteArrayOutputStream();
        long written = new ResponseExport(racing)
                .write(filter, BERLIN, ResponseExport.Format.XLSX, Messages.of(Locale.ENGLISH), out);

        assertEquals(before, written, "the export's snapshot, without the response that arrived");
        Sheet sheet = streamSheet(out.toByteArray());
        assertEquals(before + 1, sheet.rows());
        assertTrue(sheet.dimension().endsWith(String.valueOf(before + 1)), sheet.dimension());
        assertEquals(
                before + 1,
                new ResponseExport(demo.dataSource())
                        .write(
                                filter,
                                BERLIN,
                                ResponseExport.Format.CSV,
                                Messages.of(Locale.ENGLISH),
                                new ByteArrayOutputStream()),
                "the next export has it");
    }

    interface Insert {
        void run() throws SQLException;
    }

    /** The data source, except that right after an export's COUNT(*) another connection stores a response. */
    static DataSource insertingAfterTheCount(DataSource dataSource, Insert insert) {
        return proxy(DataSource.class, dataSource, (method, result, args) -> {
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, (m, statement, a) -> {
                    if (m.getName().equals("prepareStatement")
                            && a[0].toString().startsWith("SELECT COUNT(*) FROM response")) {
                        return proxy(PreparedStatement.class, (PreparedStatement) statement, (s, rs, b) -> {
                            if (s.getName().equals("executeQuery")) {
                                insert.run();
                            }
                            return rs;
                        });
                    }
                    return statement;
                });
            }
            return result;
        });
    }

    interface After {
        Object apply(java.lang.reflect.Method method, Object result, Object[] args) throws Exception;
    }

    static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, result, args);
                }));
    }

    /** A response without answers at the given UTC time. */
    static void bareResponse(DataSource dataSource, long survey, long id, LocalDateTime at) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            long version = single(connection, "SELECT published_version_id FROM survey WHERE id = " + survey);
            update(
                    connection,
                    "INSERT INTO response (id, survey_id, survey_version_id, channel, locale, status,"
                            + " submitted_at, received_at, updated_at) VALUES (?, ?, ?, 'API', 'de', 'COMPLETE', ?, ?, ?)",
                    id,
                    survey,
                    version,
                    at,
                    at,
                    at);
        }
    }

    /** What a streaming reader sees of the first sheet: its dimension, its rows, the last row's texts. */
    record Sheet(String dimension, int rows, String lastCell, List<String> lastRowText, boolean utcFormat) {}

    /**
     * Reads the package front to back as a streaming reader does (local headers, no central directory) and
     * parses the first sheet with StAX, one event at a time.
     */
    static Sheet streamSheet(byte[] xlsx) throws Exception {
        String dimension = null;
        int rows = 0;
        String lastCell = null;
        List<String> lastRowText = new ArrayList<>();
        boolean utcFormat = false;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/styles.xml")) {
                    utcFormat = new String(zip.readAllBytes(), StandardCharsets.UTF_8)
                            .contains("formatCode=\"yyyy-mm-dd\\Thh:mm:ss.000\\Z\"");
                }
                if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    continue;
                }
                XMLStreamReader xml = XMLInputFactory.newFactory()
                        .createXMLStreamReader(
                                // The parser closes its input at the end of the document; the zip goes on.
                                new java.io.FilterInputStream(zip) {
                                    @Override
                                    public void close() {}
                                },
                                "UTF-8");
                boolean inText = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "dimension" -> dimension = xml.getAttributeValue(null, "ref");
                            case "row" -> {
                                rows++;
                                lastRowText = new ArrayList<>();
                            }
                            case "c" -> lastCell = xml.getAttributeValue(null, "r");
                            case "t" -> inText = true;
                            default -> {}
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS && inText) {
                        lastRowText.add(xml.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT
                            && xml.getLocalName().equals("t")) {
                        inText = false;
                    }
                }
            }
        }
        return new Sheet(dimension, rows, lastCell, lastRowText, utcFormat);
    }

    /** A product-feedback response whose text and customer id try to be formulas, at 23:30 UTC on 1 March. */
    static long hostileResponse(DataSource dataSource, long survey) throws SQLException {
        long id = 60_000_000L;
        try (var connection = dataSource.getConnection()) {
            long version = single(connection, "SELECT published_version_id FROM survey WHERE id = " + survey);
            long customer = 70_000_000L;
            update(
                    connection,
                    "INSERT INTO customer (id, external_id, name, created_at, updated_at, row_version)"
                            + " VALUES (?, '-3', 'Evil', ?, ?, 0)",
                    customer,
                    LocalDateTime.of(2026, 1, 1, 0, 0),
                    LocalDateTime.of(2026, 1, 1, 0, 0));
            LocalDateTime at = LocalDateTime.of(2026, 3, 1, 23, 30);
            update(
                    connection,
                    "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                            + " submitted_at, received_at, updated_at) VALUES (?, ?, ?, ?, 'API', 'de', 'COMPLETE', ?, ?, ?)",
                    id,
                    survey,
                    version,
                    customer,
                    at,
                    at,
                    at);
            long answer = 60_000_000L;
            update(connection, answerSql(), answer++, id, question(connection, version, "rating"), null, null, 4, null);
            update(
                    connection,
                    answerSql(),
                    answer++,
                    id,
                    question(connection, version, "features"),
                    null,
                    "exports",
                    null,
                    null);
            update(
                    connection,
                    answerSql(),
                    answer++,
                    id,
                    question(connection, version, "features"),
                    null,
                    "mobile",
                    null,
                    null);
            update(
                    connection,
                    answerSql(),
                    answer++,
                    id,
                    question(connection, version, "aspects"),
                    "speed",
                    "5",
                    null,
                    null);
            update(
                    connection,
                    answerSql(),
                    answer++,
                    id,
                    question(connection, version, "aspects"),
                    "design",
                    "2",
                    null,
                    null);
            update(
                    connection,
                    answerSql(),
                    answer,
                    id,
                    question(connection, version, "wish"),
                    null,
                    null,
                    null,
                    "=HYPERLINK(\"http://evil.example\",\"Klick\")");
        }
        return id;
    }

    /** Response id -> submitted_at (UTC in the database) as Berlin wall-clock time, converted in Java. */
    static java.util.Map<String, String> submittedInBerlin(DataSource dataSource, long survey) throws SQLException {
        var times = new java.util.TreeMap<String, String>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id, submitted_at FROM response WHERE survey_id = " + survey)) {
            while (rs.next()) {
                LocalDateTime utc = rs.getObject(2, LocalDateTime.class);
                times.put(
                        String.valueOf(rs.getLong(1)),
                        utc.atOffset(ZoneOffset.UTC)
                                .atZoneSameInstant(BERLIN)
                                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx")));
            }
        }
        return times;
    }

    /** Response id -> submitted_at as UTC with milliseconds and a Z. */
    static Map<String, String> submittedInUtc(DataSource dataSource, long survey) throws SQLException {
        var times = new TreeMap<String, String>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id, submitted_at FROM response WHERE survey_id = " + survey)) {
            while (rs.next()) {
                LocalDateTime utc = rs.getObject(2, LocalDateTime.class);
                times.put(
                        String.valueOf(rs.getLong(1)),
                        utc.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")) + "Z");
            }
        }
        return times;
    }

    static String answerSql() {
        return "INSERT INTO answer (id, response_id, question_id, row_code, option_code, score, text_value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    static long question(java.sql.Connection c, long version, String key) throws SQLException {
        return single(
                c,
                "SELECT id FROM question WHERE survey_version_id = " + version + " AND question_key = '" + key + "'");
    }

    static long directCount(DataSource dataSource, long survey, long segment, LocalDate from, LocalDate to)
            throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM response r JOIN response_segment rs"
                        + " ON rs.response_id = r.id WHERE r.survey_id = ? AND rs.segment_id = ? AND r.channel = 'EMAIL'"
                        + " AND r.submitted_at >= ? AND r.submitted_at < ?")) {
            statement.setLong(1, survey);
            statement.setLong(2, segment);
            statement.setObject(
                    3, LocalDateTime.ofInstant(from.atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            statement.setObject(
                    4,
                    LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(BERLIN).toInstant(), ZoneOffset.UTC));
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first sheet's XML, read through the zip's central directory as spreadsheet programs do. */
    static String sheetXml(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                var entry = zip.getEntry("xl/worksheets/sheet1.xml");
                if (entry == null) {
                    throw new AssertionError("no sheet in the workbook");
                }
                try (var in = zip.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static long single(java.sql.Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(java.sql.Connection c, String sql, Object... values) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }
}
