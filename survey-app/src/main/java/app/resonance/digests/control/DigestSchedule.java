package app.resonance.digests.control;

import app.resonance.digests.entity.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * When a digest is sent and which period it reports. A weekly digest reports the last complete ISO week (Monday to
 * Sunday) and is sent on its weekday of the following week; a monthly one reports the last complete calendar month
 * and is sent on its day (1-28) of the following month; both at their hour in their time zone (an hour the clock
 * change skips is sent at the first hour after it, an hour it repeats at its first occurrence). The period due at
 * an instant is the newest one whose send time has passed.
 */
public record DigestSchedule(Cadence cadence, DayOfWeek weekday, Integer monthDay, int hour, ZoneId zone) {

    /** The days a digest reports (both included). */
    public record Period(LocalDate from, LocalDate to) {

        /** "2026-W49" for an ISO week, "2026-11" for a month. */
        public String label() {
            if (from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6))) {
                return String.format(
                        "%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            return String.format("%d-%02d", from.getYear(), from.getMonthValue());
        }
    }

    /** The period that contains the day. */
    public Period periodOf(LocalDate day) {
        if (cadence == Cadence.WEEKLY) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Period(monday, monday.plusDays(6));
        }
        LocalDate first = day.withDayOfMonth(1);
        return new Period(first, first.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** The period just before this one. */
    public Period before(Period period) {
        return periodOf(period.from().minusDays(1));
    }

    /** The period just after this one. */
    public Period after(Period period) {
        return periodOf(period.to().plusDays(1));
    }

    /** When the digest of a period is sent: its weekday or day in the next period, at the hour in the zone. */
    public Instant sendTime(Period period) {
        LocalDate next = period.to().plusDays(1);
        LocalDate day =
                cadence == Cadence.WEEKLY ? next.plusDays(weekday.getValue() - 1L) : next.withDayOfMonth(monthDay);
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }

    /** The newest period whose send time is at or before {@code now}. */
    public Period due(Instant now) {
        Period candidate = before(periodOf(now.atZone(zone).toLocalDate()));
        while (sendTime(candidate).isAfter(now)) {
            candidate = before(candidate);
        }
        return candidate;
    }

    /** The next send time after {@code now}, and the period it reports. */
    public Period next(Instant now) {
        return after(due(now));
    }

    /** The last complete period on the day of {@code now} in the zone: what "send now" reports. */
    public Period lastComplete(Instant now) {
        return before(periodOf(now.atZone(zone).toLocalDate()));
    }
}
