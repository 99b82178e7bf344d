package app.resonance.testsupport;

import app.resonance.platform.control.DatabaseMigrator;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
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

    /**
     * A started SMTP server on 127.0.0.1 at this port (again, after a test stopped it). Like a real server it refuses
     * recipients it does not know for good: every address at {@value #REFUSED_DOMAIN} gets {@value #REFUSAL} to
     * {@code RCPT TO}; other addresses are taken.
     */
    public static GreenMail smtp(int port) {
        GreenMail smtp = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The domain whose addresses the test SMTP server refuses. */
    public static final String REFUSED_DOMAIN = "refused.test";

    /** Its permanent reply to such a recipient. */
    public static final String REFUSAL = "550 5.1.1 Mailbox unavailable";

    /** GreenMail whose SMTP manager refuses the recipients at {@link #REFUSED_DOMAIN}; the rest is GreenMail's. */
    static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    return REFUSED_DOMAIN.equalsIgnoreCase(recipient.getHost()) ? REFUSAL : null;
                }
            };
            Managers withRefusals = new Managers() {
                @Override
                public SmtpManager getSmtpManager() {
                    return refusing;
                }

                @Override
                public UserManager getUserManager() {
                    return managers.getUserManager();
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return managers.getImapHostManager();
                }
            };
            return super.createServices(setups, withRefusals);
        }
    }
}
