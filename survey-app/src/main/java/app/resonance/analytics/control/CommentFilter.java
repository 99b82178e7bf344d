package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * Which comments (free-text answers) to read: one survey, days from..to in the reporting zone, and
 * optionally a segment, channel, locale, a search text (case-insensitive, anywhere in the comment) and a
 * topic (by key, {@link Topic#key()}).
 */
public record CommentFilter(
        long surveyId,
        LocalDate from,
        LocalDate to,
        Long segmentId,
        String channel,
        String locale,
        String search,
        String theme) {}
