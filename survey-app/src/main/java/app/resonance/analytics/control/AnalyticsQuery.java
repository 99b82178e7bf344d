package app.resonance.analytics.control;

import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.Survey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one analytics query of the admin API, the console's dashboard and the PDF report: what to count
 * (metric, survey, question, segment, channel, language, days in the reporting zone), in which periods,
 * the window of days around a marker (and of the segment comparison), and the reporting rules. It is
 * read from the same {@link Input} everywhere, with the same defaults, so that the API and the console
 * cannot drift apart again.
 */
public record AnalyticsQuery(
        RollupFilter filter, Survey survey, Segment segment, Granularity granularity, int days, ReportingRules rules) {

    /** Days a trend or report covers when nobody chose a start: the last year. */
    public static final int TREND_DAYS = 365;
    /** Days the segment comparison of the API covers when nobody chose a start. */
    public static final int SEGMENT_DAYS = 90;
    /** The window on each side of a marker (and the period of the report's segments) when nobody chose one. */
    public static final int WINDOW_DAYS = 60;

    public static final int MIN_WINDOW = 7;
    public static final int MAX_WINDOW = 365;
    /** Longest range of days a query may cover (ten years). */
    public static final int MAX_DAYS = 3660;
    /** Most periods a trend may have. */
    public static final int MAX_POINTS = 4000;

    /** The languages responses are filtered by. */
    public static final List<String> LOCALES = Messages.RESPONDENT_LANGUAGES;

    /** The survey's title in the messages' language (its published version's, else its newest), or "all surveys". */
    public String surveyTitle(Messages messages) {
        return survey == null
                ? messages.get("report.allSurveys")
                : survey.publishedVersion()
                        .orElse(survey.latestVersion())
                        .title()
                        .in(messages.locale());
    }

    /**
     * What was asked for, as typed (a query string, the dashboard's URL); null or blank where nothing was
     * chosen. {@code days} is the window around a marker.
     */
    public record Input(
            String survey,
            String metric,
            String question,
            String segment,
            String channel,
            String locale,
            String from,
            String to,
            String granularity,
            String zone,
            Integer days) {

        public Input {
            survey = blankToNull(survey);
            metric = blankToNull(metric);
            question = blankToNull(question);
            segment = blankToNull(segment);
            channel = blankToNull(channel);
            locale = blankToNull(locale);
            from = blankToNull(from);
            to = blankToNull(to);
            granularity = blankToNull(granularity);
            zone = blankToNull(zone);
        }

        public Input withSurvey(String slug) {
            return new Input(slug, metric, question, segment, channel, locale, from, to, granularity, zone, days);
        }

        public Input withSegment(String key) {
            return new Input(survey, metric, question, key, channel, locale, from, to, granularity, zone, days);
        }

        /** The same filters over the single day {@code day} (a marker's day: its window is around it). */
        public Input on(LocalDate day) {
            String text = day.toString();
            return new Input(survey, metric, question, segment, channel, locale, text, text, granularity, zone, days);
        }

        /**
         * The input as a query string of the trend API ({@code metricAndQuestion}) or of the console's dashboard
         * (which takes neither): "survey=relationship-nps&segment=business&granularity=MONTH&from=…&to=…".
         */
        public String queryString(boolean metricAndQuestion) {
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("survey", survey);
            if (metricAndQuestion) {
                values.put("metric", metric);
                values.put("question", question);
            }
            values.put("segment", segment);
            values.put("channel", channel);
            values.put("locale", locale);
            values.put("granularity", granularity);
            values.put("from", from);
            values.put("to", to);
            return values.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "="
                            + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** One bad input: the parameter, the code of its message ({@code error.<code>}) and the message's arguments. */
    public record Complaint(String field, String code, List<Object> arguments) {
        public Complaint(String field, String code, Object... arguments) {
            this(field, code, List.of(arguments));
        }
    }

    /** Where the query finds what its keys name, and what "today" and the rules are. */
    public record Context(
            Function<String, Optional<Survey>> surveys,
            Function<String, Optional<Segment>> segments,
            ZoneId zone,
            LocalDate today,
            Function<Boolean, ReportingRules> rules) {}

    /** The query, or everything that is wrong with the input. */
    public record Result(AnalyticsQuery query, List<Complaint> complaints) {
        public boolean valid() {
            return complaints.isEmpty();
        }
    }

    /** The metric a survey is summarised by when nobody chose one. */
    public static Metric metricOf(Survey survey) {
        return switch (survey.kind()) {
            case NPS, ENPS -> Metric.NPS;
            case CSAT -> Metric.CSAT;
            case CES -> Metric.CES;
            default -> Metric.RATING;
        };
    }

    /** The survey's first published question of the metric's type, or null. */
    public static String questionOf(Survey survey, Metric metric) {
        return survey.publishedVersion().stream()
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == metric.questionType())
                .map(Question::key)
                .findFirst()
                .orElse(null);
    }

    /**
     * Reads and checks the input. {@code defaultDays}: how many days back from {@code to} the range starts
     * when no start is given ({@link #TREND_DAYS}, {@link #SEGMENT_DAYS}).
     */
    public static Result read(Input in, int defaultDays, Context context) {
        return read(in, defaultDays, context, true);
    }

    /**
     * As {@link #read(Input, int, Context)} for a view that asks its own question of the survey (the crosstab):
     * the metric and question parameters are neither read nor checked, the filter keeps the survey's metric
     * ({@link #metricOf(Survey)}) and no question. Survey, segment, channel, language, range and the reporting
     * rules are read exactly as everywhere else.
     */
    public static Result readFilters(Input in, int defaultDays, Context context) {
        return read(in, defaultDays, context, false);
    }

    private static Result read(Input in, int defaultDays, Context context, boolean metricAsked) {
        List<Complaint> complaints = new ArrayList<>();
        Survey survey = null;
        if (in.survey() != null) {
            survey = context.surveys().apply(in.survey()).orElse(null);
            if (survey == null) {
                complaints.add(new Complaint("survey", "unknownSurvey"));
            }
        }
        Metric metric = null;
        if (!metricAsked) {
            metric = survey == null ? null : metricOf(survey);
        } else if (in.metric() != null) {
            metric = enumValue(Metric.class, in.metric(), "metric", complaints);
        } else if (survey != null) {
            metric = metricOf(survey);
        } else if (in.survey() == null) {
            complaints.add(new Complaint("metric", "required"));
        }
        String question = metricAsked ? in.question() : null;
        if (metricAsked && survey != null && metric != null) {
            Metric m = metric;
            if (question == null) {
                question = questionOf(survey, metric);
                if (question == null) {
                    complaints.add(new Complaint("metric", "noSuchQuestion"));
                }
            } else if (survey.versions().stream()
                    .flatMap(v -> v.questions().stream())
                    .noneMatch(q -> q.key().equals(in.question()) && q.type() == m.questionType())) {
                complaints.add(new Complaint("question", "unknownQuestion"));
            }
        }
        Segment segment = null;
        if (in.segment() != null) {
            segment = context.segments().apply(in.segment()).orElse(null);
            if (segment == null) {
                complaints.add(new Complaint("segment", "unknownSegment"));
            }
        }
        Channel channel = in.channel() == null ? null : enumValue(Channel.class, in.channel(), "channel", complaints);
        if (in.locale() != null && !LOCALES.contains(in.locale())) {
            complaints.add(new Complaint("locale", "oneOf", String.join(", ", LOCALES)));
        }
        Granularity granularity = in.granularity() == null
                ? Granularity.DEFAULT
                : enumValue(Granularity.class, in.granularity(), "granularity", complaints);
        if (in.zone() != null && !in.zone().equals(context.zone().getId())) {
            complaints.add(new Complaint("zone", "reportingZone", context.zone().getId()));
        }
        int days = in.days() == null ? WINDOW_DAYS : in.days();
        if (days < MIN_WINDOW || days > MAX_WINDOW) {
            complaints.add(new Complaint("days", "range", MIN_WINDOW, MAX_WINDOW));
        }
        LocalDate to = date(in.to(), context.today(), "to", complaints);
        LocalDate from = date(in.from(), to.minusDays(defaultDays - 1L), "from", complaints);
        if (from.isAfter(to)) {
            complaints.add(new Complaint("from", "fromAfterTo"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            complaints.add(new Complaint("from", "rangeTooLong", MAX_DAYS));
        } else if (granularity != null && periods(granularity, from, to) > MAX_POINTS) {
            complaints.add(new Complaint("granularity", "tooMany", MAX_POINTS));
        }
        if (!complaints.isEmpty()) {
            return new Result(null, List.copyOf(complaints));
        }
        RollupFilter filter = new RollupFilter(
                metric,
                survey == null ? null : survey.id(),
                question,
                segment == null ? null : segment.id(),
                channel == null ? null : channel.name(),
                in.locale(),
                from,
                to);
        return new Result(
                new AnalyticsQuery(
                        filter,
                        survey,
                        segment,
                        granularity,
                        days,
                        context.rules().apply(survey != null && survey.anonymous())),
                List.of());
    }

    /** How many periods of the granularity the range touches (counting stops after {@link #MAX_POINTS}). */
    static long periods(Granularity granularity, LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate start = granularity.start(from);
                !start.isAfter(to) && n <= MAX_POINTS;
                start = granularity.next(start)) {
            n++;
        }
        return n;
    }

    /** The first day of the segment comparison in a report: the window's days up to the end of the range. */
    public LocalDate segmentsFrom() {
        return filter.to().minusDays(days - 1L);
    }

    /** The metric's scale, lowest to highest answer, as the score distribution shows it. */
    public List<Integer> scale() {
        List<Integer> scale = new ArrayList<>();
        for (int s = filter.metric().lowest(); s <= filter.metric().highest(); s++) {
            scale.add(s);
        }
        return scale;
    }

    public static <E extends Enum<E>> E enumValue(
            Class<E> type, String text, String field, List<Complaint> complaints) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            complaints.add(new Complaint(field, "oneOf", names(type)));
            return null;
        }
    }

    /** The constants of an enumeration as a list for a message: "NPS, CSAT, CES, RATING". */
    public static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static LocalDate date(String text, LocalDate fallback, String field, List<Complaint> complaints) {
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            complaints.add(new Complaint(field, "expectedDate"));
            return fallback;
        }
    }
}
