package app.resonance.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account name and client address together (the key is a keyed hash of both): the
 * first {@link #FREE_FAILURES} cost nothing, each one after that makes this address wait before it may
 * try this name again, 30 seconds, then twice as long each time up to 15 minutes. Only the combination
 * waits: the owner logging in from another address is never held up, and an attacker cannot lock an
 * account, only slow down their own guessing. Names that exist and names that do not are counted alike,
 * so the waits tell nothing about which accounts exist. A success, or an hour without failures, forgets
 * the count. Each instance counts for itself, in memory.
 */
public final class LoginDelays {

    public static final int FREE_FAILURES = 4;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginDelays(Clock clock) {
        this.clock = clock;
    }

    /** Empty if this name may be tried from this address now, else how long the address still has to wait. */
    public Optional<Duration> wait(String key) {
        Failures f = failures.get(key);
        return f == null ? Optional.empty() : f.wait(clock.instant());
    }

    /** Counts a failed login; answers the wait it starts, if any. */
    public Optional<Duration> failed(String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.forgotten(now));
        }
        return failures.computeIfAbsent(key, k -> new Failures()).count(now);
    }

    /** A successful login forgets the failures of this name from this address. */
    public void succeeded(String key) {
        failures.remove(key);
    }

    /** The wait after the given number of failures in a row: none for the first four, then 30 s doubling up to 15 min. */
    public static Duration delayAfter(int failuresInARow) {
        if (failuresInARow <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_FAILURES - 1, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static final class Failures {
        private int count;
        private Instant last;
        private Instant until;

        synchronized Optional<Duration> count(Instant now) {
            if (forgotten(now)) {
                count = 0;
                until = null;
            }
            count++;
            last = now;
            Duration delay = delayAfter(count);
            if (delay.isZero()) {
                return Optional.empty();
            }
            until = now.plus(delay);
            return Optional.of(delay);
        }

        synchronized Optional<Duration> wait(Instant now) {
            if (until == null || !now.isBefore(until)) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, until));
        }

        synchronized boolean forgotten(Instant now) {
            return last == null || !now.isBefore(last.plus(FORGET_AFTER));
        }
    }
}
