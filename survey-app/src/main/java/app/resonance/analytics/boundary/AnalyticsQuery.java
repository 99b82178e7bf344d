package app.resonance.analytics.boundary;

import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dashboard filters of an analytics request, read from its query parameters and checked: metric,
 * survey (slug), question (key), segment (key), channel, locale, from and to (days in the reporting zone),
 * granularity and zone. Every bad parameter is named in one 400 problem.
 */
public record AnalyticsQuery(
        RollupFilter filter, Survey survey, Segment segment, Granularity granularity, ReportingRules rules) {

    /** Longest range of days a request may cover (ten years). */
    static final int MAX_DAYS = 3660;

    static AnalyticsQuery read(
            MultivaluedMap<String, String> params,
            SurveyCatalog surveys,
            SegmentCatalog segments,
            ZoneId zone,
            LocalDate today,
            java.util.function.Function<Boolean, ReportingRules> rules,
            int defaultDays,
            Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Survey survey = null;
        String slug = params.getFirst("survey");
        if (slug != null) {
            survey = surveys.bySlug(slug).orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        Metric metric = null;
        String metricText = params.getFirst("metric");
        if (metricText != null) {
            metric = enumValue(Metric.class, metricText, "metric", errors, messages);
        } else if (survey != null && survey.kind() != SurveyKind.CUSTOM) {
            metric = survey.kind() == SurveyKind.ENPS
                    ? Metric.NPS
                    : Metric.valueOf(survey.kind().name());
        } else if (slug == null || survey != null) {
            errors.add(messages.error("metric", "required"));
        }
        String question = params.getFirst("question");
        if (survey != null && metric != null) {
            Metric m = metric;
            if (question == null) {
                question = survey.publishedVersion().stream()
                        .flatMap(v -> v.questions().stream())
                        .filter(q -> q.type() == m.questionType())
                        .map(Question::key)
                        .findFirst()
                        .orElse(null);
                if (question == null) {
                    errors.add(messages.error("metric", "noSuchQuestion"));
                }
            } else {
                String key = question;
                if (survey.versions().stream()
                        .flatMap(v -> v.questions().stream())
                        .noneMatch(q -> q.key().equals(key) && q.type() == m.questionType())) {
                    errors.add(messages.error("question", "unknownQuestion"));
                }
            }
        }
        Segment segment = null;
        String segmentKey = params.getFirst("segment");
        if (segmentKey != null) {
            segment = segments.byKey(segmentKey).orElse(null);
            if (segment == null) {
                errors.add(messages.error("segment", "unknownSegment"));
            }
        }
        Channel channel = params.getFirst("channel") == null
                ? null
                : enumValue(Channel.class, params.getFirst("channel"), "channel", errors, messages);
        String locale = params.getFirst("locale");
        if (locale != null && !locale.equals("de") && !locale.equals("en")) {
            errors.add(messages.error("locale", "oneOf", "de, en"));
        }
        Granularity granularity = params.getFirst("granularity") == null
                ? Granularity.DEFAULT
                : enumValue(Granularity.class, params.getFirst("granularity"), "granularity", errors, messages);
        String zoneText = params.getFirst("zone");
        if (zoneText != null && !zoneText.equals(zone.getId())) {
            errors.add(messages.error("zone", "reportingZone", zone.getId()));
        }
        LocalDate to = date(params.getFirst("to"), today, "to", errors, messages);
        LocalDate from = date(params.getFirst("from"), to.minusDays(defaultDays - 1L), "from", errors, messages);
        if (from.isAfter(to)) {
            errors.add(messages.error("from", "fromAfterTo"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.add(messages.error("from", "rangeTooLong", MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        RollupFilter filter = new RollupFilter(
                metric,
                survey == null ? null : survey.id(),
                question,
                segment == null ? null : segment.id(),
                channel == null ? null : channel.name(),
                locale,
                from,
                to);
        return new AnalyticsQuery(
                filter, survey, segment, granularity, rules.apply(survey != null && survey.anonymous()));
    }

    static <E extends Enum<E>> E enumValue(
            Class<E> type, String text, String field, List<FieldError> errors, Messages messages) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(messages.error(
                    field,
                    "oneOf",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    static LocalDate date(String text, LocalDate fallback, String field, List<FieldError> errors, Messages messages) {
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(messages.error(field, "expectedDate"));
            return fallback;
        }
    }
}
