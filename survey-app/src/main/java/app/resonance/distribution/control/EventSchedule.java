package app.resonance.distribution.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an event rule sends, and to which events: the invitation is due the rule's delay after the event happened
 * (at the earliest when the event arrives), moved into the sending window of the customer's local day
 * ({@code [from:00, until:00)}, until 24 meaning midnight): before the window it waits for the window's start, after
 * it for the next day's start. Local times are those of the zone on that day, so the window keeps its local hours
 * across the clock changes (a start in a spring-forward gap is the first instant after it). An event belongs to the
 * rule's share when its bucket (the first four bytes of the SHA-256 of its external id, unsigned, modulo 100) is below
 * the share in percent: the same id always gets the same answer.
 */
public final class EventSchedule {

    private EventSchedule() {}

    /** The instant a rule's invitation for an event is due. */
    public static Instant dueAt(
            Instant occurredAt, Duration delay, Instant received, ZoneId zone, int from, int until) {
        Instant earliest = occurredAt.plus(delay);
        if (earliest.isBefore(received)) {
            earliest = received;
        }
        return inWindow(earliest, zone, from, until);
    }

    /** The first instant at or after {@code at} that lies in the window of its local day or a later one. */
    public static Instant inWindow(Instant at, ZoneId zone, int from, int until) {
        if (from == 0 && until == 24) {
            return at;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant start = start(day, zone, from);
        Instant end = until == 24 ? day.plusDays(1).atStartOfDay(zone).toInstant() : start(day, zone, until);
        if (at.isBefore(start)) {
            return start;
        }
        if (at.isBefore(end)) {
            return at;
        }
        return start(day.plusDays(1), zone, from);
    }

    private static Instant start(LocalDate day, ZoneId zone, int hour) {
        // ZonedDateTime.of moves a local time in a gap forward by the gap's length: 02:00 on a spring-forward
        // night in Berlin is 03:00 CEST
        return ZonedDateTime.of(day.atTime(hour, 0), zone).toInstant();
    }

    /** The event's bucket, 0 to 99, from its external id. */
    public static int bucket(String externalId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xFFL) << 24)
                    | ((hash[1] & 0xFFL) << 16)
                    | ((hash[2] & 0xFFL) << 8)
                    | (hash[3] & 0xFFL);
            return (int) (value % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the event is in a share of {@code percent} (0 to 100) of the events. */
    public static boolean sampled(String externalId, int percent) {
        return bucket(externalId) < percent;
    }
}
