package app.resonance.followups.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.followups.control.SegmentTrends;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the SEGMENT_TREND alert rules once a day at 06:15 on every instance (a rule fires once per segment and period
 * whichever instance finds it first: {@link SegmentTrends}).
 */
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SegmentTrendTimer {

    private static final Logger LOG = Logger.getLogger(SegmentTrendTimer.class.getName());

    @Inject
    SegmentTrends trends;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Clock clock;

    @Schedule(hour = "6", minute = "15", persistent = false)
    void daily() {
        try {
            trends.check(LocalDate.now(clock.withZone(settings.zone())), null);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the segments' trends failed; checked again tomorrow", e);
        }
    }
}
