package app.resonance.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source class the container pools: it chooses the driver by the configured JDBC URL, so that
 * switching from the embedded H2 default to PostgreSQL is a matter of setting {@code RESONANCE_DB_URL}.
 * The container asks for connections; url, user, password and the timeouts come from the application's
 * MicroProfile Config ({@code resonance.db.*}) when the first connection is made, unless a caller (a test, a
 * tool) set the URL through the setters, in which case only the set values count.
 *
 * <p>On PostgreSQL every connection starts with a {@code lock_timeout} (4 s) and a {@code statement_timeout}
 * (30 s), set by {@code RESONANCE_DB_LOCK_TIMEOUT} and {@code RESONANCE_DB_STATEMENT_TIMEOUT} (PostgreSQL's
 * units: "4s", "500ms", "2min"; "0" for none): a request that waits for a lock held elsewhere is answered 503
 * with Retry-After after at most the lock timeout instead of waiting for the lock. Set-based jobs that may run
 * longer lift both for their own transaction ({@link Jdbc#withoutTimeouts}).
 */
public class RoutingDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private String lockTimeout = "4s";
    private String statementTimeout = "30s";
    private volatile DataSource delegate;
    private int loginTimeout;

    public void setUrl(String url) {
        this.url = url;
        this.delegate = null;
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
        this.delegate = null;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
        this.delegate = null;
    }

    public void setLockTimeout(String lockTimeout) {
        this.lockTimeout = timeout("lock timeout (resonance.db.lock-timeout)", lockTimeout);
        this.delegate = null;
    }

    public String getLockTimeout() {
        return lockTimeout;
    }

    public void setStatementTimeout(String statementTimeout) {
        this.statementTimeout = timeout("statement timeout (resonance.db.statement-timeout)", statementTimeout);
        this.delegate = null;
    }

    public String getStatementTimeout() {
        return statementTimeout;
    }

    /** A PostgreSQL duration: digits and an optional unit, nothing that could add other options. */
    static String timeout(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9]{1,9}(us|ms|s|min|h)?")) {
            throw new IllegalArgumentException(
                    "Invalid database " + what + ": '" + value + "'; use for example 4s, 500ms or 0 for none");
        }
        return v;
    }

    DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            if (url == null) {
                var config = org.eclipse.microprofile.config.ConfigProvider.getConfig(
                        RoutingDataSource.class.getClassLoader());
                current = create(
                        config.getValue("resonance.db.url", String.class),
                        config.getOptionalValue("resonance.db.user", String.class)
                                .orElse(null),
                        config.getOptionalValue("resonance.db.password", String.class)
                                .orElse(null),
                        timeout(
                                "lock timeout (resonance.db.lock-timeout)",
                                config.getOptionalValue("resonance.db.lock-timeout", String.class)
                                        .orElse(lockTimeout)),
                        timeout(
                                "statement timeout (resonance.db.statement-timeout)",
                                config.getOptionalValue("resonance.db.statement-timeout", String.class)
                                        .orElse(statementTimeout)));
            } else {
                current = create(url, user, password, lockTimeout, statementTimeout);
            }
            delegate = current;
        }
        return current;
    }

    /** Creates the vendor data source for a JDBC URL, without time limits; used by the tests and tools. */
    public static DataSource create(String url, String user, String password) {
        return create(url, user, password, null, null);
    }

    /**
     * Creates the vendor data source for a JDBC URL; on PostgreSQL with the given lock and statement timeouts
     * for every connection (null: the server's default).
     */
    public static DataSource create(
            String url, String user, String password, String lockTimeout, String statementTimeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No database URL configured (resonance.db.url)");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            if (user != null && !user.isBlank()) {
                pg.setUser(user);
            }
            if (password != null && !password.isBlank()) {
                pg.setPassword(password);
            }
            pg.setConnectTimeout(5);
            pg.setSocketTimeout(60);
            pg.setReWriteBatchedInserts(true);
            pg.setApplicationName("resonance");
            String options = (lockTimeout == null ? "" : " -c lock_timeout=" + timeout("lock timeout", lockTimeout))
                    + (statementTimeout == null
                            ? ""
                            : " -c statement_timeout=" + timeout("statement timeout", statementTimeout));
            if (!options.isEmpty()) {
                pg.setOptions(options.strip());
            }
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        throw new IllegalStateException("Unsupported database URL; use jdbc:h2: or jdbc:postgresql:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
