package app.resonance.followups.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.followups.entity.AlertAction;
import app.resonance.followups.entity.AlertRuleKind;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lists, checks, creates, changes, pauses, resumes and removes alert rules; every change is audited. Surveys are
 * named by slug and segments by key outside, stored by id. The default rules (ids below {@value
 * AlertRule#FIRST_CUSTOM_ID}) can be changed and paused but not removed.
 */
@ApplicationScoped
public class AlertRuleEditor {

    public static final int MAX_KEYWORDS = 20;
    public static final int KEYWORD_LENGTH = 60;
    static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A rule as an admin sends it; null lists mean "all", a null action BOTH. */
    public record Draft(
            String name,
            String kind,
            String questionType,
            Integer threshold,
            Integer renewalDays,
            List<String> keywords,
            List<String> surveys,
            List<String> segments,
            List<String> channels,
            String action,
            String quietStart,
            String quietEnd,
            Boolean paused,
            Integer windowDays,
            Double significance,
            Integer minResponses)
            implements Serializable {

        /** A draft of a kind without trend settings. */
        public Draft(
                String name,
                String kind,
                String questionType,
                Integer threshold,
                Integer renewalDays,
                List<String> keywords,
                List<String> surveys,
                List<String> segments,
                List<String> channels,
                String action,
                String quietStart,
                String quietEnd,
                Boolean paused) {
            this(
                    name,
                    kind,
                    questionType,
                    threshold,
                    renewalDays,
                    keywords,
                    surveys,
                    segments,
                    channels,
                    action,
                    quietStart,
                    quietEnd,
                    paused,
                    null,
                    null,
                    null);
        }

        /** A SEGMENT_TREND draft's settings, the defaults for those not given. */
        AlertRule.Trend trend() {
            return new AlertRule.Trend(
                    windowDays == null ? AlertRule.Trend.DEFAULT_WINDOW_DAYS : windowDays,
                    significance == null ? AlertRule.Trend.DEFAULT_SIGNIFICANCE : significance,
                    minResponses == null ? AlertRule.Trend.DEFAULT_MIN_RESPONSES : minResponses);
        }
    }

    /** A rule as lists show it, with how often it fired and when last. */
    public record Rule(
            long id,
            String name,
            AlertRuleKind kind,
            String questionType,
            Integer threshold,
            Integer renewalDays,
            List<String> keywords,
            List<String> surveys,
            List<String> segments,
            List<String> channels,
            AlertAction action,
            String quietStart,
            String quietEnd,
            boolean paused,
            boolean builtIn,
            long fired,
            Instant lastFired,
            Integer windowDays,
            Double significance,
            Integer minResponses)
            implements Serializable {}

    /** The scale a LOW_SCORE rule's threshold must lie on, per question type. */
    public static int[] scale(String questionType) {
        return switch (questionType) {
            case "NPS" -> new int[] {0, 10};
            case "CSAT" -> new int[] {1, 5};
            case "CES" -> new int[] {1, 7};
            default -> new int[] {0, 10};
        };
    }

    /** The errors of a draft: its form (pure), and the surveys and segments it names. */
    @Transactional
    public List<FieldError> check(Draft draft, Messages messages) {
        List<FieldError> errors = validate(draft, messages);
        Connection c = connection();
        try {
            if (draft.surveys() != null
                    && ids(c, "survey", "slug", draft.surveys()).size()
                            != draft.surveys().stream().distinct().count()) {
                errors.add(messages.error("surveys", "unknownSurvey"));
            }
            if (draft.segments() != null
                    && ids(c, "segment", "segment_key", draft.segments()).size()
                            != draft.segments().stream().distinct().count()) {
                errors.add(messages.error("segments", "unknownSegment"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    /** The errors of a draft and its routing ({@link RuleRouting}). */
    @Transactional
    public List<FieldError> check(Draft draft, RuleRouting.Draft routing, Messages messages) {
        List<FieldError> errors = check(draft, messages);
        try {
            errors.addAll(RuleRouting.check(connection(), routing, messages));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    /** Every rule's routing by rule id (users by username, teams by name). */
    @Transactional
    public java.util.Map<Long, RuleRouting.Draft> routings() {
        try {
            return RuleRouting.drafts(connection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errors of a draft's form, each naming its field. */
    public static List<FieldError> validate(Draft draft, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("name", draft.name(), true, 100, errors);
        AlertRuleKind kind = parse(AlertRuleKind.class, draft.kind());
        if (kind == null) {
            errors.add(messages.error("kind", "oneOf", names(AlertRuleKind.values())));
        } else if (kind == AlertRuleKind.LOW_SCORE) {
            if (!AlertRule.SCORE_TYPES.contains(String.valueOf(draft.questionType()))) {
                errors.add(messages.error("questionType", "oneOf", String.join(", ", AlertRule.SCORE_TYPES)));
            } else {
                int[] scale = scale(draft.questionType());
                if (draft.threshold() == null || draft.threshold() < scale[0] || draft.threshold() > scale[1]) {
                    errors.add(messages.error("threshold", "range", scale[0], scale[1]));
                }
            }
        } else if (kind == AlertRuleKind.SEGMENT_TREND) {
            trendErrors(draft, messages, errors);
        } else if (kind == AlertRuleKind.RENEWAL_AT_RISK) {
            if (draft.renewalDays() != null && (draft.renewalDays() < 1 || draft.renewalDays() > 730)) {
                errors.add(messages.error("renewalDays", "range", 1, 730));
            }
        } else if (kind == AlertRuleKind.KEYWORD) {
            List<String> keywords = keywords(draft);
            if (keywords.isEmpty()) {
                errors.add(messages.error("keywords", "required"));
            } else if (keywords.size() > MAX_KEYWORDS) {
                errors.add(messages.error("keywords", "tooMany", MAX_KEYWORDS));
            } else {
                for (String keyword : keywords) {
                    int before = errors.size();
                    messages.checkText("keywords", keyword.replace(',', ' '), true, KEYWORD_LENGTH, errors);
                    if (keyword.contains(",") && errors.size() == before) {
                        errors.add(messages.error("keywords", "badCharacters"));
                    }
                    if (errors.size() > before) {
                        break;
                    }
                }
            }
        }
        if (draft.channels() != null && !draft.channels().stream().allMatch(ch -> parse(Channel.class, ch) != null)) {
            errors.add(messages.error("channels", "oneOf", names(Channel.values())));
        }
        if (draft.action() != null && parse(AlertAction.class, draft.action()) == null) {
            errors.add(messages.error("action", "oneOf", names(AlertAction.values())));
        }
        boolean start = draft.quietStart() != null && !draft.quietStart().isBlank();
        boolean end = draft.quietEnd() != null && !draft.quietEnd().isBlank();
        if (start && !TIME.matcher(draft.quietStart()).matches()) {
            errors.add(messages.error("quietStart", "quietHours"));
        } else if (end && !TIME.matcher(draft.quietEnd()).matches()) {
            errors.add(messages.error("quietEnd", "quietHours"));
        } else if (start != end) {
            errors.add(messages.error(start ? "quietEnd" : "quietStart", "quietHours"));
        }
        return errors;
    }

    /** The errors of a SEGMENT_TREND draft: its metric, window, level, minimum n and what it does. */
    private static void trendErrors(Draft draft, Messages messages, List<FieldError> errors) {
        if (!AlertRule.SCORE_TYPES.contains(String.valueOf(draft.questionType()))) {
            errors.add(messages.error("questionType", "oneOf", String.join(", ", AlertRule.SCORE_TYPES)));
        }
        if (draft.windowDays() != null
                && (draft.windowDays() < MIN_WINDOW_DAYS || draft.windowDays() > MAX_WINDOW_DAYS)) {
            errors.add(messages.error("windowDays", "range", MIN_WINDOW_DAYS, MAX_WINDOW_DAYS));
        }
        if (draft.significance() != null
                && AlertRule.Trend.LEVELS.stream()
                        .noneMatch(level -> Double.parseDouble(level) == draft.significance())) {
            errors.add(messages.error("significance", "oneOf", String.join(", ", AlertRule.Trend.LEVELS)));
        }
        if (draft.minResponses() != null
                && (draft.minResponses() < MIN_RESPONSES || draft.minResponses() > MAX_RESPONSES)) {
            errors.add(messages.error("minResponses", "range", MIN_RESPONSES, MAX_RESPONSES));
        }
        if (draft.channels() != null && !draft.channels().isEmpty()) {
            errors.add(messages.error("channels", "trendAllChannels"));
        }
    }

    public static final int MIN_WINDOW_DAYS = 7;
    public static final int MAX_WINDOW_DAYS = 180;
    public static final int MIN_RESPONSES = 5;
    public static final int MAX_RESPONSES = 100_000;

    @Transactional
    public List<Rule> all() {
        try {
            Connection c = connection();
            return Jdbc.list(
                    c,
                    "SELECT " + AlertRules.COLUMNS + ","
                            + " (SELECT COUNT(*) FROM alert a WHERE a.rule_id = r.id),"
                            + " (SELECT MAX(a.created_at) FROM alert a WHERE a.rule_id = r.id)"
                            + " FROM alert_rule r ORDER BY id",
                    rs -> {
                        AlertRule rule = AlertRules.rule(rs);
                        LocalDateTime last = rs.getObject(19, LocalDateTime.class);
                        AlertRule.Trend trend = rule.trend();
                        return new Rule(
                                rule.id(),
                                rule.name(),
                                rule.kind(),
                                rule.questionType(),
                                rule.threshold(),
                                rule.renewalDays(),
                                rule.keywords(),
                                names(c, "survey", "slug", rs.getString(8)),
                                names(c, "segment", "segment_key", rs.getString(9)),
                                AlertRules.split(rs.getString(10)),
                                rule.action(),
                                rs.getString(12),
                                rs.getString(13),
                                rule.paused(),
                                rule.id() < AlertRule.FIRST_CUSTOM_ID,
                                rs.getLong(18),
                                last == null ? null : last.toInstant(ZoneOffset.UTC),
                                trend == null ? null : trend.windowDays(),
                                trend == null ? null : trend.significance(),
                                trend == null ? null : trend.minResponses());
                    });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<Rule> byId(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    /** Stores a checked draft; answers its id. */
    @Transactional
    public long create(Draft draft) {
        return create(draft, null);
    }

    /** Stores a checked draft with its routing (null: none); answers its id. */
    @Transactional
    public long create(Draft draft, RuleRouting.Draft routing) {
        try {
            Connection c = connection();
            long id = Jdbc.nextval(c, "alert_rule_seq");
            Instant now = clock.instant();
            Jdbc.update(
                    c,
                    "INSERT INTO alert_rule (id, name, kind, action, paused, created_at, updated_at)"
                            + " VALUES (?, ?, ?, 'BOTH', FALSE, ?, ?)",
                    id,
                    draft.name().strip(),
                    draft.kind(),
                    now,
                    now);
            write(c, id, draft);
            RuleRouting.write(c, id, routing);
            audit.record(AuditArea.ALERT_RULE, draft.name().strip(), "created", detail(draft));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a rule's settings; false when there is none. */
    @Transactional
    public boolean update(long id, Draft draft) {
        return update(id, draft, null);
    }

    /** Replaces a rule's settings and its routing (null: the routing stays); false when there is none. */
    @Transactional
    public boolean update(long id, Draft draft, RuleRouting.Draft routing) {
        try {
            Connection c = connection();
            if (Jdbc.number(c, "SELECT COUNT(*) FROM alert_rule WHERE id = ?", id) == 0) {
                return false;
            }
            write(c, id, draft);
            RuleRouting.write(c, id, routing);
            audit.record(AuditArea.ALERT_RULE, draft.name().strip(), "updated", detail(draft));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pauses or resumes a rule; false when there is none. */
    @Transactional
    public boolean pause(long id, boolean paused) {
        try {
            Connection c = connection();
            Optional<String> name =
                    Jdbc.first(c, "SELECT name FROM alert_rule WHERE id = ?", rs -> rs.getString(1), id);
            if (name.isEmpty()) {
                return false;
            }
            Jdbc.update(
                    c, "UPDATE alert_rule SET paused = ?, updated_at = ? WHERE id = ?", paused, clock.instant(), id);
            audit.record(AuditArea.ALERT_RULE, name.get(), paused ? "paused" : "resumed");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a custom rule (its alerts stay, naming no rule); false when there is none. */
    @Transactional
    public boolean delete(long id) {
        try {
            Connection c = connection();
            Optional<String> name =
                    Jdbc.first(c, "SELECT name FROM alert_rule WHERE id = ?", rs -> rs.getString(1), id);
            if (name.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM alert_rule WHERE id = ?", id);
            audit.record(AuditArea.ALERT_RULE, name.get(), "removed");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Connection c, long id, Draft draft) throws SQLException {
        AlertRuleKind kind = AlertRuleKind.valueOf(draft.kind());
        boolean quiet = draft.quietStart() != null && !draft.quietStart().isBlank();
        boolean trend = kind == AlertRuleKind.SEGMENT_TREND;
        Jdbc.update(
                c,
                "UPDATE alert_rule SET name = ?, kind = ?, question_type = ?, threshold = ?, renewal_days = ?,"
                        + " keywords = ?, survey_ids = ?, segment_ids = ?, channels = ?, action = ?, quiet_start = ?,"
                        + " quiet_end = ?, paused = ?, updated_at = ?, window_days = ?, significance = ?,"
                        + " min_responses = ? WHERE id = ?",
                draft.name().strip(),
                kind.name(),
                kind == AlertRuleKind.LOW_SCORE || trend ? draft.questionType() : null,
                kind == AlertRuleKind.LOW_SCORE ? draft.threshold() : null,
                kind == AlertRuleKind.RENEWAL_AT_RISK ? draft.renewalDays() : null,
                kind == AlertRuleKind.KEYWORD ? String.join(",", keywords(draft)) : null,
                joinedIds(ids(c, "survey", "slug", draft.surveys())),
                joinedIds(ids(c, "segment", "segment_key", draft.segments())),
                draft.channels() == null || draft.channels().isEmpty()
                        ? null
                        : draft.channels().stream().distinct().sorted().collect(Collectors.joining(",")),
                draft.action() == null ? AlertAction.BOTH.name() : draft.action(),
                quiet ? LocalTime.parse(draft.quietStart()).toString() : null,
                quiet ? LocalTime.parse(draft.quietEnd()).toString() : null,
                draft.paused() != null && draft.paused(),
                clock.instant(),
                trend ? draft.trend().windowDays() : null,
                trend ? draft.trend().significance() : null,
                trend ? draft.trend().minResponses() : null,
                id);
    }

    private static AuditDetail detail(Draft draft) {
        return AuditDetail.of(
                "alertRule", draft.kind(), draft.action() == null ? AlertAction.BOTH.name() : draft.action());
    }

    private static List<String> keywords(Draft draft) {
        return draft.keywords() == null
                ? List.of()
                : draft.keywords().stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static String joinedIds(List<Long> ids) {
        return ids.isEmpty() ? null : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The ids of the rows of a table with these names (unknown names left out). */
    private static List<Long> ids(Connection c, String table, String column, List<String> names) throws SQLException {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        List<String> distinct = names.stream().distinct().toList();
        return Jdbc.list(
                c,
                "SELECT id FROM " + table + " WHERE " + column + " IN (" + Jdbc.placeholders(distinct.size()) + ")",
                rs -> rs.getLong(1),
                distinct.toArray());
    }

    /** The names of the rows whose ids a column lists, in name order. */
    private static List<String> names(Connection c, String table, String column, String joinedIds) throws SQLException {
        List<Long> ids = AlertRules.split(joinedIds).stream().map(Long::valueOf).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(
                c,
                "SELECT " + column + " FROM " + table + " WHERE id IN (" + Jdbc.placeholders(ids.size()) + ") ORDER BY "
                        + column,
                rs -> rs.getString(1),
                ids.toArray());
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
