package app.resonance.distribution.boundary;

import app.resonance.distribution.control.ProgrammeSender;
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
 * Runs the recurring programmes every {@code resonance.programmes.pollSeconds} (default 60): plans the cycles that have
 * begun, then sends up to 200 due invitations, each in a transaction of its own.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProgrammeTimer {

    private static final Logger LOG = Logger.getLogger(ProgrammeTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ProgrammeSender sender;

    @Inject
    @ConfigProperty(name = "resonance.programmes.pollSeconds", defaultValue = "60")
    int pollSeconds;

    @PostConstruct
    void start() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("programmes", false));
    }

    @Timeout
    void run() {
        for (long id : sender.toPlan()) {
            try {
                sender.plan(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Planning programme " + id + " failed; retried at the next run", e);
            }
        }
        for (long id : sender.due(200)) {
            try {
                sender.send(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Programme send " + id + " failed; retried at the next run", e);
            }
        }
    }
}
