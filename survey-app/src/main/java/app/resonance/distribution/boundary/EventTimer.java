package app.resonance.distribution.boundary;

import app.resonance.distribution.control.EventSender;
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
 * Sends the event rules' due invitations every {@code resonance.events.pollSeconds} (default 60): up to 200 at once,
 * each in a transaction of its own.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventTimer {

    private static final Logger LOG = Logger.getLogger(EventTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    EventSender sender;

    @Inject
    @ConfigProperty(name = "resonance.events.pollSeconds", defaultValue = "60")
    int pollSeconds;

    @PostConstruct
    void start() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("event-rules", false));
    }

    @Timeout
    void sendDue() {
        for (long id : sender.due(200)) {
            try {
                sender.send(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Event dispatch " + id + " failed; retried at the next run", e);
            }
        }
    }
}
