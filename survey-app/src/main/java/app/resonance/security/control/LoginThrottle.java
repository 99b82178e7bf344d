package app.resonance.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client (console form and API Basic alike): after {@code maxFailures} failures within
 * {@link #WINDOW} from one client, every login from it is refused until the window has passed, even with
 * the right password, so that guessing across many accounts is as slow as guessing one. The client is
 * a keyed hash of its address, never the address itself. Each instance counts for itself.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Clock clock) {
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Empty if the client may try to log in now, else how long it has to wait. */
    public Optional<Duration> blocked(String clientKey) {
        if (maxFailures <= 0) {
            return Optional.empty();
        }
        Window window = windows.get(clientKey);
        return window == null ? Optional.empty() : window.wait(maxFailures, clock.instant());
    }

    /** Counts a failed login of the client. */
    public void failed(String clientKey) {
        if (maxFailures <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.over(now));
        }
        windows.computeIfAbsent(clientKey, k -> new Window(now)).count(now);
    }

    private static final class Window {
        private Instant start;
        private int failures;

        Window(Instant start) {
            this.start = start;
        }

        synchronized void count(Instant now) {
            if (over(now)) {
                start = now;
                failures = 0;
            }
            failures++;
        }

        synchronized Optional<Duration> wait(int maxFailures, Instant now) {
            if (over(now) || failures < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, start.plus(WINDOW)));
        }

        synchronized boolean over(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }
    }
}
