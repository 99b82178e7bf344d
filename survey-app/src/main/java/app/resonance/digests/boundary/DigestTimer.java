package app.resonance.digests.boundary;

import app.resonance.digests.control.DigestChecks;
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
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the due digests every {@code resonance.digests.pollSeconds} (default 900) by the application's clock; each
 * digest's period once (see {@code Digests.sendDue}), so several instances may run it side by side.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestTimer {

    @Resource
    TimerService timers;

    @Inject
    DigestChecks checks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "resonance.digests.pollSeconds", defaultValue = "900")
    int pollSeconds;

    @PostConstruct
    void start() {
        long interval = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("digests", false));
    }

    @Timeout
    void sendDue() {
        checks.run(clock.instant());
    }
}
