package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * When an event rule sends: the delay, the sending window in the customer's time zone across the clock changes, and
 * the sampling share by the event's id, with the worked examples' exact instants and buckets.
 */
class EventScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration TWO_HOURS = Duration.ofHours(2);

    static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void theDelayCountsFromTheEventInsideTheWindow() {
        // 10:00 CEST + 2 h = 12:00 CEST, inside 9-20
        assertEquals(
                at("2026-06-10T10:00:00Z"),
                EventSchedule.dueAt(at("2026-06-10T08:00:00Z"), TWO_HOURS, at("2026-06-10T08:00:05Z"), BERLIN, 9, 20));
    }

    @Test
    void anEventArrivingLateIsDueWhenItArrives() {
        // happened three days ago: the delay has passed, due at once (11:00 CET, inside the window)
        assertEquals(
                at("2026-01-15T10:00:00Z"),
                EventSchedule.dueAt(at("2026-01-12T10:00:00Z"), TWO_HOURS, at("2026-01-15T10:00:00Z"), BERLIN, 9, 20));
    }

    @Test
    void beforeTheWindowItWaitsForTheStartOfTheLocalDay() {
        // 05:00 CET is before 08:00 CET (07:00 UTC)
        assertEquals(
                at("2026-01-15T07:00:00Z"),
                EventSchedule.dueAt(
                        at("2026-01-15T04:00:00Z"), Duration.ZERO, at("2026-01-15T04:00:00Z"), BERLIN, 8, 20));
    }

    @Test
    void atNightItWaitsForTheNextMorningAcrossTheSpringClockChange() {
        // Saturday 28 March 2026, 20:30 CET + 2 h = 22:30 CET: after 20:00. Sunday the clocks go forward at 02:00, so
        // 08:00 local is 08:00 CEST = 06:00 UTC (not 07:00 UTC, as it would be in winter time)
        assertEquals(
                at("2026-03-29T06:00:00Z"),
                EventSchedule.dueAt(at("2026-03-28T19:30:00Z"), TWO_HOURS, at("2026-03-28T19:30:00Z"), BERLIN, 8, 20));
    }

    @Test
    void atNightItWaitsForTheNextMorningAcrossTheAutumnClockChange() {
        // Saturday 24 October 2026, 21:30 CEST + 2 h = 23:30 CEST; Sunday the clocks go back at 03:00, so 08:00 local
        // is 08:00 CET = 07:00 UTC
        assertEquals(
                at("2026-10-25T07:00:00Z"),
                EventSchedule.dueAt(at("2026-10-24T19:30:00Z"), TWO_HOURS, at("2026-10-24T19:30:00Z"), BERLIN, 8, 20));
    }

    @Test
    void theWindowEndsByLocalTimeOnTheDayOfTheChange() {
        // Sunday 29 March 2026 (a 23-hour day): 19:30 CEST = 17:30 UTC is inside 8-20, 20:30 CEST is not
        assertEquals(at("2026-03-29T17:30:00Z"), EventSchedule.inWindow(at("2026-03-29T17:30:00Z"), BERLIN, 8, 20));
        assertEquals(at("2026-03-30T06:00:00Z"), EventSchedule.inWindow(at("2026-03-29T18:30:00Z"), BERLIN, 8, 20));
    }

    @Test
    void aWindowStartingInTheSpringGapStartsRightAfterIt() {
        // 02:00 does not exist in Berlin on 29 March 2026: the window opens at 03:00 CEST = 01:00 UTC
        assertEquals(at("2026-03-29T01:00:00Z"), EventSchedule.inWindow(at("2026-03-28T23:30:00Z"), BERLIN, 2, 6));
    }

    @Test
    void theCustomersZoneDecides() {
        // 14:00 UTC on 8 March 2026 is 10:00 EDT in New York (its clocks went forward that night): inside 9-17;
        // 23:00 UTC is 19:00 EDT: the next day at 09:00 EDT = 13:00 UTC
        assertEquals(at("2026-03-08T14:00:00Z"), EventSchedule.inWindow(at("2026-03-08T14:00:00Z"), NEW_YORK, 9, 17));
        assertEquals(at("2026-03-09T13:00:00Z"), EventSchedule.inWindow(at("2026-03-08T23:00:00Z"), NEW_YORK, 9, 17));
        // the day before, still EST: 09:00 EST = 14:00 UTC
        assertEquals(at("2026-03-07T14:00:00Z"), EventSchedule.inWindow(at("2026-03-07T05:00:00Z"), NEW_YORK, 9, 17));
    }

    @Test
    void aWholeDayWindowAndAWindowUntilMidnight() {
        assertEquals(at("2026-03-29T01:30:00Z"), EventSchedule.inWindow(at("2026-03-29T01:30:00Z"), BERLIN, 0, 24));
        // 23:30 CEST is inside 9-24; 00:30 CEST the next day is before 09:00
        assertEquals(at("2026-06-10T21:30:00Z"), EventSchedule.inWindow(at("2026-06-10T21:30:00Z"), BERLIN, 9, 24));
        assertEquals(at("2026-06-11T07:00:00Z"), EventSchedule.inWindow(at("2026-06-10T22:30:00Z"), BERLIN, 9, 24));
    }

    @Test
    void theSampleIsChosenByTheEventsIdAndRepeatable() {
        // buckets: the first four bytes of SHA-256 of the id, unsigned, modulo 100 (computed with Python's hashlib)
        assertEquals(
                List.of(66, 38, 8, 69, 9, 88),
                List.of("T-1001", "T-1002", "T-1003", "T-1004", "T-1005", "ticket-42").stream()
                        .map(EventSchedule::bucket)
                        .toList());
        assertTrue(EventSchedule.sampled("T-1003", 10));
        assertFalse(EventSchedule.sampled("T-1002", 38));
        assertTrue(EventSchedule.sampled("T-1002", 39));
        assertTrue(EventSchedule.sampled("ticket-42", 100));
        // a share of 30 % of the ids E-0 to E-999 takes 308 of them
        assertEquals(
                308,
                IntStream.range(0, 1000)
                        .filter(i -> EventSchedule.sampled("E-" + i, 30))
                        .count());
    }
}
