package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.demo.control.DemoDataLoader;
import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.platform.control.Messages;
import app.resonance.testsupport.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streamed CSV and XLSX exports on H2 and PostgreSQL: every response once, filters, formulas neutralised. */
class ExportOnBothDatabasesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void csvAndXlsxHoldEveryResponseOnceWithFormulasNeutralised(String database) throws Exception {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        DemoDataLoader.load(dataSource, RollupsOnBothDatabasesTest.TODAY, RollupsOnBothDatabasesTest.NOW);
        Fixture fixture = new Fixture(dataSource);
        long survey = fixture.surveyId("product-feedback");
        long hostile = hostileResponse(dataSource, survey);

        ResponseExport export = new ResponseExport(dataSource);
        var csv = new ByteArrayOutputStream();
        long written = export.write(
                new ExportFilter(survey, null, null, null, null, null),
                BERLIN,
                ResponseExport.Format.CSV,
                Messages.of(Locale.GERMAN),
                csv);
        assertEquals(1_001, written);
        byte[] bytes = csv.toByteArray();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark for Excel");
        List<CSVRecord> records = CSVFormat.RFC4180
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertEquals(1_002, records.size());
        assertEquals(
                List.of(
                        "Antwort",
                        "Abgegeben (Europe/Berlin)",
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
        CSVRecord last = records.get(records.size() - 1);
        assertEquals(String.valueOf(hostile), last.get(0));
        assertEquals("2026-03-02 00:30", last.get(1));
        assertEquals("'-3", last.get(5), "a customer id starting with a minus sign");
        assertEquals("4", last.get(7));
        assertEquals("exports; mobile", last.get(8));
        assertEquals("speed=5; design=2", last.get(9));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"Klick\")", last.get(10));
        long distinct = records.stream().skip(1).map(r -> r.get(0)).distinct().count();
        assertEquals(1_001, distinct, "every response exactly once");
        var submitted = new java.util.TreeMap<String, String>();
        records.stream().skip(1).forEach(r -> submitted.put(r.get(0), r.get(1)));
        assertEquals(submittedInBerlin(dataSource, survey), submitted, "every time in Berlin, summer and winter");

        // The dashboard's filters: one segment, a range of days in Berlin, one channel.
        LocalDate from = RollupsOnBothDatabasesTest.TODAY.minusDays(100);
        LocalDate to = RollupsOnBothDatabasesTest.TODAY.minusDays(10);
        long segment = fixture.count("SELECT id FROM segment WHERE segment_key = 'business'");
        var filtered = new ByteArrayOutputStream();
        long count = export.write(
                new ExportFilter(survey, from, to, segment, "EMAIL", null),
                BERLIN,
                ResponseExport.Format.CSV,
                Messages.of(Locale.ENGLISH),
                filtered);
        long expected = directCount(dataSource, survey, segment, from, to);
        assertTrue(expected > 20, "enough to filter: " + expected);
        assertEquals(expected, count);
        String text = filtered.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Submitted (Europe/Berlin)"));
        assertFalse(text.contains(",LINK,"));

        var xlsx = new ByteArrayOutputStream();
        assertEquals(
                1_001,
                export.write(
                        new ExportFilter(survey, null, null, null, null, null),
                        BERLIN,
                        ResponseExport.Format.XLSX,
                        Messages.of(Locale.ENGLISH),
                        xlsx));
        String sheet = sheetXml(xlsx.toByteArray());
        assertEquals(1_002, sheet.split("<row ").length - 1, "header and one row per response");
        assertTrue(sheet.contains("&apos;=HYPERLINK") || sheet.contains("'=HYPERLINK"), "neutralised in XLSX too");
        assertFalse(sheet.contains("<f>"), "no formula cells");

        // An anonymous survey exports no customer and no segments.
        var anonymous = new ByteArrayOutputStream();
        export.write(
                new ExportFilter(survey, null, null, null, null, null, true),
                BERLIN,
                ResponseExport.Format.CSV,
                Messages.of(Locale.ENGLISH),
                anonymous);
        byte[] anonymousBytes = anonymous.toByteArray();
        List<CSVRecord> anonymousRecords = CSVFormat.RFC4180
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(anonymousBytes, 3, anonymousBytes.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertEquals(1_002, anonymousRecords.size());
        for (CSVRecord record : anonymousRecords.subList(1, anonymousRecords.size())) {
            assertEquals("", record.get(5));
            assertEquals("", record.get(6));
        }
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
                        LocalDateTime.ofInstant(utc.toInstant(ZoneOffset.UTC), BERLIN)
                                .toString()
                                .replace('T', ' '));
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
