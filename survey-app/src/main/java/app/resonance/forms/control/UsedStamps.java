package app.resonance.forms.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which respondent used a form stamp first ({@code used_form_stamp}): a stamp is good for the respondent
 * who sent it first (the same page sent twice, a back button, a double click), never for another, so
 * one stamp cannot be replayed for any number of new responses. Stamp and respondent are kept as SHA-256
 * only. Each claim is its own statement in auto-commit: two instances that claim one stamp at the same
 * moment are decided by the primary key, and the loser reads the winner's row.
 */
@ApplicationScoped
public class UsedStamps {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** True if the stamp is unused or was used by this respondent; records the first use. */
    public boolean claim(String stamp, String respondent, Instant now) {
        try {
            return Jdbc.autoCommit(dataSource, c -> claim(c, stamp, respondent, now));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a used form stamp", e);
        }
    }

    /** Deletes the records of stamps used before the given time (such stamps are refused as too old). */
    public int forgetBefore(Instant before) {
        try {
            return Jdbc.autoCommit(dataSource, c -> forgetBefore(c, before));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete old form stamps", e);
        }
    }

    static boolean claim(Connection c, String stamp, String respondent, Instant now) throws SQLException {
        String stampHash = sha256(stamp);
        String respondentHash = sha256(respondent);
        Optional<String> owner = owner(c, stampHash);
        if (owner.isPresent()) {
            return owner.get().equals(respondentHash);
        }
        try {
            Jdbc.update(
                    c,
                    "INSERT INTO used_form_stamp (stamp_hash, respondent_hash, used_at) VALUES (?, ?, ?)",
                    stampHash,
                    respondentHash,
                    now);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // another request claimed it between our read and our insert
            return owner(c, stampHash).map(respondentHash::equals).orElse(false);
        }
    }

    static int forgetBefore(Connection c, Instant before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM used_form_stamp WHERE used_at < ?", before);
    }

    private static Optional<String> owner(Connection c, String stampHash) throws SQLException {
        return Jdbc.first(
                c,
                "SELECT respondent_hash FROM used_form_stamp WHERE stamp_hash = ?",
                rs -> rs.getString(1),
                stampHash);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
