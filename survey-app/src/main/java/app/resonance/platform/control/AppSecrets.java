package app.resonance.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Keys that every instance of the application must share (form stamps, keyed hashes of client
 * addresses, the seal of the widget secrets): created once at random and kept in the database, so that they survive restarts and are
 * the same behind a load balancer.
 */
@ApplicationScoped
public class AppSecrets {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    private volatile byte[] formKey;

    private volatile byte[] widgetKey;

    /** The AES key that seals the widget secrets in the database (they are never stored in clear). */
    public byte[] widgetKey() {
        byte[] key = widgetKey;
        if (key == null) {
            key = Base64.getDecoder().decode(load(dataSource, "secret.widget"));
            widgetKey = key;
        }
        return key;
    }

    public byte[] formKey() {
        byte[] key = formKey;
        if (key == null) {
            key = Base64.getDecoder().decode(load(dataSource, "secret.forms"));
            formKey = key;
        }
        return key;
    }

    /** A keyed hash of a client's address (22 characters): the address itself is never kept. */
    public String clientKey(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(formKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The secret of this name, created at random and stored when it is not there yet. Each step is a transaction of
     * its own; when another instance stores its secret first, the insert fails and that one is used.
     */
    static String load(DataSource dataSource, String name) {
        try {
            Optional<String> existing = Jdbc.inTransaction(dataSource, c -> read(c, name));
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = Base64.getEncoder().encodeToString(bytes);
            try {
                Jdbc.inTransaction(dataSource, c -> Jdbc.update(c, """
                        INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)""", name, value, Instant.now()));
                return value;
            } catch (SQLException raced) {
                // Another instance stored its key first: use that one.
                return Jdbc.inTransaction(dataSource, c -> read(c, name)).orElseThrow(() -> raced);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or store the application's secret " + name, e);
        }
    }

    private static Optional<String> read(Connection connection, String name) throws SQLException {
        return Jdbc.first(
                connection, "SELECT setting_value FROM app_setting WHERE setting_key = ?", rs -> rs.getString(1), name);
    }
}
