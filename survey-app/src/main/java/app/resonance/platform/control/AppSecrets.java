package app.resonance.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * addresses, unsubscribe links, the seal of the widget secrets): created once at random and kept in the database, so
 * that they survive restarts and are the same behind a load balancer.
 */
@ApplicationScoped
public class AppSecrets {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** The keys read or created so far, by name. */
    private final java.util.Map<String, byte[]> keys = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] key(String name) {
        return keys.computeIfAbsent(name, n -> Base64.getDecoder().decode(load(dataSource, n)));
    }

    /** The key of the form stamps and of the keyed hashes of client addresses. */
    public byte[] formKey() {
        return key("secret.forms");
    }

    /**
     * The key that signs the unsubscribe links of mails (its own, so no other signed value can pass for one). Read or
     * created outside the caller's transaction (a wave's): a key stored in a transaction that is rolled back would
     * still sign links here.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public byte[] unsubscribeKey() {
        return key("secret.unsubscribe");
    }

    /**
     * The AES key that seals the widget secrets in the database (they are never stored in clear); read or created
     * outside the caller's transaction, like the unsubscribe key.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public byte[] widgetKey() {
        return key("secret.widget");
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
