package app.resonance.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A graceful stop for rolling restarts (issue 14, finding 11). On SIGTERM (what {@code kill}, systemd and
 * Kubernetes send) the instance first reports itself not ready ({@code /health/ready} answers 503 with
 * {@code draining: true}) while it goes on serving every request, for {@code resonance.shutdown.drain-seconds}
 * (default 5): long enough for a load balancer's health checks to take it out of rotation (HAProxy in
 * {@code deploy/cluster}: two failed checks a second apart) and for requests in flight to finish. Only then does
 * the JVM's own SIGTERM handling stop Payara, which leaves the data grid cleanly, handing its share of the
 * console sessions to the other members. Without the drain, requests that the balancer sent in the last moment
 * were cut off and answered 502.
 *
 * <p>A second SIGTERM during the drain stops at once. SIGINT (Ctrl-C in a terminal) is not drained. Where the
 * JVM does not let the application handle signals ({@code -Xrs}), the stop is the JVM's usual one.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
    private static final Signal TERM = new Signal("TERM");

    @Inject
    @ConfigProperty(name = "resonance.shutdown.drain-seconds", defaultValue = "5")
    int drainSeconds;

    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile SignalHandler jvmHandler;

    void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (drainSeconds <= 0) {
            return;
        }
        try {
            jvmHandler = Signal.handle(TERM, this::terminate);
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError notAllowed) {
            LOG.info(() -> "SIGTERM stops this instance without a drain: " + notAllowed.getMessage());
        }
    }

    void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        SignalHandler previous = jvmHandler;
        if (previous != null && !draining.get()) {
            try {
                Signal.handle(TERM, previous);
            } catch (IllegalArgumentException ignored) {
                // the JVM is already stopping
            }
        }
    }

    /** True from the SIGTERM on: the readiness check answers 503 so that balancers stop sending requests. */
    public boolean isDraining() {
        return draining.get();
    }

    private void terminate(Signal signal) {
        SignalHandler stop = jvmHandler;
        if (!draining.compareAndSet(false, true) || stop == null) {
            if (stop != null) {
                stop.handle(signal);
            }
            return;
        }
        LOG.info(() -> "SIGTERM: not ready any more, serving for " + drainSeconds + " s more, then stopping");
        Thread waiter = new Thread(
                () -> {
                    try {
                        Thread.sleep(drainSeconds * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.info("Drained; stopping");
                    stop.handle(signal);
                },
                "resonance-shutdown-drain");
        waiter.setDaemon(true);
        waiter.start();
    }
}
