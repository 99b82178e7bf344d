package app.resonance.testsupport;

import app.resonance.platform.control.RoutingDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run against: H2 always, PostgreSQL whenever 127.0.0.1:5432 answers. In CI
 * (CI=true, or -Dresonance.test.postgres=required) an unreachable PostgreSQL fails the tests instead
 * of skipping them.
 */
public final class TestDatabases {

    public static final String PG_HOST = System.getProperty("resonance.test.pg.host", "127.0.0.1");
    public static final int PG_PORT = Integer.getInteger("resonance.test.pg.port", 5432);
    public static final String PG_USER = System.getProperty("resonance.test.pg.user", "postgres");
    /** How the names of the PostgreSQL databases the tests create begin (a shared server may ask for a prefix). */
    public static final String PG_PREFIX = System.getProperty("resonance.test.pg.prefix", "resonance_t_");

    private TestDatabases() {}

    public static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equals(System.getProperty("resonance.test.postgres"));
    }

    public static boolean postgresReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(PG_HOST, PG_PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips (locally) or fails (in CI) when PostgreSQL does not answer. */
    public static void requirePostgres() {
        if (postgresReachable()) {
            return;
        }
        if (postgresRequired()) {
            throw new AssertionError(
                    "PostgreSQL at " + PG_HOST + ":" + PG_PORT + " is required in CI but does not answer");
        }
        Assumptions.abort("PostgreSQL at " + PG_HOST + ":" + PG_PORT + " does not answer; skipped outside CI");
    }

    /** A new, empty database of the given kind ("h2" or "postgres"). */
    public static DataSource fresh(String kind) {
        String name = PG_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if ("h2".equals(kind)) {
            return RoutingDataSource.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        }
        requirePostgres();
        recreate(name);
        return RoutingDataSource.create(pgUrl(name), PG_USER, null);
    }

    public static String pgUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    /** Drops and creates a PostgreSQL database. */
    public static void recreate(String database) {
        try (var connection = DriverManager.getConnection(pgUrl("postgres"), PG_USER, "");
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL test database " + database, e);
        }
    }
}
