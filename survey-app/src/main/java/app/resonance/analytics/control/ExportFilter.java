package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * Which responses to export: one survey, optionally days from..to in the reporting zone (both included),
 * one segment, one channel and one locale; the dashboard's filters. For an anonymous survey the customer
 * and segment columns stay empty.
 */
public record ExportFilter(
        long surveyId, LocalDate from, LocalDate to, Long segmentId, String channel, String locale, boolean anonymous) {

    public ExportFilter(long surveyId, LocalDate from, LocalDate to, Long segmentId, String channel, String locale) {
        this(surveyId, from, to, segmentId, channel, locale, false);
    }

    /** The same filter in another segment. */
    public ExportFilter inSegment(Long segment) {
        return new ExportFilter(surveyId, from, to, segment, channel, locale, anonymous);
    }
}
