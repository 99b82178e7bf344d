package app.resonance.analytics.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Writes responses, answers, segments and outbox events by JDBC, as the submission paths do (one event
 * per write), on a database with the demo loaded.
 */
final class Fixture {

    private static final String[] CHANNELS = {"LINK", "EMAIL", "WIDGET", "API", "IMPORT", "INVITATION"};
    private static final String[] LOCALES = {"de", "en"};

    /** A scored question of a demo survey. */
    record Scored(long surveyId, long versionId, long questionId, int min, int max) {}

    private final DataSource dataSource;
    private final List<List<Scored>> surveys = new ArrayList<>();
    private final List<Long> segments = new ArrayList<>();
    private long nextResponse = 50_000_000;
    private long nextAnswer = 50_000_000;
    /** Above the ids the demo loader takes from response_event_seq. */
    private long nextEvent = 8_000_000_000L;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    Fixture(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        for (String slug : List.of("relationship-nps", "post-support-csat", "support-effort-ces", "product-feedback")) {
            List<Scored> scored = new ArrayList<>();
            try (var connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("SELECT s.id, v.id, q.id, q.scale_min, q.scale_max"
                            + " FROM survey s JOIN survey_version v ON v.id = s.published_version_id"
                            + " JOIN question q ON q.survey_version_id = v.id WHERE s.slug = ?"
                            + " AND q.question_type IN ('NPS', 'CSAT', 'CES', 'RATING') ORDER BY q.position")) {
                statement.setString(1, slug);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        scored.add(new Scored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)));
                    }
                }
            }
            surveys.add(scored);
        }
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id FROM segment ORDER BY id")) {
            while (rs.next()) {
                segments.add(rs.getLong(1));
            }
        }
    }

    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    long count(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long surveyId(String slug) throws SQLException {
        return count("SELECT id FROM survey WHERE slug = '" + slug + "'");
    }

    void drain() throws SQLException {
        while (inTransaction(c -> new RollupUpdater(c, ZoneId.of("Europe/Berlin"))
                        .applyPendingEvents(1000)
                        .events())
                > 0) {}
    }

    /** A new response to a random demo survey; a partial one has scores for some questions only. */
    long insertResponse(Random random, Instant at, boolean partial) throws SQLException {
        List<Scored> questions = surveys.get(random.nextInt(surveys.size()));
        long id = nextResponse++;
        inTransaction(c -> {
            response(
                    c,
                    id,
                    questions.get(0),
                    at,
                    partial,
                    CHANNELS[random.nextInt(CHANNELS.length)],
                    LOCALES[random.nextInt(2)]);
            for (Scored q : questions) {
                if (!partial || random.nextBoolean()) {
                    answer(c, id, q.questionId(), q.min() + random.nextInt(q.max() - q.min() + 1));
                }
            }
            for (Long segment : segments) {
                if (random.nextDouble() < 0.3) {
                    update(c, "INSERT INTO response_segment (response_id, segment_id) VALUES (?, ?)", id, segment);
                }
            }
            event(c, id, questions.get(0).surveyId(), "CREATED");
            return null;
        });
        return id;
    }

    /** Changes one score of the response, or gives a partial response the score it lacked. */
    void changeScore(long responseId, Random random) throws SQLException {
        inTransaction(c -> {
            long surveyId = single(c, "SELECT survey_id FROM response WHERE id = " + responseId);
            Scored question = surveys.stream()
                    .filter(s -> s.get(0).surveyId() == surveyId)
                    .findFirst()
                    .orElseThrow()
                    .get(0);
            List<Scored> all = surveys.stream()
                    .filter(s -> s.get(0).surveyId() == surveyId)
                    .findFirst()
                    .orElseThrow();
            question = all.get(random.nextInt(all.size()));
            int score = question.min() + random.nextInt(question.max() - question.min() + 1);
            long existing = single(
                    c,
                    "SELECT COUNT(*) FROM answer WHERE response_id = " + responseId + " AND question_id = "
                            + question.questionId());
            if (existing == 0) {
                answer(c, responseId, question.questionId(), score);
                update(c, "UPDATE response SET status = 'COMPLETE' WHERE id = ?", responseId);
            } else {
                update(
                        c,
                        "UPDATE answer SET score = ? WHERE response_id = ? AND question_id = ?",
                        score,
                        responseId,
                        question.questionId());
            }
            event(c, responseId, surveyId, "CHANGED");
            return null;
        });
    }

    void event(long responseId) throws SQLException {
        inTransaction(c -> {
            event(c, responseId, single(c, "SELECT survey_id FROM response WHERE id = " + responseId), "CHANGED");
            return null;
        });
    }

    long insertPartialWithoutScore(long surveyId, Instant at) throws SQLException {
        Scored nps = surveys.stream()
                .filter(s -> s.get(0).surveyId() == surveyId)
                .findFirst()
                .orElseThrow()
                .get(0);
        long id = nextResponse++;
        inTransaction(c -> {
            response(c, id, nps, at, true, "LINK", "de");
            event(c, id, surveyId, "CREATED");
            return null;
        });
        return id;
    }

    /** A complete response to the NPS survey from a customer, with its outbox event. */
    long insertNps(long customerId, Instant at, int score) throws SQLException {
        Scored nps = surveys.get(0).get(0);
        long id = nextResponse++;
        inTransaction(c -> {
            response(c, id, nps, at, false, "EMAIL", "de");
            update(c, "UPDATE response SET customer_id = ? WHERE id = ?", customerId, id);
            answer(c, id, nps.questionId(), score);
            event(c, id, nps.surveyId(), "CREATED");
            return null;
        });
        return id;
    }

    void addScore(long responseId, int score) throws SQLException {
        inTransaction(c -> {
            long surveyId = single(c, "SELECT survey_id FROM response WHERE id = " + responseId);
            Scored nps = surveys.stream()
                    .filter(s -> s.get(0).surveyId() == surveyId)
                    .findFirst()
                    .orElseThrow()
                    .get(0);
            answer(c, responseId, nps.questionId(), score);
            return null;
        });
    }

    void setScore(long responseId, int score) throws SQLException {
        inTransaction(c -> {
            update(c, "UPDATE answer SET score = ? WHERE response_id = ?", score, responseId);
            return null;
        });
    }

    private void response(Connection c, long id, Scored q, Instant at, boolean partial, String channel, String locale)
            throws SQLException {
        LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        update(
                c,
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
                id,
                q.surveyId(),
                q.versionId(),
                channel,
                locale,
                partial ? "PARTIAL" : "COMPLETE",
                utc,
                utc,
                utc);
    }

    private void answer(Connection c, long responseId, long questionId, int score) throws SQLException {
        update(
                c,
                "INSERT INTO answer (id, response_id, question_id, row_code, option_code, score, text_value)"
                        + " VALUES (?, ?, ?, NULL, NULL, ?, NULL)",
                nextAnswer++,
                responseId,
                questionId,
                score);
    }

    private void event(Connection c, long responseId, long surveyId, String kind) throws SQLException {
        update(
                c,
                "INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at) VALUES (?, ?, ?, ?, ?)",
                nextEvent++,
                responseId,
                surveyId,
                kind,
                LocalDateTime.now(ZoneOffset.UTC));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
