package app.resonance.forms.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour: forgets the used form stamps older than {@link SubmissionGuard#MAX_STAMP_AGE}, which are
 * refused as too old anyway, so that {@code used_form_stamp} holds about a day of submissions.
 * Bean-managed: the delete runs in auto-commit, never in a container transaction.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class StampCleanup {

    private static final Logger LOG = Logger.getLogger(StampCleanup.class.getName());

    @Inject
    UsedStamps usedStamps;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void hourly() {
        try {
            usedStamps.forgetBefore(clock.instant().minus(SubmissionGuard.MAX_STAMP_AGE));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete old form stamps; trying again in an hour", e);
        }
    }
}
