package app.resonance.followups.control;

import app.resonance.analytics.control.RollupUpdater.ScoreChange;
import app.resonance.followups.entity.AlertAction;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.AlertRuleKind;
import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert rules ({@link AlertRule}, rows of {@code alert_rule} an admin edits), run by the rollup updater inside
 * the transaction that moved the scores, so every rule fires exactly once per response (a unique key per rule and
 * response guards retries too). The default rules do what the fixed rules did before: a score that becomes a
 * detractor (0-6 on NPS, new or changed from 7-10) raises DETRACTOR; if the customer's previous NPS score was 9-10
 * also PROMOTER_TO_DETRACTOR; if the customer renews within {@code renewalDays} also RENEWAL_AT_RISK. Custom rules
 * add low CSAT, CES or rating scores and keywords in comments, limited to surveys, segments and channels. Every
 * alert names its rule. The alerts of one response whose rules make tasks become one follow-up task, assigned to the
 * enabled support lead with the fewest open tasks (unassigned when there is none), due in {@code dueDays} days;
 * alerts of NOTIFY-only rules are recorded without a task and notified about the response
 * ({@link #untaskedNotifyAt()}). Backfilled responses given more than {@value
 * #RECENT_DAYS} days ago raise no alerts: nobody follows up a year-old score.
 *
 * <p>Anonymous responses (no customer: nobody can call them back) raise nothing unless the follow-up rule
 * ({@code follow_up_rule.anonymous_detractors}, set by an admin) says so. Within any hour, one client (the keyed
 * hash of its address stored on the response) creates at most {@code perClientHour} tasks and one survey at
 * most {@code perSurveyHour}; a response beyond either cap is held back: it raises no alert, task or mail
 * and is counted in {@code held_alert} (once per response), which the console reports.
 */
public final class AlertRules {

    static final int RECENT_DAYS = 30;

    private final Connection connection;
    private final Instant now;
    private final LocalDate today;
    private final int renewalDays;
    private final int dueDays;
    private final Caps caps;
    private final Map<Long, Instant> notifyAt = new HashMap<>();
    private final Map<Long, Instant> untaskedNotifyAt = new HashMap<>();
    private final Map<Long, Instant> untaskedWindowAlerts = new HashMap<>();

    /** How many tasks one client and one survey may create within an hour. */
    public record Caps(int perClientHour, int perSurveyHour) {
        public static final int PER_CLIENT_HOUR = 5;
        public static final int PER_SURVEY_HOUR = 200;

        public static Caps defaults() {
            return new Caps(PER_CLIENT_HOUR, PER_SURVEY_HOUR);
        }
    }

    public AlertRules(Connection connection, Instant now, LocalDate today, int renewalDays, int dueDays) {
        this(connection, now, today, renewalDays, dueDays, Caps.defaults());
    }

    public AlertRules(Connection connection, Instant now, LocalDate today, int renewalDays, int dueDays, Caps caps) {
        this.connection = connection;
        this.now = now;
        this.today = today;
        this.renewalDays = renewalDays;
        this.dueDays = dueDays;
        this.caps = caps;
    }

    /** A follow-up created by the rules, to notify its assignee once the transaction committed. */
    public record Created(long followUpId, Long assigneeId) {}

    public List<Created> apply(List<ScoreChange> changes) throws SQLException {
        List<AlertRule> rules = active();
        List<Created> created = new ArrayList<>();
        for (ScoreChange change : changes) {
            List<AlertRule> triggered =
                    rules.stream().filter(r -> r.triggeredBy(change)).toList();
            if (!triggered.isEmpty()) {
                fire(change, triggered).ifPresent(created::add);
            }
        }
        return created;
    }

    /**
     * When each new task's notifications may go out (the latest end of quiet hours among the rules that fired and
     * notify); a task whose rules only make tasks is not here.
     */
    public Map<Long, Instant> notifyAt() {
        return Map.copyOf(notifyAt);
    }

    /**
     * The responses whose new alerts came only from rules that notify without making a task, with when their
     * notifications may go out (the latest end of quiet hours among those rules).
     */
    public Map<Long, Instant> untaskedNotifyAt() {
        return Map.copyOf(untaskedNotifyAt);
    }

    /** The new window alerts (a segment's decline) of rules that notify without a task, with when they may go out. */
    public Map<Long, Instant> untaskedWindowAlerts() {
        return Map.copyOf(untaskedWindowAlerts);
    }

    /** The rules that are not paused, in id order. */
    private List<AlertRule> active() throws SQLException {
        return Jdbc.list(
                connection,
                "SELECT " + COLUMNS + " FROM alert_rule WHERE paused = FALSE ORDER BY id",
                AlertRules::rule);
    }

    /** The columns of {@code alert_rule} that {@link #rule(java.sql.ResultSet)} reads, in its order. */
    public static final String COLUMNS = "id, name, kind, question_type, threshold, renewal_days, keywords, survey_ids,"
            + " segment_ids, channels, action, quiet_start, quiet_end, paused, window_days, significance, min_responses";

    /** The active SEGMENT_TREND rules, in id order. */
    public static List<AlertRule> activeTrendRules(Connection connection) throws SQLException {
        return Jdbc.list(
                connection,
                "SELECT " + COLUMNS + " FROM alert_rule WHERE paused = FALSE AND kind = 'SEGMENT_TREND' ORDER BY id",
                AlertRules::rule);
    }

    /** A rule from its row (the {@link #COLUMNS} first). */
    public static AlertRule rule(java.sql.ResultSet rs) throws SQLException {
        return new AlertRule(
                rs.getLong(1),
                rs.getString(2),
                AlertRuleKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getObject(5) == null ? null : rs.getInt(5),
                rs.getObject(6) == null ? null : rs.getInt(6),
                split(rs.getString(7)),
                split(rs.getString(8)).stream().map(Long::valueOf).collect(Collectors.toSet()),
                split(rs.getString(9)).stream().map(Long::valueOf).collect(Collectors.toSet()),
                Set.copyOf(split(rs.getString(10))),
                AlertAction.valueOf(rs.getString(11)),
                rs.getString(12) == null ? null : LocalTime.parse(rs.getString(12)),
                rs.getString(13) == null ? null : LocalTime.parse(rs.getString(13)),
                rs.getBoolean(14),
                rs.getObject(15) == null ? null : new AlertRule.Trend(rs.getInt(15), rs.getDouble(16), rs.getInt(17)));
    }

    /** The items of a comma-separated column; none for null. */
    public static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private java.util.Optional<Created> fire(ScoreChange change, List<AlertRule> triggered) throws SQLException {
        long responseId = change.responseId();
        Long customerId = null;
        LocalDateTime submitted = null;
        LocalDate renewal = null;
        String client = null;
        String channel = null;
        try (var statement = connection.prepareStatement("SELECT r.customer_id, r.submitted_at, c.renewal_date,"
                + " r.client_key, r.channel FROM response r LEFT JOIN customer c ON c.id = r.customer_id"
                + " WHERE r.id = ?")) {
            statement.setLong(1, responseId);
            try (var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                customerId = rs.getObject(1) == null ? null : rs.getLong(1);
                submitted = rs.getObject(2, LocalDateTime.class);
                renewal = rs.getObject(3, LocalDate.class);
                client = rs.getString(4);
                channel = rs.getString(5);
            }
        }
        if (submitted.toLocalDate().isBefore(today.minusDays(RECENT_DAYS))) {
            return java.util.Optional.empty();
        }
        if (customerId == null && !anonymousDetractorsFollowedUp()) {
            return java.util.Optional.empty();
        }
        boolean promoterAsked = triggered.stream().anyMatch(r -> r.kind() == AlertRuleKind.PROMOTER_TO_DETRACTOR);
        boolean commentAsked = triggered.stream().anyMatch(r -> r.kind() == AlertRuleKind.KEYWORD);
        AlertRule.Facts facts = new AlertRule.Facts(
                change.surveyId(),
                Set.copyOf(Jdbc.list(
                        connection,
                        "SELECT segment_id FROM response_segment WHERE response_id = ?",
                        rs -> rs.getLong(1),
                        responseId)),
                channel,
                customerId == null || !promoterAsked ? null : previousNps(customerId, responseId, submitted),
                renewal,
                today,
                renewalDays,
                commentAsked ? comment(responseId) : null);
        List<AlertRule> firing = triggered.stream().filter(r -> r.fires(facts)).toList();
        if (firing.isEmpty()) {
            return java.util.Optional.empty();
        }
        String key = "response:" + responseId;
        boolean task = firing.stream().anyMatch(r -> r.action().task());
        boolean known = exists("follow_up", key);
        if (task && !known) {
            String cap = capReached(change.surveyId(), client);
            if (cap != null) {
                hold(responseId, change.surveyId(), cap);
                return java.util.Optional.empty();
            }
        }
        List<Long> taskRules = firing.stream()
                .filter(r -> r.action().task())
                .map(AlertRule::id)
                .toList();
        Long followUp = task ? followUp(change.surveyId(), responseId, customerId, null, key, taskRules) : null;
        Instant notify = null;
        for (AlertRule rule : firing) {
            boolean added = alert(
                    rule,
                    change,
                    customerId,
                    rule.kind() == AlertRuleKind.PROMOTER_TO_DETRACTOR ? facts.previousNps() : null,
                    key,
                    followUp);
            if (added && rule.action().notifies()) {
                Instant at = rule.notifyAt(now);
                notify = notify == null || at.isAfter(notify) ? at : notify;
            }
        }
        if (!task) {
            if (notify != null) {
                untaskedNotifyAt.put(responseId, notify);
            }
            return java.util.Optional.empty();
        }
        if (known) {
            return java.util.Optional.empty();
        }
        if (notify != null) {
            notifyAt.put(followUp, notify);
        }
        return java.util.Optional.of(new Created(followUp, assignee(followUp)));
    }

    /** The response's comments (its text answers), one per line. */
    private String comment(long responseId) throws SQLException {
        return String.join(
                "\n",
                Jdbc.list(
                        connection,
                        "SELECT a.text_value FROM answer a JOIN question q ON q.id = a.question_id"
                                + " WHERE a.response_id = ? AND a.text_value IS NOT NULL"
                                + " AND q.question_type IN ('SHORT_TEXT', 'LONG_TEXT') ORDER BY q.position, a.id",
                        rs -> rs.getString(1),
                        responseId));
    }

    /** The admin's rule: do anonymous detractors become tasks? */
    private boolean anonymousDetractorsFollowedUp() throws SQLException {
        try (var statement =
                        connection.prepareStatement("SELECT anonymous_detractors FROM follow_up_rule WHERE id = 1");
                var rs = statement.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** CLIENT or SURVEY when a new task from this client or for this survey would pass its hourly cap. */
    private String capReached(long surveyId, String client) throws SQLException {
        LocalDateTime since = LocalDateTime.ofInstant(now.minusSeconds(3600), ZoneOffset.UTC);
        if (client != null) {
            try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM follow_up f"
                    + " JOIN response r ON r.id = f.response_id WHERE r.client_key = ? AND f.created_at > ?")) {
                statement.setString(1, client);
                statement.setObject(2, since);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= caps.perClientHour()) {
                        return "CLIENT";
                    }
                }
            }
        }
        try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM follow_up"
                + " WHERE survey_id = ? AND response_id IS NOT NULL AND created_at > ?")) {
            statement.setLong(1, surveyId);
            statement.setObject(2, since);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= caps.perSurveyHour() ? "SURVEY" : null;
            }
        }
    }

    /** Counts a held-back detractor once, however often its event is retried. */
    private void hold(long responseId, long surveyId, String cap) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM held_alert WHERE response_id = ?")) {
            statement.setLong(1, responseId);
            try (var rs = statement.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO held_alert (response_id, survey_id, cap, held_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, responseId);
            insert.setLong(2, surveyId);
            insert.setString(3, cap);
            insert.setObject(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** The customer's NPS score in the response before this one, if any. */
    private Integer previousNps(long customerId, long responseId, LocalDateTime submitted) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT a.score FROM response r"
                + " JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id"
                + " WHERE r.customer_id = ? AND r.id <> ? AND r.submitted_at <= ? AND q.question_type = 'NPS'"
                + " AND a.score IS NOT NULL ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST 1 ROWS ONLY")) {
            statement.setLong(1, customerId);
            statement.setLong(2, responseId);
            statement.setObject(3, submitted);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /** Records the rule's alert unless it fired on this response before; answers whether it is new. */
    private boolean alert(
            AlertRule rule, ScoreChange change, Long customerId, Integer previous, String key, Long followUp)
            throws SQLException {
        String dedup = rule.dedupKey(key);
        if (exists("alert", dedup)) {
            return false;
        }
        try (var insert = connection.prepareStatement("INSERT INTO alert (id, kind, survey_id, response_id,"
                + " customer_id, segment_id, score, previous_score, created_at, dedup_key, follow_up_id, rule_id)"
                + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, nextId("alert_seq"));
            insert.setString(2, rule.alertKind().name());
            insert.setLong(3, change.surveyId());
            insert.setLong(4, change.responseId());
            insert.setObject(5, customerId);
            insert.setInt(6, change.after());
            insert.setObject(7, previous);
            insert.setObject(8, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(9, dedup);
            insert.setObject(10, followUp);
            insert.setLong(11, rule.id());
            insert.executeUpdate();
        }
        return true;
    }

    /**
     * A SEGMENT_TREND rule's finding: the segment's figure fell significantly in the window that ends in the rule's
     * {@code period}. One alert per rule, survey, segment and period: the rule's row is locked first, so a second
     * instance checking at the same time waits and then finds the alert (the unique dedup key holds it in any case).
     * A rule that makes tasks gets one task per survey, segment and period (shared with other trend rules there); a
     * rule that notifies holds its notifications until its quiet hours end ({@link #notifyAt()}). Answers the new
     * task; empty when the alert existed, the rule makes no task, or the task existed.
     */
    public java.util.Optional<Created> segmentDecline(
            AlertRule rule,
            long surveyId,
            long segmentId,
            double figure,
            double previousFigure,
            double pValue,
            String period)
            throws SQLException {
        Jdbc.list(connection, "SELECT id FROM alert_rule WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), rule.id());
        String key = "segment:" + surveyId + ":" + segmentId + ":" + period;
        String dedup = rule.dedupKey(key);
        if (exists("alert", dedup)) {
            return java.util.Optional.empty();
        }
        boolean known = exists("follow_up", key);
        Long followUp = rule.action().task() ? followUp(surveyId, null, null, segmentId, key, List.of()) : null;
        long alertId = insertWindowAlert(
                AlertKind.SEGMENT_DECLINE,
                surveyId,
                segmentId,
                null,
                dedup,
                figure,
                previousFigure,
                pValue,
                followUp,
                rule.id());
        if (followUp == null) {
            // a rule that only notifies: the message links to the segment's dashboard
            if (rule.action().notifies()) {
                untaskedWindowAlerts.put(alertId, rule.notifyAt(now));
            }
            return java.util.Optional.empty();
        }
        if (known) {
            return java.util.Optional.empty();
        }
        if (rule.action().notifies()) {
            notifyAt.put(followUp, rule.notifyAt(now));
        }
        return java.util.Optional.of(new Created(followUp, assignee(followUp)));
    }

    /**
     * A topic whose share of a survey's comments rose significantly: one alert and one task per survey, topic and
     * ISO week; the alert holds both windows' shares and the adjusted p-value.
     */
    public java.util.Optional<Created> topicRise(
            long surveyId, String topicKey, double share, double previousShare, double pValue, String period)
            throws SQLException {
        return windowAlert(
                AlertKind.TOPIC_RISE,
                surveyId,
                null,
                topicKey,
                "topic:" + surveyId + ":" + topicKey + ":" + period,
                share,
                previousShare,
                pValue);
    }

    /**
     * An alert on a window of responses rather than on one response (a segment's decline, a topic's rise) with its
     * task, unless one with this key exists: the figure now and before and the p-value.
     */
    private java.util.Optional<Created> windowAlert(
            AlertKind kind,
            long surveyId,
            Long segmentId,
            String topicKey,
            String key,
            double figure,
            double previousFigure,
            double pValue)
            throws SQLException {
        if (exists("alert", kind + ":" + key)) {
            return java.util.Optional.empty();
        }
        Long followUp = followUp(surveyId, null, null, segmentId, key, List.of());
        insertWindowAlert(
                kind, surveyId, segmentId, topicKey, kind + ":" + key, figure, previousFigure, pValue, followUp, null);
        return java.util.Optional.of(new Created(followUp, assignee(followUp)));
    }

    private long insertWindowAlert(
            AlertKind kind,
            long surveyId,
            Long segmentId,
            String topicKey,
            String dedup,
            double figure,
            double previousFigure,
            double pValue,
            Long followUp,
            Long ruleId)
            throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO alert (id, kind, survey_id, segment_id, topic_key,"
                + " figure, previous_figure, p_value, created_at, dedup_key, follow_up_id, rule_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long id = nextId("alert_seq");
            insert.setLong(1, id);
            insert.setString(2, kind.name());
            insert.setLong(3, surveyId);
            insert.setObject(4, segmentId);
            insert.setString(5, topicKey);
            insert.setDouble(6, figure);
            insert.setDouble(7, previousFigure);
            insert.setDouble(8, pValue);
            insert.setObject(9, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(10, dedup);
            insert.setObject(11, followUp);
            insert.setObject(12, ruleId);
            insert.executeUpdate();
            return id;
        }
    }

    /**
     * The task for this key: the existing one, or a new one routed by the rules that made it ({@link RuleRouting}),
     * else assigned to the least busy support lead.
     */
    private Long followUp(
            long surveyId, Long responseId, Long customerId, Long segmentId, String key, List<Long> ruleIds)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT id FROM follow_up WHERE dedup_key = ?")) {
            statement.setString(1, key);
            try (var rs = statement.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        long id = nextId("follow_up_seq");
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        RuleRouting.Assignment routed = responseId == null
                ? new RuleRouting.Assignment(null, null, null)
                : RuleRouting.assign(connection, ruleIds, responseId, customerId, now);
        try (var insert = connection.prepareStatement(
                "INSERT INTO follow_up (id, survey_id, response_id, customer_id,"
                        + " segment_id, assignee_id, title, status, due_date, resurvey, created_at, updated_at, dedup_key,"
                        + " row_version, team_id, due_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 'OPEN', ?, FALSE, ?, ?, ?, 0, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, surveyId);
            insert.setObject(3, responseId);
            insert.setObject(4, customerId);
            insert.setObject(5, segmentId);
            insert.setObject(
                    6, routed.assigneeId() != null ? routed.assigneeId() : leastBusySupportLead(responseId, segmentId));
            insert.setObject(7, Routing.dueDate(routed.dueAt(), today, dueDays));
            insert.setObject(8, at);
            insert.setObject(9, at);
            insert.setString(10, key);
            insert.setObject(11, routed.teamId());
            insert.setObject(
                    12, routed.dueAt() == null ? null : LocalDateTime.ofInstant(routed.dueAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    /** The enabled support lead with the fewest open tasks among those who may see this task (their segments). */
    private Long leastBusySupportLead(Long responseId, Long segmentId) throws SQLException {
        try (var statement =
                        connection.prepareStatement("SELECT u.id FROM app_user u WHERE u.user_role = 'SUPPORT_LEAD'"
                                + " AND u.enabled = TRUE AND " + RuleRouting.maySee("u.id", responseId, segmentId)
                                + " ORDER BY (SELECT COUNT(*) FROM follow_up f WHERE f.assignee_id = u.id"
                                + " AND f.status IN ('OPEN', 'IN_PROGRESS')), u.username FETCH FIRST 1 ROWS ONLY");
                var rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private Long assignee(long followUp) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT assignee_id FROM follow_up WHERE id = ?")) {
            statement.setLong(1, followUp);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? null : rs.getLong(1);
            }
        }
    }

    private boolean exists(String table, String dedup) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE dedup_key = ?")) {
            statement.setString(1, dedup);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** An id the JPA entities never take: the top of a freshly reserved block of fifty. */
    private long nextId(String sequence) throws SQLException {
        return Jdbc.nextval(connection, sequence);
    }
}
