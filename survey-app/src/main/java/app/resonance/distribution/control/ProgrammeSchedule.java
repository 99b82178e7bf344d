package app.resonance.distribution.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * When a programme's cycles run and when each customer of a cycle is asked. Cycle n (from 0) starts at
 * {@code start + n * cadence days}. A cycle's customers are sent to in the order of a hash of their id (the first eight
 * bytes of the SHA-256 of the id in decimal, the id breaking ties), so the order is repeatable yet unrelated to when
 * they became customers; the i-th of n customers is due at {@code from + i * (until - from) / n}: evenly spread, the
 * first at the window's start. The window is the cycle's first window days; a cycle planned late (the programme was
 * paused or the app down) spreads over what is left of it, or over a whole window from now if nothing is left.
 */
public final class ProgrammeSchedule {

    private ProgrammeSchedule() {}

    /** One customer's planned send time. */
    public record Planned(long customerId, Instant sendAt) {}

    /** The cycle running at {@code now}; -1 before the start. */
    public static int cycleAt(Instant start, int cadenceDays, Instant now) {
        if (now.isBefore(start)) {
            return -1;
        }
        long seconds = Duration.between(start, now).getSeconds();
        return Math.toIntExact(seconds / Duration.ofDays(cadenceDays).getSeconds());
    }

    /** When cycle {@code cycle} starts. */
    public static Instant cycleStart(Instant start, int cadenceDays, int cycle) {
        return start.plus(Duration.ofDays((long) cadenceDays * cycle));
    }

    /** The span a cycle planned at {@code now} spreads its sends over: [from, until). */
    public static Instant[] window(Instant cycleStart, int windowDays, Instant now) {
        Duration window = Duration.ofDays(windowDays);
        Instant from = now.isAfter(cycleStart) ? now : cycleStart;
        Instant until = cycleStart.plus(window);
        if (!until.isAfter(from)) {
            until = from.plus(window);
        }
        return new Instant[] {from, until};
    }

    /** The customers' send times, spread evenly over [from, until), in the order of their hash. */
    public static List<Planned> spread(List<Long> customerIds, Instant from, Instant until) {
        List<Long> ordered = customerIds.stream()
                .distinct()
                .sorted(Comparator.comparingLong(ProgrammeSchedule::hash).thenComparingLong(id -> id))
                .toList();
        long span = Duration.between(from, until).toMillis();
        int n = ordered.size();
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Planned(ordered.get(i), from.plusMillis(span * i / n)))
                .toList();
    }

    /** The customer's place in every cycle's order. */
    public static long hash(long customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Long.toString(customerId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFFL);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
