package app.resonance.digests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.digests.entity.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When digests are due and which days they report, with worked dates (Berlin unless said). */
class DigestScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static DigestSchedule weekly(DayOfWeek day, int hour) {
        return new DigestSchedule(Cadence.WEEKLY, day, null, hour, BERLIN);
    }

    static DigestSchedule monthly(int day, int hour) {
        return new DigestSchedule(Cadence.MONTHLY, null, day, hour, BERLIN);
    }

    static DigestSchedule.Period period(String from, String to) {
        return new DigestSchedule.Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aWeeklyDigestReportsTheLastIsoWeekFromItsWeekdayAndHourOn() {
        DigestSchedule monday8 = weekly(DayOfWeek.MONDAY, 8);
        // Monday 2026-12-07 07:59 Berlin (06:59 UTC): this week's send is a minute away, so the week before last
        assertEquals(period("2026-11-23", "2026-11-29"), monday8.due(Instant.parse("2026-12-07T06:59:00Z")));
        // at 08:00 Berlin the last week is due
        assertEquals(period("2026-11-30", "2026-12-06"), monday8.due(Instant.parse("2026-12-07T07:00:00Z")));
        assertEquals(Instant.parse("2026-12-07T07:00:00Z"), monday8.sendTime(period("2026-11-30", "2026-12-06")));
        // and stays due all week, until next Monday 08:00
        assertEquals(period("2026-11-30", "2026-12-06"), monday8.due(Instant.parse("2026-12-14T06:59:59Z")));
        assertEquals(period("2026-12-07", "2026-12-13"), monday8.next(Instant.parse("2026-12-08T12:00:00Z")));
        assertEquals("2026-W49", period("2026-11-30", "2026-12-06").label());
    }

    @Test
    void aFridayDigestStillReportsTheWholeIsoWeekBefore() {
        DigestSchedule friday17 = weekly(DayOfWeek.FRIDAY, 17);
        // Friday 2026-12-11 17:00 Berlin = 16:00 UTC
        assertEquals(Instant.parse("2026-12-11T16:00:00Z"), friday17.sendTime(period("2026-11-30", "2026-12-06")));
        assertEquals(period("2026-11-23", "2026-11-29"), friday17.due(Instant.parse("2026-12-11T15:59:00Z")));
        assertEquals(period("2026-11-30", "2026-12-06"), friday17.due(Instant.parse("2026-12-11T16:00:00Z")));
    }

    @Test
    void isoWeeksAcrossTheTurnOfTheYear() {
        DigestSchedule monday8 = weekly(DayOfWeek.MONDAY, 8);
        // 2026 has 53 ISO weeks: W53 is 2026-12-28 to 2027-01-03, reported on Monday 2027-01-04
        DigestSchedule.Period w53 = monday8.due(Instant.parse("2027-01-04T07:00:00Z"));
        assertEquals(period("2026-12-28", "2027-01-03"), w53);
        assertEquals("2026-W53", w53.label());
        assertEquals("2027-W01", monday8.after(w53).label());
        // 2025-12-29 to 2026-01-04 is 2026-W01
        assertEquals("2026-W01", period("2025-12-29", "2026-01-04").label());
    }

    @Test
    void theSendHourFollowsTheClockChangesOfItsZone() {
        DigestSchedule sunday2 = weekly(DayOfWeek.SUNDAY, 2);
        // Sunday 2026-03-29: 02:00 does not exist in Berlin (the clocks go from 02:00 CET to 03:00 CEST), so 03:00
        // CEST = 01:00 UTC
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), sunday2.sendTime(period("2026-03-16", "2026-03-22")));
        // Sunday 2026-10-25: 02:00 happens twice; the first (CEST) = 00:00 UTC
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), sunday2.sendTime(period("2026-10-12", "2026-10-18")));
        DigestSchedule monday8 = weekly(DayOfWeek.MONDAY, 8);
        // 08:00 Berlin is 07:00 UTC in winter and 06:00 UTC in summer
        assertEquals(Instant.parse("2026-03-23T07:00:00Z"), monday8.sendTime(period("2026-03-16", "2026-03-22")));
        assertEquals(Instant.parse("2026-03-30T06:00:00Z"), monday8.sendTime(period("2026-03-23", "2026-03-29")));
        assertEquals(period("2026-03-16", "2026-03-22"), monday8.due(Instant.parse("2026-03-30T05:59:00Z")));
        assertEquals(period("2026-03-23", "2026-03-29"), monday8.due(Instant.parse("2026-03-30T06:00:00Z")));
        // the DST week itself has only 167 hours, and is still one period of seven days
        assertEquals(period("2026-03-23", "2026-03-29"), monday8.periodOf(LocalDate.parse("2026-03-29")));
        assertEquals(Instant.parse("2026-11-02T07:00:00Z"), monday8.sendTime(period("2026-10-26", "2026-11-01")));
    }

    @Test
    void theZoneDecidesWhichDayItIs() {
        DigestSchedule tokyo = new DigestSchedule(Cadence.WEEKLY, DayOfWeek.MONDAY, null, 8, ZoneId.of("Asia/Tokyo"));
        // Sunday 2026-12-06 23:30 UTC is Monday 08:30 in Tokyo: the last week is due there
        assertEquals(period("2026-11-30", "2026-12-06"), tokyo.due(Instant.parse("2026-12-06T23:30:00Z")));
        assertEquals(
                period("2026-11-23", "2026-11-29"),
                weekly(DayOfWeek.MONDAY, 8).due(Instant.parse("2026-12-06T23:30:00Z")));
    }

    @Test
    void aMonthlyDigestReportsTheLastCalendarMonth() {
        DigestSchedule third9 = monthly(3, 9);
        // 3 December 2026 09:00 Berlin = 08:00 UTC: November is due from then on
        assertEquals(period("2026-10-01", "2026-10-31"), third9.due(Instant.parse("2026-12-03T07:59:00Z")));
        assertEquals(period("2026-11-01", "2026-11-30"), third9.due(Instant.parse("2026-12-03T08:00:00Z")));
        assertEquals("2026-11", period("2026-11-01", "2026-11-30").label());
        // February of a common year, reported on 3 March
        assertEquals(period("2026-02-01", "2026-02-28"), third9.due(Instant.parse("2026-03-03T08:00:00Z")));
        // a leap year's February
        assertEquals(period("2028-02-01", "2028-02-29"), third9.due(Instant.parse("2028-03-03T08:00:00Z")));
        // across the turn of the year: December on 3 January
        assertEquals(period("2026-12-01", "2026-12-31"), third9.due(Instant.parse("2027-01-03T08:00:00Z")));
        assertEquals(period("2026-12-01", "2026-12-31"), third9.next(Instant.parse("2026-12-20T00:00:00Z")));
    }

    @Test
    void aMonthlySendAcrossTheClockChange() {
        DigestSchedule first2 = monthly(1, 2);
        // 1 April 2026 02:00 Berlin is summer time already: 00:00 UTC; 1 November: winter again, 01:00 UTC
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), first2.sendTime(period("2026-03-01", "2026-03-31")));
        assertEquals(Instant.parse("2026-11-01T01:00:00Z"), first2.sendTime(period("2026-10-01", "2026-10-31")));
        DigestSchedule day28 = monthly(28, 23);
        assertEquals(Instant.parse("2026-03-28T22:00:00Z"), day28.sendTime(period("2026-02-01", "2026-02-28")));
    }

    @Test
    void sendNowReportsTheLastCompletePeriodWhateverTheHour() {
        Instant mondayMorning = Instant.parse("2026-12-07T05:00:00Z");
        assertEquals(
                period("2026-11-30", "2026-12-06"), weekly(DayOfWeek.FRIDAY, 17).lastComplete(mondayMorning));
        assertEquals(period("2026-11-01", "2026-11-30"), monthly(28, 8).lastComplete(mondayMorning));
    }
}
