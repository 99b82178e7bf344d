package app.resonance.privacy.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs the privacy work in transactions of its own: erasures and exports on request, and every night at
 * 03:30 UTC the retention rule. Bean-managed, so the JDBC transactions are this bean's own.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class PrivacyJobs {

    private static final Logger LOG = Logger.getLogger(PrivacyJobs.class.getName());

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "30", persistent = false)
    public void nightly() {
        try {
            PersonalData.Outcome outcome = retention("retention-job");
            if (outcome.responses() > 0) {
                LOG.info("Retention: anonymised " + outcome.responses() + " responses, removed " + outcome.texts()
                        + " texts");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Retention run failed; it runs again tomorrow", e);
        }
    }

    public PersonalData.Outcome retention(String actor) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> PersonalData.applyRetention(c, actor, clock.instant()));
    }

    public Optional<PersonalData.Outcome> erase(String externalId, String actor) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> PersonalData.erase(c, externalId, actor, clock.instant()));
    }

    public Optional<jakarta.json.JsonObject> export(String externalId) throws SQLException {
        return Jdbc.inTransaction(dataSource, c -> PersonalData.export(c, externalId));
    }

    public void retentionDays(long surveyId, Integer days) throws SQLException {
        Jdbc.inTransaction(dataSource, c -> {
            PersonalData.retention(c, surveyId, days);
            return null;
        });
    }
}
