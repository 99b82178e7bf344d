package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Free-text answers: a paged list with each comment's score, segments, themes and sentiment, searchable
 * and filterable by theme; and the themes' counts per segment and per period with their sentiment.
 */
@ApplicationScoped
public class Comments {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    public Comments() {}

    public Comments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The filter as the caller may read it: in one of their segments if they are limited to some. */
    CommentFilter scoped(CommentFilter filter) {
        Long segment =
                app.resonance.platform.control.DataScopes.callerOf(scopes).segmentId(filter.segmentId());
        return java.util.Objects.equals(segment, filter.segmentId()) ? filter : filter.inSegment(segment);
    }

    /** One comment with what the dashboard shows next to it. */
    public record Comment(
            long responseId,
            Instant submittedAt,
            String questionKey,
            String text,
            String scoreQuestion,
            Integer score,
            String customer,
            List<String> segments,
            String locale,
            String channel,
            List<String> themes,
            Sentiment sentiment)
            implements Serializable {}

    public record Page(long total, List<Comment> comments) {}

    /**
     * A topic's counts: all comments, per segment key, per period label, by sentiment, and by sentiment per period.
     */
    public record ThemeCount(
            Topic topic,
            long comments,
            Map<String, Long> bySegment,
            Map<String, Long> byPeriod,
            Map<Sentiment, Long> bySentiment,
            Map<String, Map<Sentiment, Long>> sentimentByPeriod)
            implements Serializable {

        /** The topic's share of a period's comments (0 when the period has none). */
        public double share(String period, Map<String, Long> commentsByPeriod) {
            long all = commentsByPeriod.getOrDefault(period, 0L);
            return all == 0 ? 0.0 : (double) byPeriod.getOrDefault(period, 0L) / all;
        }
    }

    /** The counts of every enabled topic, and all comments in all and per period label. */
    public record ThemeSummary(
            long comments, List<ThemeCount> themes, Map<Sentiment, Long> bySentiment, Map<String, Long> byPeriod)
            implements Serializable {}

    public Page page(CommentFilter filter, ZoneId zone, int offset, int limit) {
        filter = scoped(filter);
        List<Object> params = new ArrayList<>();
        String where = where(filter, zone, params);
        try (Connection connection = dataSource.getConnection()) {
            TopicMatcher matcher = Topics.matcher(connection);
            long total = Jdbc.number(connection, """
                    SELECT COUNT(*) FROM answer a JOIN question q ON q.id = a.question_id
                     JOIN response r ON r.id = a.response_id WHERE %s""".formatted(where), params.toArray());
            // A topic is found by analysing the text: Java decides and pages.
            boolean javaPaging = filter.theme() != null;
            List<Object[]> rows = new ArrayList<>();
            try (var statement = connection.prepareStatement("SELECT r.id, r.submitted_at, q.question_key,"
                    + " a.text_value, c.external_id, r.locale, r.channel FROM answer a"
                    + " JOIN question q ON q.id = a.question_id JOIN response r ON r.id = a.response_id"
                    + " LEFT JOIN customer c ON c.id = r.customer_id WHERE " + where
                    + " ORDER BY r.submitted_at DESC, a.id DESC"
                    + (javaPaging ? "" : " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY"))) {
                Jdbc.bind(statement, params.toArray());
                statement.setFetchSize(Jdbc.FETCH_SIZE);
                try (var rs = statement.executeQuery()) {
                    long matching = 0;
                    while (rs.next()) {
                        if (javaPaging) {
                            if (!matcher.matches(filter.theme(), rs.getString(4))) {
                                continue;
                            }
                            matching++;
                            if (matching <= offset || matching > (long) offset + limit) {
                                continue;
                            }
                        }
                        rows.add(new Object[] {
                            rs.getLong(1),
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)
                        });
                    }
                    if (javaPaging) {
                        total = matching;
                    }
                }
            }
            List<Long> ids = rows.stream().map(r -> (Long) r[0]).distinct().toList();
            Map<Long, Object[]> scores = scores(connection, ids);
            Map<Long, List<String>> segments = segments(connection, ids);
            List<Comment> comments = new ArrayList<>();
            for (Object[] row : rows) {
                long id = (Long) row[0];
                Object[] score = scores.get(id);
                String text = (String) row[3];
                comments.add(new Comment(
                        id,
                        (Instant) row[1],
                        (String) row[2],
                        text,
                        score == null ? null : (String) score[0],
                        score == null ? null : (Integer) score[1],
                        (String) row[4],
                        segments.getOrDefault(id, List.of()),
                        (String) row[5],
                        (String) row[6],
                        matcher.keys(text),
                        Sentiment.of(text)));
            }
            return new Page(total, comments);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading comments failed", e);
        }
    }

    /** Theme counts over every comment of the filter (search and theme ignored), streamed. */
    public ThemeSummary themes(CommentFilter filter, ZoneId zone, Granularity granularity) {
        filter = scoped(filter);
        CommentFilter all = new CommentFilter(
                filter.surveyId(),
                filter.from(),
                filter.to(),
                filter.segmentId(),
                filter.channel(),
                filter.locale(),
                null,
                null,
                filter.questionKey());
        List<Object> params = new ArrayList<>();
        String where = where(all, zone, params);
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Map<String, Long>> bySegment = new HashMap<>();
        Map<String, Map<String, Long>> byPeriod = new HashMap<>();
        Map<String, Map<Sentiment, Long>> sentiments = new HashMap<>();
        Map<String, Map<String, Map<Sentiment, Long>>> sentimentsByPeriod = new HashMap<>();
        Map<Sentiment, Long> overall = new EnumMap<>(Sentiment.class);
        Map<String, Long> commentsByPeriod = new TreeMap<>();
        long[] comments = {0};
        List<TopicMatcher> matchers = new ArrayList<>();
        try {
            // PostgreSQL streams the rows only inside a transaction.
            Jdbc.inTransaction(dataSource, connection -> {
                TopicMatcher matcher = Topics.matcher(connection);
                matchers.add(matcher);
                long[] last = {-1};
                List<List<String>> themes = new ArrayList<>(List.of(List.of()));
                Jdbc.stream(
                        connection,
                        """
                        SELECT a.id, r.submitted_at, a.text_value, g.segment_key
                         FROM answer a JOIN question q ON q.id = a.question_id JOIN response r ON r.id = a.response_id
                         LEFT JOIN response_segment rs ON rs.response_id = r.id
                         LEFT JOIN segment g ON g.id = rs.segment_id WHERE %s ORDER BY a.id""".formatted(where),
                        rs -> {
                            long id = rs.getLong(1);
                            String segment = rs.getString(4);
                            if (id != last[0]) {
                                last[0] = id;
                                comments[0]++;
                                String text = rs.getString(3);
                                themes.set(0, matcher.keys(text));
                                Sentiment sentiment = Sentiment.of(text);
                                overall.merge(sentiment, 1L, Long::sum);
                                LocalDate day = rs.getObject(2, LocalDateTime.class)
                                        .toInstant(ZoneOffset.UTC)
                                        .atZone(zone)
                                        .toLocalDate();
                                String period = granularity.label(granularity.start(day));
                                commentsByPeriod.merge(period, 1L, Long::sum);
                                for (String theme : themes.get(0)) {
                                    sentimentsByPeriod
                                            .computeIfAbsent(theme, t -> new TreeMap<>())
                                            .computeIfAbsent(period, p -> new EnumMap<>(Sentiment.class))
                                            .merge(sentiment, 1L, Long::sum);
                                    totals.computeIfAbsent(theme, t -> new long[1])[0]++;
                                    byPeriod.computeIfAbsent(theme, t -> new TreeMap<>())
                                            .merge(period, 1L, Long::sum);
                                    sentiments
                                            .computeIfAbsent(theme, t -> new EnumMap<>(Sentiment.class))
                                            .merge(sentiment, 1L, Long::sum);
                                }
                            }
                            if (segment != null) {
                                for (String theme : themes.get(0)) {
                                    bySegment
                                            .computeIfAbsent(theme, t -> new TreeMap<>())
                                            .merge(segment, 1L, Long::sum);
                                }
                            }
                        },
                        params.toArray());
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Reading comments failed", e);
        }
        List<ThemeCount> counts = new ArrayList<>();
        for (Topic topic : matchers.get(0).topics()) {
            if (!topic.enabled()) {
                continue;
            }
            String key = topic.key();
            counts.add(new ThemeCount(
                    topic,
                    totals.getOrDefault(key, new long[1])[0],
                    bySegment.getOrDefault(key, Map.of()),
                    byPeriod.getOrDefault(key, Map.of()),
                    sentiments.getOrDefault(key, Map.of()),
                    sentimentsByPeriod.getOrDefault(key, Map.of())));
        }
        counts.sort((a, b) -> Long.compare(b.comments(), a.comments()));
        return new ThemeSummary(comments[0], counts, overall, commentsByPeriod);
    }

    private static String where(CommentFilter filter, ZoneId zone, List<Object> params) {
        StringBuilder where =
                new StringBuilder("q.question_type IN ('SHORT_TEXT', 'LONG_TEXT') AND a.text_value IS NOT NULL");
        ResponseConditions.append(filter, zone, where, params);
        if (filter.questionKey() != null) {
            where.append(" AND q.question_key = ?");
            params.add(filter.questionKey());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" AND LOWER(a.text_value) LIKE ? ESCAPE '\\'");
            params.add("%" + like(filter.search().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    /** Escapes LIKE's wildcards, so a search for "100%" finds exactly that. */
    static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The first scored question's score of each response: {question key, score}. */
    private static Map<Long, Object[]> scores(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Object[]> scores = new HashMap<>();
        if (ids.isEmpty()) {
            return scores;
        }
        Jdbc.stream(
                connection,
                """
                SELECT a.response_id, q.question_key, a.score FROM answer a JOIN question q ON q.id = a.question_id
                 WHERE a.score IS NOT NULL AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')
                 AND a.response_id IN (%s) ORDER BY a.response_id, q.position""".formatted(Jdbc.placeholders(ids.size())),
                rs -> scores.putIfAbsent(rs.getLong(1), new Object[] {rs.getString(2), rs.getInt(3)}),
                ids.toArray());
        return scores;
    }

    private static Map<Long, List<String>> segments(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> segments = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return segments;
        }
        Jdbc.stream(
                connection,
                """
                SELECT rs.response_id, g.segment_key FROM response_segment rs JOIN segment g ON g.id = rs.segment_id
                 WHERE rs.response_id IN (%s) ORDER BY rs.response_id, g.segment_key""".formatted(Jdbc.placeholders(ids.size())),
                rs -> segments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)),
                ids.toArray());
        return segments;
    }
}
