package app.resonance.analytics.control;

import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The response browser's query, read once for the admin API and the console: the analytics filters of one
 * {@link AnalyticsQuery} (survey, segment, channel, language, days) and the browser's own inputs (version, score
 * band, topic, search text, customer, cursor, page size), checked together so that every bad input is named.
 */
public final class BrowseQuery {

    /** The browser looks back this far when nobody chose a start: as far as any query may (ten years). */
    public static final int DEFAULT_DAYS = AnalyticsQuery.MAX_DAYS;

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_SEARCH = 200;

    private BrowseQuery() {}

    /** The browser's own inputs as typed; null or blank where nothing was chosen. */
    public record Input(
            String version, String band, String topic, String q, String customer, String cursor, String limit) {}

    /** A checked query: the filter, where the page starts (null: the newest) and how many it holds. */
    public record Browse(BrowseFilter filter, ResponseBrowser.Cursor cursor, int limit) {}

    public record Result(Browse browse, List<AnalyticsQuery.Complaint> complaints) {
        public boolean valid() {
            return complaints.isEmpty();
        }
    }

    /**
     * Checks the inputs against the survey of the analytics query (read with
     * {@link AnalyticsQueries#readFilters}); {@code customers} finds a customer's id by its external id,
     * {@code topics} says whether a topic key is defined (a mistyped key is named, not answered with no responses).
     */
    public static Result read(
            AnalyticsQuery.Result filters,
            Input in,
            Function<String, Optional<Long>> customers,
            Predicate<String> topics) {
        List<AnalyticsQuery.Complaint> complaints = new ArrayList<>(filters.complaints());
        AnalyticsQuery query = filters.query();
        Survey survey = query == null ? null : query.survey();
        if (query != null && survey == null) {
            complaints.add(new AnalyticsQuery.Complaint("survey", "required"));
        }
        Long versionId = null;
        if (present(in.version()) && survey != null) {
            versionId =
                    version(survey, in.version().strip()).map(SurveyVersion::id).orElse(null);
            if (versionId == null) {
                complaints.add(new AnalyticsQuery.Complaint("version", "unknownVersion"));
            }
        }
        Question scored = survey == null ? null : scoreQuestion(survey).orElse(null);
        Integer low = null;
        Integer high = null;
        if (present(in.band()) && survey != null) {
            ScoreBands bands = scored == null ? null : ScoreBands.of(scored);
            int[] range = bands == null ? null : bands.range(in.band().strip().toLowerCase(Locale.ROOT));
            if (scored == null) {
                complaints.add(new AnalyticsQuery.Complaint("band", "noSuchQuestion"));
            } else if (range == null) {
                complaints.add(new AnalyticsQuery.Complaint("band", "oneOf", String.join(", ", bands.keys())));
            } else {
                low = range[0];
                high = range[1];
            }
        }
        String topic = null;
        if (present(in.topic())) {
            topic = in.topic().strip().toUpperCase(Locale.ROOT);
            if (!topic.matches("[A-Z0-9_]{1,40}")) {
                complaints.add(new AnalyticsQuery.Complaint("topic", "topicKey"));
            } else if (!topics.test(topic)) {
                complaints.add(new AnalyticsQuery.Complaint("topic", "unknownTopic"));
            }
        }
        if (present(in.q()) && in.q().strip().length() > MAX_SEARCH) {
            complaints.add(new AnalyticsQuery.Complaint("q", "tooLong", MAX_SEARCH));
        }
        Long customerId = null;
        if (present(in.customer()) && survey != null) {
            if (survey.anonymous()) {
                complaints.add(new AnalyticsQuery.Complaint("customer", "anonymousSurvey"));
            } else {
                customerId = customers.apply(in.customer().strip()).orElse(null);
                if (customerId == null) {
                    complaints.add(new AnalyticsQuery.Complaint("customer", "unknownCustomer"));
                }
            }
        }
        ResponseBrowser.Cursor cursor = null;
        if (present(in.cursor())) {
            cursor = ResponseBrowser.Cursor.decode(in.cursor().strip()).orElse(null);
            if (cursor == null) {
                complaints.add(new AnalyticsQuery.Complaint("cursor", "invalidCursor"));
            }
        }
        int limit = limit(in.limit(), complaints);
        if (!complaints.isEmpty()) {
            return new Result(null, List.copyOf(complaints));
        }
        RollupFilter f = query.filter();
        CommentFilter conditions = new CommentFilter(
                survey.id(),
                f.from(),
                f.to(),
                f.segmentId(),
                f.channel(),
                f.locale(),
                present(in.q()) ? in.q().strip() : null,
                topic);
        return new Result(
                new Browse(
                        new BrowseFilter(
                                conditions,
                                survey.anonymous(),
                                versionId,
                                customerId,
                                scored == null ? null : scored.key(),
                                low,
                                high),
                        cursor,
                        limit),
                List.of());
    }

    /** The question whose score the list shows and the band filters: the first of the survey's metric. */
    public static Optional<Question> scoreQuestion(Survey survey) {
        Metric metric = AnalyticsQuery.metricOf(survey);
        return survey.versions().stream()
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == metric.questionType())
                .findFirst();
    }

    private static Optional<SurveyVersion> version(Survey survey, String text) {
        try {
            return survey.version(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int limit(String text, List<AnalyticsQuery.Complaint> complaints) {
        if (!present(text)) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        complaints.add(new AnalyticsQuery.Complaint("limit", "range", 1, MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
