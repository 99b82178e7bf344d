package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * What to count from the rollups: one metric (its question type) over a range of days in the reporting
 * zone, both ends included; optionally one survey, one question key, one segment (null: all responses),
 * one channel and one locale.
 */
public record RollupFilter(
        Metric metric,
        Long surveyId,
        String questionKey,
        Long segmentId,
        String channel,
        String locale,
        LocalDate from,
        LocalDate to) {

    public RollupFilter {
        if (metric == null || from == null || to == null) {
            throw new IllegalArgumentException("A metric and a date range are required");
        }
    }

    public RollupFilter between(LocalDate from, LocalDate to) {
        return new RollupFilter(metric, surveyId, questionKey, segmentId, channel, locale, from, to);
    }

    public RollupFilter inSegment(Long segment) {
        return new RollupFilter(metric, surveyId, questionKey, segment, channel, locale, from, to);
    }
}
