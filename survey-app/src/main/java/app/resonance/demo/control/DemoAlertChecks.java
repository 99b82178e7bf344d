package app.resonance.demo.control;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Once, after the demo was loaded: the daily topic check as it ran at the end of the dip's first month ({@value
 * #TOPIC_CHECK_DAYS_AGO} days ago), so that the demo shows the alert "Topic share rising significantly" for the
 * demo admin's topic "Waiting time", with its task, as the check raises it (the same code, not a written row).
 */
@Startup
@Singleton
@DependsOn("RollupMaintenance")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoAlertChecks {

    private static final Logger LOG = Logger.getLogger(DemoAlertChecks.class.getName());
    static final String MARKER = "demo.topic-check";
    /** The end of the dip's first month: the comments about waiting for support had grown for 30 days. */
    public static final int TOPIC_CHECK_DAYS_AGO = DemoStory.DIP_START_DAYS_AGO - 30;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @PostConstruct
    void checkOnce() {
        try {
            boolean due = Jdbc.inTransaction(
                    dataSource,
                    c -> Jdbc.number(c, "SELECT COUNT(*) FROM app_setting WHERE setting_key = ?", DemoDataLoader.MARKER)
                                    > 0
                            && Jdbc.number(c, "SELECT COUNT(*) FROM app_setting WHERE setting_key = ?", MARKER) == 0);
            if (!due) {
                return;
            }
            LocalDate asOf = LocalDate.now(clock.withZone(settings.zone())).minusDays(TOPIC_CHECK_DAYS_AGO);
            int alerts = maintenance.checkTopics(asOf, 30);
            Jdbc.inTransaction(
                    dataSource,
                    c -> Jdbc.update(
                            c,
                            "INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                            MARKER,
                            "as of " + asOf + ": " + alerts + " alerts",
                            LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            LOG.info(() -> "Demo topic check as of " + asOf + ": " + alerts + " topic rise alerts");
        } catch (SQLException | RuntimeException e) {
            // another instance of a cluster ran it at the same time, or the database failed: the demo goes on
            LOG.log(Level.WARNING, "The demo's topic check failed", e);
        }
    }
}
