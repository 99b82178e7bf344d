package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * Which comments (free-text answers) to read: one survey, days from..to in the reporting zone, and
 * optionally a segment, channel, locale, a search text (case-insensitive, anywhere in the comment) and a
 * topic (by key, {@link Topic#key()}); and optionally the text question (its key) whose answers alone count.
 */
public record CommentFilter(
        long surveyId,
        LocalDate from,
        LocalDate to,
        Long segmentId,
        String channel,
        String locale,
        String search,
        String theme,
        String questionKey) {

    /** Every text question's answers. */
    public CommentFilter(
            long surveyId,
            LocalDate from,
            LocalDate to,
            Long segmentId,
            String channel,
            String locale,
            String search,
            String theme) {
        this(surveyId, from, to, segmentId, channel, locale, search, theme, null);
    }

    /** The same filter in another segment. */
    public CommentFilter inSegment(Long segment) {
        return new CommentFilter(surveyId, from, to, segment, channel, locale, search, theme, questionKey);
    }

    /**
     * The responses an analytics filter selects (its days, segment, channel and language) of one survey, with no
     * search, topic or question: what crosstabs, choice shares, drivers and shared views count.
     */
    public static CommentFilter of(long surveyId, RollupFilter filter) {
        return new CommentFilter(
                surveyId,
                filter.from(),
                filter.to(),
                filter.segmentId(),
                filter.channel(),
                filter.locale(),
                null,
                null);
    }
}
