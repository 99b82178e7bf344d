package app.resonance.testsupport;

import app.resonance.platform.control.DatabaseMigrator;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The set-up the outbox and follow-up tests share: a fresh database with every migration, a connection to it
 * holding the sample survey, and a real SMTP server (GreenMail) on a free local port.
 */
public final class OutboxSetUp {

    private OutboxSetUp() {}

    /** A fresh database ({@code h2} or {@code postgres}) with every migration applied. */
    public static DataSource migrated(String database) {
        DataSource dataSource = TestDatabases.fresh(database);
        DatabaseMigrator.migrate(dataSource);
        return dataSource;
    }

    /**
     * A connection with auto-commit off to the migrated database, with {@link SampleData#seed} written in its open
     * transaction (the caller commits when its test needs it). The caller closes it.
     */
    public static Connection seeded(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            SampleData.seed(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A started SMTP server on 127.0.0.1 at a free port. */
    public static GreenMail smtp() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return smtp(port);
    }

    /** A started SMTP server on 127.0.0.1 at this port (again, after a test stopped it). */
    public static GreenMail smtp(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
