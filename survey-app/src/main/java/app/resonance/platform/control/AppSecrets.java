package app.resonance.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Keys that every instance of the application must share (form stamps, keyed hashes of client
 * addresses): created once at random and kept in the database, so that they survive restarts and are
 * the same behind a load balancer.
 */
@ApplicationScoped
public class AppSecrets {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    private volatile byte[] formKey;

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

    static String load(DataSource dataSource, String name) {
        try (Connection connection = dataSource.getConnection()) {
            String existing = read(connection, name);
            if (existing != null) {
                return existing;
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = Base64.getEncoder().encodeToString(bytes);
            try (var insert = connection.prepareStatement(
                    "INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                insert.executeUpdate();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return value;
            } catch (SQLException raced) {
                // Another instance stored its key first: use that one.
                String winner = read(connection, name);
                if (winner == null) {
                    throw raced;
                }
                return winner;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or store the application's secret " + name, e);
        }
    }

    private static String read(Connection connection, String name) throws SQLException {
        try (var select = connection.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_key = ?")) {
            select.setString(1, name);
            try (var rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
