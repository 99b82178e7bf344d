package app.resonance.followups.control;

import app.resonance.analytics.control.ReportingRules;
import app.resonance.followups.control.RecoveryStatistics.Comparison;
import app.resonance.followups.control.RecoveryStatistics.MeanChange;
import app.resonance.followups.control.RecoveryStatistics.Rate;
import app.resonance.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Did following up win customers back? For the follow-up tasks closed in a period whose customer gave an NPS score
 * to the task's survey again after the task was closed: the earlier score (the task's response, else the
 * customer's last score on the survey before the task) against the first later one. A detractor (0-6) who later
 * answered 7 or more recovered. Grouped by assignee, team, alert rule and closing status, and compared with the
 * detractors of the period who had no follow-up task open at any time of the period and answered again (their
 * first detractor score of the period against their next score). Observational: who got a task was not chosen at
 * random.
 */
@ApplicationScoped
public class ClosedLoopEffectiveness {

    @PersistenceContext
    EntityManager em;

    /** One pair of scores: a closed task's (with its assignee, team, rule and status) or a control detractor's. */
    public record Pair(String assignee, String team, String rule, String action, int before, int after) {
        boolean detractor() {
            return before <= 6;
        }

        boolean recovered() {
            return detractor() && after >= 7;
        }
    }

    /** The figures of one group: its pairs, the recovery rate of its detractors and the mean change of score. */
    @Schema(
            name = "EffectivenessGroup",
            description = "One group of closed tasks (or the detractors without a follow-up): its key (null: none),"
                    + " the pairs of scores, the recovery rate and the mean change")
    @JsonbNillable
    public record Group(
            @Schema(description = "Assignee's name, team, rule, closing status; null: none or the whole group")
            String key,

            @Schema(description = "Customers with a score before and a later one")
            long pairs,

            Rate recovery,
            MeanChange change) {}

    /** The report of a period: start inclusive, end exclusive. */
    public record Report(
            Instant start,
            Instant end,
            int minimumResponses,
            Group followedUp,
            List<Group> byAssignee,
            List<Group> byTeam,
            List<Group> byRule,
            List<Group> byAction,
            Group notFollowedUp,
            Comparison comparison) {}

    /** The default period: the last 365 days up to today. */
    public static final int DEFAULT_DAYS = 365;

    /** The days of a report, or what is wrong with them: field (from, to) to error code. */
    public record Period(LocalDate from, LocalDate to, Map<String, String> complaints) {
        public boolean valid() {
            return complaints.isEmpty();
        }
    }

    /**
     * The days the API and the console read from their from and to (YYYY-MM-DD, blank: the default): to defaults
     * to today, from to {@value #DEFAULT_DAYS} days up to to; a day that is none, or from after to, is a complaint.
     */
    public static Period period(String from, String to, LocalDate today) {
        Map<String, String> complaints = new LinkedHashMap<>();
        LocalDate last = day(to, today, "to", complaints);
        LocalDate first = day(from, last.minusDays(DEFAULT_DAYS - 1), "from", complaints);
        if (complaints.isEmpty() && first.isAfter(last)) {
            complaints.put("from", "fromAfterTo");
        }
        return new Period(first, last, java.util.Collections.unmodifiableMap(complaints));
    }

    private static LocalDate day(String text, LocalDate otherwise, String field, Map<String, String> complaints) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            complaints.put(field, "expectedDate");
            return otherwise;
        }
    }

    /**
     * The report of the tasks closed in [start, end) under the reporting rules; in a transaction, so that the entity
     * manager has a connection to lend (the console calls it without one).
     */
    @Transactional
    public Report report(Instant start, Instant end, ReportingRules rules) {
        try {
            return report(em.unwrap(Connection.class), start, end, rules);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report on this connection (the tests call it on H2 and PostgreSQL). */
    public static Report report(Connection c, Instant start, Instant end, ReportingRules rules) throws SQLException {
        List<Pair> treated = followedUp(c, start, end);
        List<Pair> control = notFollowedUp(c, start, end);
        Group all = group(null, treated, rules);
        Group none = group(null, control, rules);
        return new Report(
                start,
                end,
                rules.minimumResponses(),
                all,
                groups(treated, Pair::assignee, rules),
                groups(treated, Pair::team, rules),
                groups(treated, Pair::rule, rules),
                groups(treated, Pair::action, rules),
                none,
                RecoveryStatistics.compare(all.recovery(), none.recovery()));
    }

    /** The figures of these pairs. */
    public static Group group(String key, List<Pair> pairs, ReportingRules rules) {
        long detractors = pairs.stream().filter(Pair::detractor).count();
        long recovered = pairs.stream().filter(Pair::recovered).count();
        double sum = 0;
        double squares = 0;
        for (Pair p : pairs) {
            int change = p.after() - p.before();
            sum += change;
            squares += (double) change * change;
        }
        return new Group(
                key,
                pairs.size(),
                RecoveryStatistics.rate(recovered, detractors, rules),
                RecoveryStatistics.meanChange(pairs.size(), sum, squares, rules));
    }

    /** A group per value of the key (null: none), largest first, then by key. */
    static List<Group> groups(List<Pair> pairs, Function<Pair, String> key, ReportingRules rules) {
        Map<String, List<Pair>> byKey = new LinkedHashMap<>();
        pairs.forEach(
                p -> byKey.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, list) -> groups.add(group(k, list, rules)));
        groups.sort((a, b) -> a.pairs() != b.pairs()
                ? Long.compare(b.pairs(), a.pairs())
                : a.key() == null ? 1 : b.key() == null ? -1 : a.key().compareTo(b.key()));
        return groups;
    }

    /** The NPS score of a complete response of the task's customer to its survey (the alias r.): a subquery. */
    private static final String SCORE = """
            SELECT a.score FROM response r JOIN answer a ON a.response_id = r.id
             JOIN question q ON q.id = a.question_id
             WHERE q.question_type = 'NPS' AND a.score IS NOT NULL AND r.status = 'COMPLETE'""";

    private static List<Pair> followedUp(Connection c, Instant start, Instant end) throws SQLException {
        String sql = """
                SELECT u.display_name, t.name, ar.name, f.status,
                 COALESCE((%1$s AND r.id = f.response_id FETCH FIRST 1 ROWS ONLY),
                  (%1$s AND r.customer_id = f.customer_id AND r.survey_id = f.survey_id AND r.submitted_at <= f.created_at
                   ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST 1 ROWS ONLY)) AS before_score,
                 (%1$s AND r.customer_id = f.customer_id AND r.survey_id = f.survey_id AND r.submitted_at > f.closed_at
                   ORDER BY r.submitted_at, r.id FETCH FIRST 1 ROWS ONLY) AS after_score
                FROM follow_up f
                 LEFT JOIN app_user u ON u.id = f.assignee_id
                 LEFT JOIN team t ON t.id = f.team_id
                 LEFT JOIN alert_rule ar ON ar.id = (SELECT MIN(al.rule_id) FROM alert al WHERE al.follow_up_id = f.id)
                WHERE f.status IN ('DONE', 'CANCELLED') AND f.customer_id IS NOT NULL
                 AND f.closed_at >= ? AND f.closed_at < ?
                ORDER BY f.closed_at, f.id""".formatted(SCORE);
        List<Pair> pairs = new ArrayList<>();
        Jdbc.list(
                        c,
                        sql,
                        rs -> {
                            int before = rs.getInt(5);
                            boolean hasBefore = !rs.wasNull();
                            int after = rs.getInt(6);
                            boolean hasAfter = !rs.wasNull();
                            return hasBefore && hasAfter
                                    ? new Pair(
                                            rs.getString(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            before,
                                            after)
                                    : null;
                        },
                        start,
                        end)
                .stream()
                .filter(p -> p != null)
                .forEach(pairs::add);
        return pairs;
    }

    /**
     * The control group: each customer's first detractor score of the period (on any NPS survey) whose customer had
     * no follow-up task open at any time of the period, paired with the customer's next score on that survey.
     */
    private static List<Pair> notFollowedUp(Connection c, Instant start, Instant end) throws SQLException {
        String sql = """
                SELECT d.customer_id, a0.score,
                 (%1$s AND r.customer_id = d.customer_id AND r.survey_id = d.survey_id
                   AND (r.submitted_at > d.submitted_at OR (r.submitted_at = d.submitted_at AND r.id > d.id))
                   ORDER BY r.submitted_at, r.id FETCH FIRST 1 ROWS ONLY) AS after_score
                FROM response d JOIN answer a0 ON a0.response_id = d.id JOIN question q0 ON q0.id = a0.question_id
                WHERE q0.question_type = 'NPS' AND a0.score <= 6 AND d.status = 'COMPLETE' AND d.customer_id IS NOT NULL
                 AND d.submitted_at >= ? AND d.submitted_at < ?
                 AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = d.customer_id
                  AND f.created_at < ? AND (f.closed_at IS NULL OR f.closed_at >= ?))
                ORDER BY d.customer_id, d.submitted_at, d.id""".formatted(SCORE);
        Set<Long> seen = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        Jdbc.stream(
                c,
                sql,
                rs -> {
                    long customer = rs.getLong(1);
                    int before = rs.getInt(2);
                    int after = rs.getInt(3);
                    boolean hasAfter = !rs.wasNull();
                    // the customer's first detractor score of the period counts, whether or not they answered again
                    if (seen.add(customer) && hasAfter) {
                        pairs.add(new Pair(null, null, null, null, before, after));
                    }
                },
                start,
                end,
                end,
                start);
        return pairs;
    }
}
