package app.resonance.security.control;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first admin account: with the password from {@code resonance.admin.password} if it is configured,
 * otherwise with a one-time password printed to the log at the first start.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    public static final String USERNAME = "admin";

    @Inject
    UserDirectory users;

    @Inject
    @ConfigProperty(name = "resonance.admin.password")
    Optional<String> configuredPassword;

    @Inject
    DatabaseMigrator migrator;

    @PostConstruct
    void ensureAdmin() {
        if (users.byUsername(USERNAME).isEmpty()) {
            String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(UserDirectory::randomPassword);
            try {
                users.create(USERNAME, "Administrator", password, Role.ADMIN);
            } catch (RuntimeException e) {
                // Two instances starting together on a new database: the other one created it a moment ago.
                if (users.byUsername(USERNAME).isEmpty()) {
                    throw e;
                }
                LOG.info("The first admin account was created by another instance.");
                configuredPassword.filter(p -> !p.isBlank()).ifPresent(p -> users.ensurePassword(USERNAME, p));
                return;
            }
            if (configuredPassword.filter(p -> !p.isBlank()).isEmpty()) {
                LOG.warning("Created the first admin account 'admin' with the one-time password " + password
                        + " ; set RESONANCE_ADMIN_PASSWORD to choose it.");
            } else {
                LOG.info("Created the first admin account 'admin' with the configured password.");
            }
        } else {
            configuredPassword.filter(p -> !p.isBlank()).ifPresent(p -> users.ensurePassword(USERNAME, p));
        }
    }
}
