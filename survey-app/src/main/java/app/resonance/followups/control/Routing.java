package app.resonance.followups.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an alert rule sends its tasks, and by when they are due: ordered entries "attribute = value -> user or team"
 * (the first whose attribute the customer has with that value, or one of its comma-separated alternatives, wins,
 * ignoring case), how a team picks its member
 * (round robin or least busy), and the rule's due time in hours (null: the configured days). Pure: the customer's
 * attributes and the team's members come in, the choice comes out.
 */
public record Routing(Integer dueHours, TeamPick pick, List<Route> routes) implements Serializable {

    /** The attribute that matches a segment key of the response (the others are customer fields or attributes). */
    public static final String SEGMENT = "segment";

    /** The customer fields a route can name besides any custom attribute. */
    public static final List<String> FIELDS = List.of(SEGMENT, "region", "plan", "lifecycle_stage");

    public static final int MAX_ROUTES = 20;
    public static final int MAX_DUE_HOURS = 24 * 90;

    /** How a team picks the member a task goes to. */
    public enum TeamPick {
        ROUND_ROBIN,
        LEAST_BUSY
    }

    /** One routing entry: tasks of customers whose attribute has this value go to the user or the team. */
    public record Route(String attribute, String value, Long userId, Long teamId) implements Serializable {

        /** Whether the customer has the attribute with the value, or one of its comma-separated alternatives. */
        boolean matches(Map<String, Set<String>> customer) {
            Set<String> values = customer.get(attribute.toLowerCase(Locale.ROOT));
            if (values == null) {
                return false;
            }
            return java.util.Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .anyMatch(wanted -> values.stream().anyMatch(v -> v.strip().equalsIgnoreCase(wanted)));
        }
    }

    /** No routes, least busy, the configured due days: what every rule did before routing. */
    public static final Routing NONE = new Routing(null, TeamPick.LEAST_BUSY, List.of());

    public Routing {
        pick = pick == null ? TeamPick.LEAST_BUSY : pick;
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** The first route the customer's attributes (lower-case names, see {@link #FIELDS}) match, if any. */
    public Optional<Route> route(Map<String, Set<String>> customer) {
        return routes.stream().filter(r -> r.matches(customer)).findFirst();
    }

    /** A team member as the pick sees them: their open tasks. */
    public record Member(long id, String username, long openTasks) {}

    /**
     * The member a team's new task goes to: ROUND_ROBIN the one after the last assignee in username order (the
     * first when the last is unknown or no longer a member), LEAST_BUSY the one with the fewest open tasks (ties:
     * username order). Empty when the team has no members.
     */
    public static Optional<Long> pick(TeamPick pick, List<Member> members, Long lastAssignee) {
        List<Member> ordered = members.stream()
                .sorted(Comparator.comparing(Member::username).thenComparingLong(Member::id))
                .toList();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        if (pick == TeamPick.ROUND_ROBIN) {
            for (int i = 0; i < ordered.size(); i++) {
                if (lastAssignee != null && ordered.get(i).id() == lastAssignee) {
                    return Optional.of(ordered.get((i + 1) % ordered.size()).id());
                }
            }
            return Optional.of(ordered.get(0).id());
        }
        return ordered.stream().min(Comparator.comparingLong(Member::openTasks)).map(Member::id);
    }

    /** When a task created now is due: in the rule's hours, or null when the configured days apply. */
    public static Instant dueAt(Integer dueHours, Instant now) {
        return dueHours == null ? null : now.plus(Duration.ofHours(dueHours));
    }

    /** The task's due date: the day of its due time (UTC), or today plus the configured days. */
    public static LocalDate dueDate(Instant dueAt, LocalDate today, int dueDays) {
        return dueAt == null
                ? today.plusDays(dueDays)
                : dueAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Whether an open task is past its due time: its due instant when it has one, else the end of its due date
     * (UTC).
     */
    public static boolean overdue(Instant dueAt, LocalDate dueDate, Instant now) {
        if (dueAt != null) {
            return now.isAfter(dueAt);
        }
        return dueDate != null && dueDate.isBefore(now.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * Whether the escalation timer escalates a task now: still open, routed to a team whose lead is known, not
     * escalated before, and overdue.
     */
    public static boolean escalates(
            boolean open, Long teamLeadId, Instant escalatedAt, Instant dueAt, LocalDate dueDate, Instant now) {
        return open && teamLeadId != null && escalatedAt == null && overdue(dueAt, dueDate, now);
    }
}
