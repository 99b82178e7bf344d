package app.resonance.responses.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The time one survey's submissions took, in seconds: the total (it only grows, so {@code rate()} of it
 * divided by the rate of handled submissions is the mean) and the longest one of the current and the
 * previous whole minute, so that a scrape every minute or more often sees every peak.
 */
final class SubmissionTimes {

    private double spentSeconds;
    private long minute = Long.MIN_VALUE;
    private long maxNanos;
    private long previousMaxNanos;

    synchronized void record(Duration took, Instant now) {
        long nanos = Math.max(0, took.toNanos());
        spentSeconds += nanos / 1e9;
        roll(now);
        maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized double spentSeconds() {
        return spentSeconds;
    }

    synchronized double maxSeconds(Instant now) {
        roll(now);
        return Math.max(maxNanos, previousMaxNanos) / 1e9;
    }

    private void roll(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60);
        if (current == minute) {
            return;
        }
        previousMaxNanos = current == minute + 1 ? maxNanos : 0;
        maxNanos = 0;
        minute = current;
    }
}
