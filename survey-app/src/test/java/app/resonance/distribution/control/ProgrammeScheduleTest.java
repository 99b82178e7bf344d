package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A programme's cycles and the spreading of a cycle's sends over its window, with fixed times. */
class ProgrammeScheduleTest {

    static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void cyclesStartEveryCadenceFromTheStartAndNoneRunsBefore() {
        assertEquals(-1, ProgrammeSchedule.cycleAt(START, 90, START.minusMillis(1)));
        assertEquals(0, ProgrammeSchedule.cycleAt(START, 90, START));
        assertEquals(
                0,
                ProgrammeSchedule.cycleAt(
                        START, 90, START.plus(Duration.ofDays(90)).minusMillis(1)));
        assertEquals(1, ProgrammeSchedule.cycleAt(START, 90, START.plus(Duration.ofDays(90))));
        assertEquals(3, ProgrammeSchedule.cycleAt(START, 90, Instant.parse("2027-09-03T00:00:00Z")));
        assertEquals(Instant.parse("2027-03-07T00:00:00Z"), ProgrammeSchedule.cycleStart(START, 90, 1));
        // in UTC: 90 days are 90 * 24 hours, whatever the clocks in Europe do in March
        assertEquals(Instant.parse("2027-06-05T00:00:00Z"), ProgrammeSchedule.cycleStart(START, 90, 2));
    }

    @Test
    void tenThousandCustomersAreSpreadEvenlyOverTheWindowInTheOrderOfTheirHash() {
        List<Long> customers = LongStream.rangeClosed(1, 10_000).boxed().toList();
        Instant until = START.plus(Duration.ofDays(10));
        var planned = ProgrammeSchedule.spread(customers, START, until);
        assertEquals(10_000, planned.size());
        // the i-th is due at start + i * 86.4 s (10 days / 10,000), the first at the window's start
        for (int i = 0; i < planned.size(); i++) {
            assertEquals(START.plusMillis(86_400L * i), planned.get(i).sendAt());
        }
        // at most one send in any 86 seconds: nobody gets a minute with a thousand mails
        long perDay = planned.stream()
                .filter(p -> p.sendAt().isBefore(START.plus(Duration.ofDays(1))))
                .count();
        assertEquals(1_000, perDay);
        List<Long> byHash = new ArrayList<>(customers);
        byHash.sort(Comparator.comparingLong(ProgrammeSchedule::hash));
        assertEquals(
                byHash,
                planned.stream().map(ProgrammeSchedule.Planned::customerId).toList());
    }

    @Test
    void theOrderIsTheSameEveryCycleAndAJoiningCustomerTakesItsPlaceByHash() {
        Instant until = START.plus(Duration.ofDays(4));
        var first = ProgrammeSchedule.spread(List.of(11L, 12L, 13L, 14L), START, until);
        var again = ProgrammeSchedule.spread(List.of(14L, 13L, 12L, 11L, 12L), START, until);
        assertEquals(first, again);
        // four customers over four days: one a day, from the window's start
        assertEquals(
                List.of(
                        START,
                        START.plus(Duration.ofDays(1)),
                        START.plus(Duration.ofDays(2)),
                        START.plus(Duration.ofDays(3))),
                first.stream().map(ProgrammeSchedule.Planned::sendAt).toList());
        var joined = ProgrammeSchedule.spread(List.of(11L, 12L, 13L, 14L, 15L), START, until);
        assertEquals(
                first.stream().map(ProgrammeSchedule.Planned::customerId).toList(),
                joined.stream()
                        .map(ProgrammeSchedule.Planned::customerId)
                        .filter(id -> id != 15L)
                        .toList());
    }

    @Test
    void aCyclePlannedLateSpreadsOverWhatIsLeftOfItsWindowOrAWholeWindowFromNow() {
        Instant inTime = START.minusSeconds(30);
        assertArrayEquals(
                new Instant[] {START, START.plus(Duration.ofDays(14))}, ProgrammeSchedule.window(START, 14, inTime));
        Instant late = START.plus(Duration.ofDays(4));
        assertArrayEquals(
                new Instant[] {late, START.plus(Duration.ofDays(14))}, ProgrammeSchedule.window(START, 14, late));
        Instant afterTheWindow = START.plus(Duration.ofDays(20));
        assertArrayEquals(
                new Instant[] {afterTheWindow, afterTheWindow.plus(Duration.ofDays(14))},
                ProgrammeSchedule.window(START, 14, afterTheWindow));
    }

    @Test
    void noCustomersPlanNothing() {
        assertEquals(List.of(), ProgrammeSchedule.spread(List.of(), START, START.plus(Duration.ofDays(1))));
    }
}
