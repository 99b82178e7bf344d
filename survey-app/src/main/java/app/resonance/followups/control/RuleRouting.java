package app.resonance.followups.control;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routing part of the alert rules ({@link Routing}) as stored: a rule's due hours and team pick on its row, its
 * entries in {@code alert_route} (users and teams by id inside, by username and team name outside). Checks and
 * writes what the editor sends, reads it back for lists, and resolves a new task's assignee, team and due time on
 * the rules' connection.
 */
public final class RuleRouting {

    static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,59}");

    private RuleRouting() {}

    /** One entry as an admin sends it: exactly one of user (username) and team (name). */
    public record RouteDraft(String attribute, String value, String user, String team) implements Serializable {}

    /** A rule's routing as an admin sends it; null: leave it as it is (a new rule: no routes). */
    public record Draft(Integer dueHours, String teamPick, List<RouteDraft> routes) implements Serializable {}

    /** What a new task gets: assignee (null: the fallback applies), team, due time (null: the configured days). */
    public record Assignment(Long assigneeId, Long teamId, Instant dueAt) {}

    /** The errors of a routing draft, each naming its field ({@code routes[2].team}). */
    public static List<FieldError> check(Connection c, Draft draft, Messages messages) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (draft == null) {
            return errors;
        }
        if (draft.dueHours() != null && (draft.dueHours() < 1 || draft.dueHours() > Routing.MAX_DUE_HOURS)) {
            errors.add(messages.error("dueHours", "range", 1, Routing.MAX_DUE_HOURS));
        }
        if (draft.teamPick() != null && AlertRuleEditor.parse(Routing.TeamPick.class, draft.teamPick()) == null) {
            errors.add(messages.error("teamPick", "oneOf", "ROUND_ROBIN, LEAST_BUSY"));
        }
        List<RouteDraft> routes = draft.routes() == null ? List.of() : draft.routes();
        if (routes.size() > Routing.MAX_ROUTES) {
            errors.add(messages.error("routes", "tooMany", Routing.MAX_ROUTES));
            return errors;
        }
        for (int i = 0; i < routes.size(); i++) {
            String field = "routes[" + i + "]";
            RouteDraft route = routes.get(i);
            if (route == null) {
                errors.add(messages.error(field, "required"));
                continue;
            }
            if (route.attribute() == null
                    || !ATTRIBUTE
                            .matcher(route.attribute().strip().toLowerCase(Locale.ROOT))
                            .matches()) {
                errors.add(messages.error(field + ".attribute", "routeAttribute"));
            }
            messages.checkText(field + ".value", route.value(), true, 200, errors);
            boolean user = route.user() != null && !route.user().isBlank();
            boolean team = route.team() != null && !route.team().isBlank();
            if (user == team) {
                errors.add(messages.error(field + (user ? ".team" : ".user"), "routeTarget"));
            } else if (user && userId(c, route.user()).isEmpty()) {
                errors.add(messages.error(field + ".user", "unknownUser"));
            } else if (team && teamId(c, route.team()).isEmpty()) {
                errors.add(messages.error(field + ".team", "unknownTeam"));
            }
        }
        return errors;
    }

    /** Stores a checked draft for the rule (null: nothing changes). */
    static void write(Connection c, long ruleId, Draft draft) throws SQLException {
        if (draft == null) {
            return;
        }
        Jdbc.update(
                c,
                "UPDATE alert_rule SET due_hours = ?, team_pick = ? WHERE id = ?",
                draft.dueHours(),
                draft.teamPick() == null ? Routing.TeamPick.LEAST_BUSY.name() : draft.teamPick(),
                ruleId);
        Jdbc.update(c, "DELETE FROM alert_route WHERE rule_id = ?", ruleId);
        List<RouteDraft> routes = draft.routes() == null ? List.of() : draft.routes();
        for (int i = 0; i < routes.size(); i++) {
            RouteDraft route = routes.get(i);
            boolean user = route.user() != null && !route.user().isBlank();
            Jdbc.update(
                    c,
                    "INSERT INTO alert_route (rule_id, position, attribute, attr_value, user_id, team_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    ruleId,
                    i,
                    route.attribute().strip().toLowerCase(Locale.ROOT),
                    route.value().strip(),
                    user ? userId(c, route.user()).orElseThrow() : null,
                    user ? null : teamId(c, route.team()).orElseThrow());
        }
    }

    /** Every rule's routing as the editor shows it (users by username, teams by name), by rule id. */
    public static Map<Long, Draft> drafts(Connection c) throws SQLException {
        Map<Long, List<RouteDraft>> routes = new HashMap<>();
        for (Object[] row : Jdbc.list(
                c,
                "SELECT r.rule_id, r.attribute, r.attr_value, u.username, t.name FROM alert_route r"
                        + " LEFT JOIN app_user u ON u.id = r.user_id LEFT JOIN team t ON t.id = r.team_id"
                        + " ORDER BY r.rule_id, r.position",
                rs -> new Object[] {
                    rs.getLong(1), new RouteDraft(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))
                })) {
            routes.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((RouteDraft) row[1]);
        }
        Map<Long, Draft> drafts = new LinkedHashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT id, due_hours, team_pick FROM alert_rule ORDER BY id", rs ->
                new Object[] {rs.getLong(1), rs.getObject(2) == null ? null : rs.getInt(2), rs.getString(3)})) {
            long id = (Long) row[0];
            drafts.put(id, new Draft((Integer) row[1], (String) row[2], routes.getOrDefault(id, List.of())));
        }
        return drafts;
    }

    /**
     * A new task's assignee, team and due time from the routing of the rules that made it (in id order): the first
     * matching route of the first rule that has one; the shortest due time among them.
     */
    static Assignment assign(Connection c, List<Long> ruleIds, long responseId, Long customerId, Instant now)
            throws SQLException {
        if (ruleIds.isEmpty()) {
            return new Assignment(null, null, null);
        }
        Map<Long, Routing> routings = routings(c, ruleIds);
        Integer dueHours = routings.values().stream()
                .map(Routing::dueHours)
                .filter(h -> h != null)
                .min(Integer::compare)
                .orElse(null);
        Instant dueAt = Routing.dueAt(dueHours, now);
        if (routings.values().stream().allMatch(r -> r.routes().isEmpty())) {
            return new Assignment(null, null, dueAt);
        }
        Map<String, Set<String>> customer = attributes(c, responseId, customerId);
        for (Routing routing : routings.values()) {
            Optional<Routing.Route> route = routing.route(customer);
            if (route.isEmpty()) {
                continue;
            }
            if (route.get().userId() != null) {
                // a user limited to other segments never gets the task: the fallback applies
                boolean sees = Jdbc.first(
                                c,
                                "SELECT 1 FROM app_user u WHERE u.id = ? AND " + maySee("u.id", responseId, null),
                                rs -> 1,
                                route.get().userId())
                        .isPresent();
                return new Assignment(sees ? route.get().userId() : null, null, dueAt);
            }
            long team = route.get().teamId();
            return new Assignment(member(c, team, routing.pick(), responseId), team, dueAt);
        }
        return new Assignment(null, null, dueAt);
    }

    /** The rules' routing, in id order. */
    static Map<Long, Routing> routings(Connection c, List<Long> ruleIds) throws SQLException {
        Object[] ids = ruleIds.toArray();
        Map<Long, List<Routing.Route>> routes = new HashMap<>();
        Jdbc.list(
                c,
                "SELECT rule_id, attribute, attr_value, user_id, team_id FROM alert_route WHERE rule_id IN ("
                        + Jdbc.placeholders(ids.length) + ") ORDER BY rule_id, position",
                rs -> {
                    routes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Routing.Route(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getObject(4) == null ? null : rs.getLong(4),
                                    rs.getObject(5) == null ? null : rs.getLong(5)));
                    return 1;
                },
                ids);
        Map<Long, Routing> routings = new LinkedHashMap<>();
        Jdbc.list(
                c,
                "SELECT id, due_hours, team_pick FROM alert_rule WHERE id IN (" + Jdbc.placeholders(ids.length)
                        + ") ORDER BY id",
                rs -> routings.put(
                        rs.getLong(1),
                        new Routing(
                                rs.getObject(2) == null ? null : rs.getInt(2),
                                Routing.TeamPick.valueOf(rs.getString(3)),
                                routes.getOrDefault(rs.getLong(1), List.of()))),
                ids);
        return routings;
    }

    /** What routes can match: the response's segment keys, the customer's fields and attributes (lower-case names). */
    static Map<String, Set<String>> attributes(Connection c, long responseId, Long customerId) throws SQLException {
        Map<String, Set<String>> attributes = new HashMap<>();
        attributes.put(
                Routing.SEGMENT,
                new HashSet<>(Jdbc.list(
                        c,
                        "SELECT s.segment_key FROM response_segment rs JOIN segment s ON s.id = rs.segment_id"
                                + " WHERE rs.response_id = ?",
                        rs -> rs.getString(1),
                        responseId)));
        if (customerId == null) {
            return attributes;
        }
        Jdbc.first(
                c,
                "SELECT region, plan, lifecycle_stage FROM customer WHERE id = ?",
                rs -> {
                    put(attributes, "region", rs.getString(1));
                    put(attributes, "plan", rs.getString(2));
                    put(attributes, "lifecycle_stage", rs.getString(3));
                    return 1;
                },
                customerId);
        Jdbc.list(
                c,
                "SELECT attr_name, attr_value FROM customer_attribute WHERE customer_id = ?",
                rs -> {
                    put(attributes, rs.getString(1), rs.getString(2));
                    return 1;
                },
                customerId);
        return attributes;
    }

    private static void put(Map<String, Set<String>> attributes, String name, String value) {
        if (name != null && value != null) {
            attributes
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new HashSet<>())
                    .add(value);
        }
    }

    /**
     * The enabled member a team's task goes to (the lead when the team has none), remembering the pick for round
     * robin; the team's row is locked so two instances rotate in turn.
     */
    /**
     * The SQL condition "the user ({@code userId}, a column) may see the task": not limited to segments, or limited
     * to one the response was counted in or the task's own segment. The ids are numbers, written into the query.
     */
    static String maySee(String userId, Long responseId, Long segmentId) {
        List<String> covered = new ArrayList<>();
        if (segmentId != null) {
            covered.add("us.segment_id = " + segmentId);
        }
        if (responseId != null) {
            covered.add("us.segment_id IN (SELECT rs.segment_id FROM response_segment rs WHERE rs.response_id = "
                    + responseId + ")");
        }
        return "(NOT EXISTS (SELECT 1 FROM app_user_segment us WHERE us.user_id = " + userId + ")"
                + (covered.isEmpty()
                        ? ""
                        : " OR EXISTS (SELECT 1 FROM app_user_segment us WHERE us.user_id = " + userId + " AND ("
                                + String.join(" OR ", covered) + "))")
                + ")";
    }

    private static Long member(Connection c, long team, Routing.TeamPick pick, long responseId) throws SQLException {
        Optional<Long[]> row = Jdbc.first(
                c,
                "SELECT last_assignee_id, lead_id FROM team WHERE id = ? FOR UPDATE",
                rs -> new Long[] {
                    rs.getObject(1) == null ? null : rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2)
                },
                team);
        if (row.isEmpty()) {
            return null;
        }
        List<Routing.Member> members = Jdbc.list(
                c,
                "SELECT u.id, u.username, (SELECT COUNT(*) FROM follow_up f WHERE f.assignee_id = u.id"
                        + " AND f.status IN ('OPEN', 'IN_PROGRESS')) FROM team_member m JOIN app_user u"
                        + " ON u.id = m.user_id WHERE m.team_id = ? AND u.enabled = TRUE AND "
                        + maySee("u.id", responseId, null),
                rs -> new Routing.Member(rs.getLong(1), rs.getString(2), rs.getLong(3)),
                team);
        Optional<Long> picked = Routing.pick(pick, members, row.get()[0]);
        if (picked.isPresent()) {
            Jdbc.update(c, "UPDATE team SET last_assignee_id = ? WHERE id = ?", picked.get(), team);
        }
        return picked.orElse(row.get()[1]);
    }

    private static Optional<Long> userId(Connection c, String username) throws SQLException {
        return Jdbc.first(c, "SELECT id FROM app_user WHERE username = ?", rs -> rs.getLong(1), username.strip());
    }

    private static Optional<Long> teamId(Connection c, String name) throws SQLException {
        return Jdbc.first(c, "SELECT id FROM team WHERE name = ?", rs -> rs.getLong(1), name.strip());
    }
}
