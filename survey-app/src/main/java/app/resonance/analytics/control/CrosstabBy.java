package app.resonance.analytics.control;

import java.util.Locale;
import java.util.Optional;

/**
 * What a crosstab's columns are: a customer attribute (plan, region, lifecycle stage), the response's channel
 * or language, the segments it was stored with, the options chosen in another choice question of the same
 * survey ({@code question:KEY}), or the calendar month or quarter (in the reporting zone) the response was given
 * in: a question over time, its shares per month with the chi-square test of whether they changed.
 * Respondents without a value (no customer, no plan) are in no column.
 */
public record CrosstabBy(Kind kind, String questionKey) {

    public static final String QUESTION_PREFIX = "question:";

    /** The groupings, each with its SQL: the joins it needs and the column it groups by. */
    public enum Kind {
        SEGMENT(
                " JOIN response_segment rs ON rs.response_id = r.id JOIN segment g ON g.id = rs.segment_id",
                "g.segment_key"),
        PLAN(" JOIN customer c ON c.id = r.customer_id", "c.plan"),
        REGION(" JOIN customer c ON c.id = r.customer_id", "c.region"),
        LIFECYCLE(" JOIN customer c ON c.id = r.customer_id", "c.lifecycle_stage"),
        CHANNEL("", "r.channel"),
        LANGUAGE("", "r.locale"),
        QUESTION(
                " JOIN answer b ON b.response_id = r.id"
                        + " JOIN question qb ON qb.id = b.question_id AND qb.question_key = ?",
                "b.option_code"),
        /** The group is a CASE over the period's month boundaries ({@link CalendarColumns}), made per request. */
        MONTH("", null),
        QUARTER("", null);

        final String join;
        final String group;

        Kind(String join, String group) {
            this.join = join;
            this.group = group;
        }
    }

    /** The {@code by} parameter as written: a grouping's name, any case, or {@code question:KEY}. */
    public static Optional<CrosstabBy> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String by = text.strip();
        if (by.regionMatches(true, 0, QUESTION_PREFIX, 0, QUESTION_PREFIX.length())) {
            String key = by.substring(QUESTION_PREFIX.length()).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(new CrosstabBy(Kind.QUESTION, key));
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.QUESTION && kind.name().equals(by.toUpperCase(Locale.ROOT))) {
                return Optional.of(new CrosstabBy(kind, null));
            }
        }
        return Optional.empty();
    }

    /** The values {@code by} takes, for a message. */
    public static String choices() {
        return "segment, plan, region, lifecycle, channel, language, month, quarter, question:KEY";
    }

    /** Whether the columns are calendar periods: in time order, every period of the days counted named. */
    public boolean calendar() {
        return kind == Kind.MONTH || kind == Kind.QUARTER;
    }

    /** A respondent may be in several segments; in several columns of a multiple-choice question too. */
    public boolean overlapping(boolean multipleChoice) {
        return kind == Kind.SEGMENT || (kind == Kind.QUESTION && multipleChoice);
    }

    /** As written in answers: {@code plan}, {@code question:focus}. */
    public String text() {
        return kind == Kind.QUESTION
                ? QUESTION_PREFIX + questionKey
                : kind.name().toLowerCase(Locale.ROOT);
    }
}
