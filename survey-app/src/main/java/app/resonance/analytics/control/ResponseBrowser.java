package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The response browser: a survey's responses, newest first, a page at a time by keyset ("after this response"),
 * never by offset, so that a page costs the same however deep it is and responses arriving meanwhile neither
 * repeat nor skip a row. Each row carries the score of the survey's metric question and the first comment.
 */
@ApplicationScoped
public class ResponseBrowser {

    /** Candidates read at a time while a topic is checked in Java (SQL narrows by substring only). */
    static final int TOPIC_BATCH = 200;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    public ResponseBrowser() {}

    public ResponseBrowser(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where a page starts: after the response submitted at {@code submittedAt} (UTC) with this id. */
    public record Cursor(LocalDateTime submittedAt, long id) implements Serializable {

        /** Opaque to clients: base64url of "time|id". */
        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((submittedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        public static Optional<Cursor> decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return parts.length == 2
                        ? Optional.of(new Cursor(LocalDateTime.parse(parts[0]), Long.parseLong(parts[1])))
                        : Optional.empty();
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** One response in the list. Customer null: none, or an anonymous survey. */
    public record Row(
            long id,
            Instant submittedAt,
            int version,
            String status,
            String channel,
            String locale,
            String customer,
            String scoreQuestion,
            Integer score,
            String comment,
            List<String> topics)
            implements Serializable {}

    /** A page and the cursor of the next one (null on the last page). */
    public record Page(List<Row> rows, Cursor next) implements Serializable {}

    public Page page(BrowseFilter filter, ZoneId zone, Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, zone, params);
        boolean topic = filter.conditions().theme() != null;
        int batch = topic ? Math.max(TOPIC_BATCH, limit + 1) : limit + 1;
        try (Connection connection = dataSource.getConnection()) {
            TopicMatcher matcher = Topics.matcher(connection);
            List<Object[]> found = new ArrayList<>();
            Map<Long, Answers> answers = new HashMap<>();
            Cursor from = after;
            while (found.size() <= limit) {
                List<Object> bound = new ArrayList<>(params);
                String page = where;
                if (from != null) {
                    // The first condition lets the index scan start at the cursor; the second orders equal times.
                    page += " AND r.submitted_at <= ? AND (r.submitted_at < ? OR r.id < ?)";
                    bound.addAll(List.of(from.submittedAt(), from.submittedAt(), from.id()));
                }
                List<Object[]> candidates = Jdbc.list(
                        connection,
                        "SELECT r.id, r.submitted_at, v.version_no, r.status, r.channel, r.locale, c.external_id"
                                + " FROM response r JOIN survey_version v ON v.id = r.survey_version_id"
                                + " LEFT JOIN customer c ON c.id = r.customer_id WHERE " + page
                                + " ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST " + batch + " ROWS ONLY",
                        rs -> new Object[] {
                            rs.getLong(1),
                            rs.getObject(2, LocalDateTime.class),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)
                        },
                        bound.toArray());
                answers.putAll(answers(connection, candidates, filter.scoreQuestion()));
                for (Object[] candidate : candidates) {
                    Answers a = answers.get((Long) candidate[0]);
                    if (!topic
                            || (a != null
                                    && a.texts.stream()
                                            .anyMatch(t -> matcher.matches(
                                                    filter.conditions().theme(), t)))) {
                        found.add(candidate);
                    }
                }
                if (!topic || candidates.size() < batch) {
                    break;
                }
                Object[] last = candidates.get(candidates.size() - 1);
                from = new Cursor((LocalDateTime) last[1], (Long) last[0]);
            }
            List<Row> rows = new ArrayList<>();
            for (Object[] r : found.subList(0, Math.min(limit, found.size()))) {
                Answers a = answers.getOrDefault((Long) r[0], new Answers());
                String comment = a.texts.isEmpty() ? null : a.texts.get(0);
                rows.add(new Row(
                        (Long) r[0],
                        ((LocalDateTime) r[1]).toInstant(ZoneOffset.UTC),
                        (Integer) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        filter.anonymous() ? null : (String) r[6],
                        a.scoreQuestion,
                        a.score,
                        comment,
                        a.texts.stream()
                                .flatMap(t -> matcher.keys(t).stream())
                                .distinct()
                                .toList()));
            }
            Object[] last = found.size() > limit ? found.get(limit - 1) : null;
            Cursor next = last == null ? null : new Cursor((LocalDateTime) last[1], (Long) last[0]);
            return new Page(rows, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading responses failed", e);
        }
    }

    /** The WHERE clause over {@code response r}: the shared conditions, then the browser's own. */
    static String where(BrowseFilter filter, ZoneId zone, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        CommentFilter c = filter.conditions();
        ResponseConditions.append(c, zone, where, params);
        if (filter.versionId() != null) {
            where.append(" AND r.survey_version_id = ?");
            params.add(filter.versionId());
        }
        if (filter.customerId() != null) {
            where.append(" AND r.customer_id = ?");
            params.add(filter.customerId());
        }
        if (filter.scoreLow() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM answer s JOIN question sq ON sq.id = s.question_id"
                    + " WHERE s.response_id = r.id AND sq.question_key = ? AND s.score BETWEEN ? AND ?)");
            params.addAll(List.of(filter.scoreQuestion(), filter.scoreLow(), filter.scoreHigh()));
        }
        List<String> patterns = new ArrayList<>();
        if (c.search() != null && !c.search().isBlank()) {
            patterns.add("%" + Comments.like(c.search().strip().toLowerCase(Locale.ROOT)) + "%");
            text(where, params, patterns);
            patterns.clear();
        }
        if (c.theme() != null) {
            // The analyzer decides on the topic; SQL only keeps the responses with a comment.
            text(where, params, patterns);
        }
        return where.toString();
    }

    /** A comment of the response contains one of the patterns (LIKE, lower case). */
    private static void text(StringBuilder where, List<Object> params, List<String> patterns) {
        where.append(" AND EXISTS (SELECT 1 FROM answer t JOIN question tq ON tq.id = t.question_id"
                + " WHERE t.response_id = r.id AND tq.question_type IN ('SHORT_TEXT', 'LONG_TEXT') AND (");
        if (patterns.isEmpty()) {
            where.append("1 = 1");
        }
        for (int i = 0; i < patterns.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("LOWER(t.text_value) LIKE ? ESCAPE '\\'");
            params.add(patterns.get(i));
        }
        where.append("))");
    }

    /** A response's comments in question order and the score of the question the list shows. */
    private static final class Answers {
        final List<String> texts = new ArrayList<>();
        String scoreQuestion;
        Integer score;
    }

    /** The comments and the score of each candidate (the metric question's; else the first scored one). */
    private static Map<Long, Answers> answers(Connection connection, List<Object[]> candidates, String scoreQuestion)
            throws SQLException {
        Map<Long, Answers> answers = new HashMap<>();
        if (candidates.isEmpty()) {
            return answers;
        }
        List<Object> ids = candidates.stream().map(c -> c[0]).toList();
        Jdbc.stream(
                connection,
                """
                SELECT a.response_id, q.question_key, q.question_type, a.score, a.text_value FROM answer a
                 JOIN question q ON q.id = a.question_id WHERE a.response_id IN (%s)
                 AND (a.text_value IS NOT NULL OR (a.score IS NOT NULL AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING')))
                 ORDER BY a.response_id, q.position, a.id""".formatted(Jdbc.placeholders(ids.size())),
                rs -> {
                    Answers a = answers.computeIfAbsent(rs.getLong(1), k -> new Answers());
                    String type = rs.getString(3);
                    if (type.endsWith("_TEXT")) {
                        a.texts.add(rs.getString(5));
                    } else if (a.score == null || rs.getString(2).equals(scoreQuestion)) {
                        a.scoreQuestion = rs.getString(2);
                        a.score = rs.getInt(4);
                    }
                },
                ids.toArray());
        return answers;
    }
}
