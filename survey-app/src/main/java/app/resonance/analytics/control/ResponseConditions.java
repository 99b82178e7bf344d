package app.resonance.analytics.control;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** The conditions on a survey's responses that the comments and the crosstab share, as SQL over {@code response r}. */
final class ResponseConditions {

    private ResponseConditions() {}

    /**
     * Appends the response conditions every count of a survey's answers shares (survey, days in the reporting
     * zone, segment, channel, language) to a WHERE clause over {@code response r}; comments and crosstabs count with them.
     */
    static void append(CommentFilter filter, ZoneId zone, StringBuilder where, List<Object> params) {
        where.append(" AND r.survey_id = ?");
        params.add(filter.surveyId());
        if (filter.from() != null) {
            where.append(" AND r.submitted_at >= ?");
            params.add(LocalDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND r.submitted_at < ?");
            params.add(LocalDateTime.ofInstant(
                    filter.to().plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
        if (filter.segmentId() != null) {
            where.append(
                    " AND EXISTS (SELECT 1 FROM response_segment f WHERE f.response_id = r.id AND f.segment_id = ?)");
            params.add(filter.segmentId());
        }
        if (filter.channel() != null) {
            where.append(" AND r.channel = ?");
            params.add(filter.channel());
        }
        if (filter.locale() != null) {
            where.append(" AND r.locale = ?");
            params.add(filter.locale());
        }
    }
}
