package app.resonance.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client and survey: at most {@code perMinute} submissions a minute, refilled
 * continuously. The key is a keyed hash of the client's address, never the address itself. Each instance
 * counts for itself (behind a load balancer the effective limit is per instance).
 */
public final class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Empty when the submission may go ahead, otherwise how long the client should wait. */
    public java.util.Optional<Duration> acquire(String clientKey, Instant now) {
        if (perMinute <= 0) {
            return java.util.Optional.empty();
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> e.getValue().idleSince(now).toMinutes() >= 1);
        }
        Bucket bucket = buckets.computeIfAbsent(clientKey, k -> new Bucket(perMinute, now));
        return bucket.take(perMinute, now);
    }

    private static final class Bucket {
        private double tokens;
        private Instant updated;

        Bucket(int capacity, Instant now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized java.util.Optional<Duration> take(int perMinute, Instant now) {
            double elapsedMinutes = Math.max(0, Duration.between(updated, now).toNanos()) / 60e9;
            tokens = Math.min(perMinute, tokens + elapsedMinutes * perMinute);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return java.util.Optional.empty();
            }
            double missing = 1 - tokens;
            long waitMillis = (long) Math.ceil(missing / perMinute * 60_000);
            return java.util.Optional.of(Duration.ofMillis(Math.max(1000, waitMillis)));
        }

        synchronized Duration idleSince(Instant now) {
            return Duration.between(updated, now);
        }
    }
}
