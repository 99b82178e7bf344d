package app.resonance.analytics.control;

/**
 * Which responses the response browser lists: the conditions every count of a survey's answers shares (survey,
 * days, segment, channel, language) with the comments' search text and topic ({@code conditions}), and the
 * browser's own: a survey version, a customer and a score band ({@code scoreLow}..{@code scoreHigh}, null: any) on
 * the survey's metric question ({@code scoreQuestion}, whose score each row shows). {@code anonymous}: the survey's
 * responses name no customer and no segments.
 */
public record BrowseFilter(
        CommentFilter conditions,
        boolean anonymous,
        Long versionId,
        Long customerId,
        String scoreQuestion,
        Integer scoreLow,
        Integer scoreHigh) {

    /** The responses of a survey under the shared conditions, without the browser's own filters. */
    public static BrowseFilter of(CommentFilter conditions, boolean anonymous) {
        return new BrowseFilter(conditions, anonymous, null, null, null, null, null);
    }
}
