package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore scripts in deploy/backup, run as an operator would: a database with data is
 * backed up, restored into a new one, and every table compared row by row; the restored sequences go on
 * after the highest id.
 */
class BackupRestoreTest {

    static final Path SCRIPTS = Path.of("../deploy/backup").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static void seed(DataSource dataSource) throws SQLException {
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("INSERT INTO survey (id, slug, kind, status, anonymous, created_at, updated_at)"
                    + " VALUES (1, 'nps', 'NPS', 'OPEN', FALSE, TIMESTAMP '2026-11-23 10:00:00.123456',"
                    + " TIMESTAMP '2026-11-23 10:00:00.123456')");
            s.execute("INSERT INTO customer (id, external_id, name, email, created_at, updated_at) VALUES"
                    + " (1, 'C-1', 'Jörg Müller-Lüdenscheidt 😀', 'j@example.com', TIMESTAMP '2026-01-01 00:00:00',"
                    + " TIMESTAMP '2026-01-01 00:00:00'), (2, 'C-2', 'O''Brien; DROP TABLE x', NULL,"
                    + " TIMESTAMP '2026-01-02 00:00:00', TIMESTAMP '2026-01-02 00:00:00')");
            s.execute(
                    "INSERT INTO customer_attribute (customer_id, attr_name, attr_value) VALUES (1, 'industry', 'Maschinenbau')");
            s.execute(
                    "INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES ('x', 'y', TIMESTAMP '2026-11-23 10:00:00')");
        }
    }

    /** Each table's row count and a digest of its rows in primary-key order. */
    static Map<String, String> fingerprint(DataSource dataSource) throws Exception {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            boolean postgres =
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            try (var rs =
                    c.getMetaData().getTables(null, postgres ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (table.equalsIgnoreCase("flyway_schema_history")) {
                    continue;
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long rows = 0;
                try (var s = c.createStatement();
                        var rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= columns; i++) {
                            digest.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                            digest.update((byte) 0);
                        }
                    }
                }
                result.put(table.toLowerCase(), rows + " " + HexFormat.of().formatHex(digest.digest()));
            }
            try (var s = c.createStatement();
                    var rs =
                            s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
                rs.next();
                result.put("flyway_schema_history", rs.getLong(1) + " migrations");
            }
        }
        return result;
    }

    static long nextCustomerId(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                                ? "SELECT nextval('customer_seq')"
                                : "SELECT NEXT VALUE FOR customer_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    @Test
    void aPostgresBackupRestoresIntoANewDatabaseWithEveryRow() throws Exception {
        TestDatabases.requirePostgres();
        String source = "resonance_bk_" + Long.toHexString(System.nanoTime());
        String target = source + "_restored";
        TestDatabases.recreate(source);
        TestDatabases.recreate(target);
        DataSource from = app.resonance.platform.control.RoutingDataSource.create(
                TestDatabases.pgUrl(source), TestDatabases.PG_USER, null);
        DataSource to = app.resonance.platform.control.RoutingDataSource.create(
                TestDatabases.pgUrl(target), TestDatabases.PG_USER, null);
        seed(from);
        long before = nextCustomerId(from);
        Map<String, String> pg = Map.of(
                "PGHOST",
                TestDatabases.PG_HOST,
                "PGPORT",
                String.valueOf(TestDatabases.PG_PORT),
                "PGUSER",
                TestDatabases.PG_USER);
        Path file = dir.resolve("resonance.dump");
        var env = new java.util.HashMap<>(pg);
        env.put("PGDATABASE", source);
        assertTrue(run(env, "bash", SCRIPTS.resolve("pg-backup.sh").toString(), file.toString())
                .contains("written to"));
        env.put("PGDATABASE", target);
        run(env, "bash", SCRIPTS.resolve("pg-restore.sh").toString(), file.toString());

        assertEquals(fingerprint(from), fingerprint(to));
        assertTrue(nextCustomerId(to) > before, "the restored sequences continue after the backup's ids");
        ProcessBuilder again = new ProcessBuilder(
                        "bash", SCRIPTS.resolve("pg-restore.sh").toString(), file.toString())
                .redirectErrorStream(true);
        again.environment().putAll(env);
        assertEquals(2, again.start().waitFor(), "restoring over a database with data is refused");
    }

    @Test
    void anH2BackupRestoresIntoANewDataDirectoryWithEveryRow() throws Exception {
        String h2Jar = Path.of(org.h2.Driver.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        Path sourceDir = dir.resolve("data");
        Path targetDir = dir.resolve("restored");
        String sourceUrl = "jdbc:h2:file:" + sourceDir + "/resonance;AUTO_SERVER=TRUE";
        DataSource from = RoutingDataSource.create(sourceUrl, "resonance", "resonance");
        seed(from);
        Map<String, String> env = Map.of("H2_JAR", h2Jar);
        Path file = dir.resolve("resonance.sql.zip");
        var backup = new java.util.HashMap<>(env);
        backup.put("RESONANCE_DATA_DIR", sourceDir.toString());
        run(backup, "bash", SCRIPTS.resolve("h2-backup.sh").toString(), file.toString());
        var restore = new java.util.HashMap<>(env);
        restore.put("RESONANCE_DATA_DIR", targetDir.toString());
        run(restore, "bash", SCRIPTS.resolve("h2-restore.sh").toString(), file.toString());

        DataSource to = RoutingDataSource.create("jdbc:h2:file:" + targetDir + "/resonance", "resonance", "resonance");
        assertEquals(fingerprint(from), fingerprint(to));
        assertNotEquals(0, fingerprint(to).size());
        assertTrue(nextCustomerId(to) > nextCustomerId(from) - 50, "the sequences come along");
    }
}
