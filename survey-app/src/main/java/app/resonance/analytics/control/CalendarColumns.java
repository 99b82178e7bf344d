package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calendar columns of a crosstab over time: the months (or quarters) the days from..to touch, in the reporting
 * zone, each labelled in the reader's language, and the SQL that puts a response in its period. The SQL compares
 * {@code r.submitted_at} (stored in UTC) with each period's start as a timestamp literal made here from dates, never
 * from input text, so it runs the same on H2 and PostgreSQL and every period boundary is the zone's midnight.
 */
public record CalendarColumns(List<Period> periods) {

    /** At most this many columns: five years of months; a longer span is refused by the check, not cut. */
    public static final int MOST = 60;

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** One period: its key ("2026-03", "2026-Q1"), its first day and the day after its last. */
    public record Period(String key, LocalDate start, LocalDate end) {}

    public static CalendarColumns of(CrosstabBy.Kind kind, LocalDate from, LocalDate to) {
        int months = kind == CrosstabBy.Kind.QUARTER ? 3 : 1;
        LocalDate start = from.withDayOfMonth(1);
        if (months == 3) {
            start = start.withMonth((start.getMonthValue() - 1) / 3 * 3 + 1);
        }
        List<Period> periods = new ArrayList<>();
        for (LocalDate p = start; !p.isAfter(to); p = p.plusMonths(months)) {
            String key = months == 3
                    ? p.getYear() + "-Q" + p.get(IsoFields.QUARTER_OF_YEAR)
                    : p.toString().substring(0, 7);
            periods.add(new Period(key, p, p.plusMonths(months)));
        }
        return new CalendarColumns(List.copyOf(periods));
    }

    /** How many periods the days from..to touch. */
    public static long count(CrosstabBy.Kind kind, LocalDate from, LocalDate to) {
        return of(kind, from, to).periods().size();
    }

    /** {@code CASE WHEN r.submitted_at < TIMESTAMP '…' THEN '2026-01' … END}: null outside the periods. */
    public String sql(ZoneId zone) {
        StringBuilder sql = new StringBuilder("CASE");
        for (Period p : periods) {
            sql.append(" WHEN r.submitted_at >= TIMESTAMP '")
                    .append(utc(p.start(), zone))
                    .append("' AND r.submitted_at < TIMESTAMP '")
                    .append(utc(p.end(), zone))
                    .append("' THEN '")
                    .append(p.key())
                    .append('\'');
        }
        return sql.append(" END").toString();
    }

    private static String utc(LocalDate day, ZoneId zone) {
        return LITERAL.format(LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
    }

    /** The columns in time order: "März 2026" / "Mar 2026", "Q1 2026". */
    public List<Label> labels(Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLL yyyy", locale);
        return periods.stream()
                .map(p -> new Label(
                        p.key(),
                        p.key().contains("-Q")
                                ? "Q" + p.start().get(IsoFields.QUARTER_OF_YEAR) + " "
                                        + p.start().getYear()
                                : month.format(p.start())))
                .toList();
    }
}
