package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads what a driver analysis needs of a survey's responses, filtered like every analytics figure
 * ({@link ResponseConditions}), in one streamed query: per response the outcome's score, the scores of the rating
 * questions, the options chosen in the choice questions, and the topics ({@link Topic}, by key) of its comments. Responses
 * without the outcome are left out.
 */
@ApplicationScoped
public class DriverReader {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    public DriverReader() {}

    public DriverReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which responses and which of their answers: the outcome question and the driver questions, by key. */
    public record Request(
            CommentFilter filter,
            ZoneId zone,
            String outcome,
            Set<String> scaleQuestions,
            Set<String> choiceQuestions,
            Set<String> textQuestions) {}

    /** One response's answers as the analysis uses them. */
    public record Answers(
            int outcome, Map<String, Integer> scores, Map<String, Set<String>> options, Set<String> topics) {}

    /** The stored topics, as the analysis reads them. */
    public List<Topic> topics() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Topics.read(c);
        }
    }

    /** The responses with the outcome answered, in the order of their ids. */
    public List<Answers> read(Request request) throws SQLException {
        List<String> keys = new ArrayList<>();
        keys.add(request.outcome());
        keys.addAll(request.scaleQuestions());
        keys.addAll(request.choiceQuestions());
        keys.addAll(request.textQuestions());
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, q.question_key, a.option_code, a.score, a.text_value
                FROM response r JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                WHERE q.question_key IN (%s)""".formatted(Jdbc.placeholders(keys.size())));
        List<Object> parameters = new ArrayList<>(keys);
        ResponseConditions.append(request.filter(), request.zone(), sql, parameters);
        sql.append(" ORDER BY r.id");
        Map<Long, Builder> responses = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            TopicMatcher matcher = Topics.matcher(c);
            Jdbc.stream(
                    c,
                    sql.toString(),
                    rs -> {
                        Builder b = responses.computeIfAbsent(rs.getLong(1), id -> new Builder());
                        String key = rs.getString(2);
                        int score = rs.getInt(4);
                        Integer value = rs.wasNull() ? null : score;
                        if (key.equals(request.outcome())) {
                            b.outcome = value == null ? b.outcome : value;
                        } else if (request.scaleQuestions().contains(key) && value != null) {
                            b.scores.put(key, value);
                        } else if (request.choiceQuestions().contains(key) && rs.getString(3) != null) {
                            b.options.computeIfAbsent(key, k -> new HashSet<>()).add(rs.getString(3));
                        } else if (request.textQuestions().contains(key)) {
                            b.topics.addAll(matcher.keys(rs.getString(5)));
                        }
                    },
                    parameters.toArray());
        }
        return responses.values().stream()
                .filter(b -> b.outcome != null)
                .map(b -> new Answers(b.outcome, b.scores, b.options, b.topics))
                .toList();
    }

    private static final class Builder {
        Integer outcome;
        final Map<String, Integer> scores = new HashMap<>();
        final Map<String, Set<String>> options = new HashMap<>();
        final Set<String> topics = new HashSet<>();
    }
}
