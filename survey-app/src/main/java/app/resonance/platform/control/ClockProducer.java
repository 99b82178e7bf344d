package app.resonance.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The application's clock: UTC, so that every stored time is UTC. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // Microseconds: what both databases store, so a time read back equals the time written.
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}
