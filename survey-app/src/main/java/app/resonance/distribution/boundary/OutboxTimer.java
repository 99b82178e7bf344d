package app.resonance.distribution.boundary;

import app.resonance.distribution.control.MailOutbox;
import app.resonance.platform.control.Outbox;
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
 * Delivers the mail outbox every {@code resonance.mail.pollSeconds} (default 15): up to 100 due mails are
 * claimed at once, then each is sent in a transaction of its own, so one bad mail or a server outage stops
 * nothing else.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxTimer {

    private static final Logger LOG = Logger.getLogger(OutboxTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "resonance.mail.pollSeconds", defaultValue = "15")
    int pollSeconds;

    @PostConstruct
    void start() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("mail-outbox", false));
    }

    @Timeout
    void deliver() {
        try {
            for (Outbox.Claimed mail : outbox.claim(100)) {
                outbox.deliver(mail);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail outbox delivery failed; retried at the next run", e);
        }
    }
}
