package app.resonance.demo.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.security.control.ApiTokens;
import app.resonance.security.control.FirstAdmin;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's accounts for the roles below ADMIN, created once when the demo is on: {@code lead}
 * (SUPPORT_LEAD) and {@code viewer} (VIEWER), with the documented demo password; and two API tokens to show
 * scopes and expiry in the console's token list (their secrets are never shown or logged, so nobody can use them).
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "FirstAdmin"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());
    public static final String LEAD = "lead";
    public static final String VIEWER = "viewer";
    /** A viewer limited to the segment Business: the data scope at work. */
    public static final String BUSINESS_VIEWER = "business-viewer";

    public static final String BUSINESS_SEGMENT = "business";
    /** The demo lead's address for task mails (German). */
    public static final String LEAD_EMAIL = "lead@resonance.example";

    @Inject
    UserDirectory users;

    @Inject
    ApiTokens tokens;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "resonance.demo.password", defaultValue = "resonance-demo")
    String password;

    @PostConstruct
    void createAccounts() {
        if (!enabled) {
            return;
        }
        create(LEAD, "Sabine Support-Lead", Role.SUPPORT_LEAD);
        create(VIEWER, "Victor Viewer", Role.VIEWER);
        create(BUSINESS_VIEWER, "Bettina Business", Role.VIEWER);
        users.contact(LEAD, LEAD_EMAIL, "de");
        assignCheckInCalls();
        token(FirstAdmin.USERNAME, "bi-dashboard", List.of("read:analytics"), 90);
        token(LEAD, "crm-follow-ups", List.of("read:responses", "write:responses"), 30);
    }

    /** A demo token, once per user and name; its secret is dropped. */
    private void token(String username, String name, List<String> scopes, int days) {
        users.byUsername(username)
                .filter(u ->
                        tokens.of(username).stream().noneMatch(t -> t.name().equals(name)))
                .ifPresent(u -> tokens.create(u, name, scopes, days, Messages.of(Locale.ENGLISH)));
    }

    /**
     * The demo's tasks (check-in calls, open detractors) are the lead's; the loader assigns them itself when it runs after
     * this bean (the container may start the two singletons in either order).
     */
    private void assignCheckInCalls() {
        try {
            Jdbc.autoCommit(dataSource, c -> {
                Jdbc.update(c, """
                        UPDATE follow_up SET assignee_id = (SELECT id FROM app_user WHERE username = ?)
                         WHERE assignee_id IS NULL AND dedup_key LIKE 'demo:%'""", LEAD);
                // the demo team's lead and member (the loader sets them when it runs after this bean)
                Jdbc.update(c, """
                        UPDATE team SET lead_id = (SELECT id FROM app_user WHERE username = ?)
                         WHERE lead_id IS NULL AND name = ?""", LEAD, DemoTasks.TEAM);
                limitBusinessViewer(c);
                return Jdbc.update(c, """
                        INSERT INTO team_member (team_id, user_id) SELECT t.id, u.id FROM team t, app_user u
                         WHERE t.name = ? AND u.username = ? AND NOT EXISTS (SELECT 1 FROM team_member m
                         WHERE m.team_id = t.id AND m.user_id = u.id)""", DemoTasks.TEAM, LEAD);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Assigning the demo's check-in calls failed", e);
        }
    }

    /**
     * Limits the demo's business viewer to the segment Business, once both exist (the loader makes the segments and
     * calls this too when it runs after this bean).
     */
    static void limitBusinessViewer(java.sql.Connection c) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO app_user_segment (user_id, segment_id) SELECT u.id, s.id FROM app_user u, segment s
                 WHERE u.username = ? AND s.segment_key = ? AND NOT EXISTS (SELECT 1 FROM app_user_segment x
                 WHERE x.user_id = u.id AND x.segment_id = s.id)""", BUSINESS_VIEWER, BUSINESS_SEGMENT);
    }

    private void create(String username, String displayName, Role role) {
        if (users.byUsername(username).isEmpty()) {
            users.create(username, displayName, password, role);
            LOG.info(() -> "Created the demo account '" + username + "' (" + role + ").");
        }
    }
}
