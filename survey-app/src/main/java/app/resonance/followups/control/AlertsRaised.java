package app.resonance.followups.control;

import app.resonance.followups.entity.AlertKind;
import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The alert rules created tasks: fired synchronously inside the transaction that raised the alerts, so that
 * observers (notifications, webhook events) write on the same {@link #connection()} and a message exists exactly
 * when its alert does. Fired once per new task, never for a retry that found the task there.
 */
public record AlertsRaised(
        Connection connection,
        Instant now,
        List<Long> followUpIds,
        Map<Long, Instant> notifyAt,
        Map<Long, Instant> untaskedNotifyAt,
        Map<Long, Instant> untaskedWindowAlerts) {

    /**
     * @param notifyAt when each task's notifications may go out (the end of its rules' quiet hours); a task not
     *     here is told by no notification (its rules only make tasks)
     * @param untaskedNotifyAt the responses whose new alerts came only from rules that notify without a task, with
     *     when their notifications may go out
     */
    public AlertsRaised {
        followUpIds = List.copyOf(followUpIds);
        notifyAt = Map.copyOf(notifyAt);
        untaskedNotifyAt = Map.copyOf(untaskedNotifyAt);
        untaskedWindowAlerts = Map.copyOf(untaskedWindowAlerts);
    }

    /** Tasks and response alerts, no window alert without a task. */
    public AlertsRaised(
            Connection connection,
            Instant now,
            List<Long> followUpIds,
            Map<Long, Instant> notifyAt,
            Map<Long, Instant> untaskedNotifyAt) {
        this(connection, now, followUpIds, notifyAt, untaskedNotifyAt, Map.of());
    }

    /** New tasks whose notifications go out now. */
    public AlertsRaised(Connection connection, Instant now, List<Long> followUpIds) {
        this(
                connection,
                now,
                followUpIds,
                followUpIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> now)),
                Map.of());
    }

    /**
     * What observers tell about the alerts of a response that made no task (its rules only notify), read on the
     * transaction's connection: the alerts without a task, the survey, the customer and the comment.
     */
    public record Untasked(
            long responseId,
            long surveyId,
            String survey,
            String customer,
            String customerId,
            List<Raised> alerts,
            Optional<String> comment) {}

    /**
     * An alert on a window of responses (a segment's decline) whose rule notifies without a task: the alert, its
     * survey and the segment's key, for a message that links to the segment's dashboard.
     */
    public record WindowAlert(long surveyId, String survey, Raised alert) {}

    /** A window alert without a task by its id; empty when it is gone or has a task. */
    public Optional<WindowAlert> windowAlert(long alertId) throws SQLException {
        Optional<Raised> alert = Jdbc.first(
                connection, RAISED + " WHERE a.id = ? AND a.follow_up_id IS NULL", AlertsRaised::raised, alertId);
        if (alert.isEmpty()) {
            return Optional.empty();
        }
        record Row(long surveyId, String slug) {}
        return Jdbc.first(
                        connection,
                        "SELECT s.id, s.slug FROM alert a JOIN survey s ON s.id = a.survey_id WHERE a.id = ?",
                        rs -> new Row(rs.getLong(1), rs.getString(2)),
                        alertId)
                .map(r -> new WindowAlert(r.surveyId(), r.slug(), alert.get()));
    }

    /** The response's alerts without a task; empty when the response or such alerts are gone. */
    public Optional<Untasked> untasked(long responseId) throws SQLException {
        record Row(long surveyId, String slug, String customer, String customerId) {}
        Optional<Row> row = Jdbc.first(
                connection,
                "SELECT r.survey_id, s.slug, c.name, c.external_id FROM response r JOIN survey s ON s.id = r.survey_id"
                        + " LEFT JOIN customer c ON c.id = r.customer_id WHERE r.id = ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                responseId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Raised> alerts = Jdbc.list(
                connection,
                RAISED + " WHERE a.response_id = ? AND a.follow_up_id IS NULL" + " ORDER BY a.id",
                AlertsRaised::raised,
                responseId);
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        return Optional.of(new Untasked(
                responseId, r.surveyId(), r.slug(), r.customer(), r.customerId(), alerts, comment(responseId)));
    }

    private static final String RAISED = "SELECT a.id, a.kind, a.score, a.previous_score, a.topic_key, g.segment_key,"
            + " a.figure, a.previous_figure, a.p_value FROM alert a LEFT JOIN segment g ON g.id = a.segment_id";

    private static Raised raised(java.sql.ResultSet rs) throws SQLException {
        return new Raised(
                rs.getLong(1),
                AlertKind.valueOf(rs.getString(2)),
                rs.getObject(3) == null ? null : rs.getInt(3),
                rs.getObject(4) == null ? null : rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7) == null ? null : rs.getDouble(7),
                rs.getObject(8) == null ? null : rs.getDouble(8),
                rs.getObject(9) == null ? null : rs.getDouble(9));
    }

    /** The response's comments (its text answers in question order), one per line; empty for none. */
    private Optional<String> comment(long responseId) throws SQLException {
        String joined = String.join(
                        "\n",
                        Jdbc.list(
                                connection,
                                "SELECT a.text_value FROM answer a JOIN question q ON q.id = a.question_id"
                                        + " WHERE a.response_id = ? AND a.text_value IS NOT NULL"
                                        + " AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT')"
                                        + " ORDER BY q.position, a.id",
                                rs -> rs.getString(1).strip(),
                                responseId))
                .strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /**
     * One alert of a task.
     *
     * @param topic the key of the topic whose share rose (TOPIC_RISE), else null
     * @param segment the key of the segment whose score fell (SEGMENT_DECLINE), else null
     * @param figure the window's figure of a segment decline or a topic rise (NPS or the topic's share), else null
     * @param previousFigure the window before
     * @param pValue the test's p-value (Holm-adjusted for a topic rise)
     */
    public record Raised(
            long id,
            AlertKind kind,
            Integer score,
            Integer previousScore,
            String topic,
            String segment,
            Double figure,
            Double previousFigure,
            Double pValue) {}

    /**
     * What observers tell about a new task, read on the transaction's connection.
     *
     * @param customer the customer's name, null for none
     * @param segment the segment's English and German names, null for none
     * @param topic the English and German names of the topic whose share rose (a topic rise's task), null for none
     */
    public record Task(
            long id,
            long surveyId,
            String survey,
            Long responseId,
            String customer,
            String customerId,
            String[] segment,
            String[] topic,
            String assignee,
            LocalDate dueDate,
            List<Raised> alerts,
            Optional<String> comment) {}

    /** The task as it stands in this transaction; empty when it is gone. */
    public Optional<Task> task(long followUpId) throws SQLException {
        Connection c = connection;
        record Row(
                long surveyId,
                String slug,
                Long responseId,
                String customer,
                String customerId,
                String[] segment,
                String assignee,
                LocalDate due) {}
        Optional<Row> row = Jdbc.first(
                c,
                "SELECT f.survey_id, s.slug, f.response_id, c.name, c.external_id, g.name_en, g.name_de, u.username,"
                        + " f.due_date FROM follow_up f JOIN survey s ON s.id = f.survey_id"
                        + " LEFT JOIN customer c ON c.id = f.customer_id LEFT JOIN segment g ON g.id = f.segment_id"
                        + " LEFT JOIN app_user u ON u.id = f.assignee_id WHERE f.id = ?",
                rs -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? null : new String[] {rs.getString(6), rs.getString(7)},
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class)),
                followUpId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        List<Raised> alerts =
                Jdbc.list(c, RAISED + " WHERE a.follow_up_id = ? ORDER BY a.id", AlertsRaised::raised, followUpId);
        Optional<String> comment = r.responseId() == null ? Optional.empty() : comment(r.responseId());
        // a removed topic is named by its key
        String[] topic = Jdbc.first(
                        c,
                        "SELECT a.topic_key, t.name_en, t.name_de FROM alert a LEFT JOIN topic t"
                                + " ON t.topic_key = a.topic_key WHERE a.follow_up_id = ? AND a.topic_key IS NOT NULL"
                                + " ORDER BY a.id",
                        rs -> rs.getString(2) == null
                                ? new String[] {rs.getString(1), rs.getString(1)}
                                : new String[] {rs.getString(2), rs.getString(3)},
                        followUpId)
                .orElse(null);
        return Optional.of(new Task(
                followUpId,
                r.surveyId(),
                r.slug(),
                r.responseId(),
                r.customer(),
                r.customerId(),
                r.segment(),
                topic,
                r.assignee(),
                r.due(),
                alerts,
                comment));
    }
}
