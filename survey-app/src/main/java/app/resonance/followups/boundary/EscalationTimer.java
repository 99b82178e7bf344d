package app.resonance.followups.boundary;

import app.resonance.followups.control.Escalations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Escalates overdue team tasks to their team's lead every {@code resonance.followups.escalation.pollSeconds}
 * (default 300): up to 200 at once, each in a transaction of its own (a task is escalated once, checked under a
 * lock, so two instances never escalate it twice).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationTimer {

    private static final Logger LOG = Logger.getLogger(EscalationTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Escalations escalations;

    @Inject
    @ConfigProperty(name = "resonance.followups.escalation.pollSeconds", defaultValue = "300")
    int pollSeconds;

    @PostConstruct
    void start() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("escalations", false));
    }

    @Timeout
    void escalateOverdue() {
        for (long id : escalations.due(200)) {
            try {
                escalations.escalate(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Escalating task " + id + " failed; retried at the next run", e);
            }
        }
    }
}
