package app.resonance.followups.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Messages;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Teams the alert rules route tasks to: a name, members (users) and a lead (a support lead or admin) to whom
 * overdue tasks escalate. Users by username outside, by id inside; every change is audited. A team a routing entry
 * names cannot be removed.
 */
@ApplicationScoped
public class Teams {

    public static final int MAX_MEMBERS = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A team as an admin sends it. */
    public record Draft(String name, String lead, List<String> members) implements Serializable {}

    /** A user as a team lists them. */
    public record Person(String username, String displayName) implements Serializable {}

    /** A team with its lead, members, the open and overdue tasks routed to it. */
    public record Team(long id, String name, Person lead, List<Person> members, long openTasks, long overdueTasks)
            implements Serializable {}

    @Transactional
    public List<Team> all() {
        try {
            Connection c = connection();
            Map<Long, List<Person>> members = new HashMap<>();
            Jdbc.list(
                    c,
                    "SELECT m.team_id, u.username, u.display_name FROM team_member m JOIN app_user u ON u.id = m.user_id"
                            + " ORDER BY u.username",
                    rs -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Person(rs.getString(2), rs.getString(3))));
            java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
            return Jdbc.list(
                    c,
                    "SELECT t.id, t.name, u.username, u.display_name,"
                            + " (SELECT COUNT(*) FROM follow_up f WHERE f.team_id = t.id"
                            + " AND f.status IN ('OPEN', 'IN_PROGRESS')),"
                            + " (SELECT COUNT(*) FROM follow_up f WHERE f.team_id = t.id"
                            + " AND f.status IN ('OPEN', 'IN_PROGRESS') AND (f.due_at < ? OR (f.due_at IS NULL"
                            + " AND f.due_date < ?)))"
                            + " FROM team t LEFT JOIN app_user u ON u.id = t.lead_id ORDER BY t.name",
                    rs -> new Team(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3) == null ? null : new Person(rs.getString(3), rs.getString(4)),
                            List.copyOf(members.getOrDefault(rs.getLong(1), List.of())),
                            rs.getLong(5),
                            rs.getLong(6)),
                    now,
                    now.toLocalDate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<Team> byId(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The errors of a draft, each naming its field; {@code id} is the team being changed (null: a new one). */
    @Transactional
    public List<FieldError> check(Draft draft, Long id, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        messages.checkText("name", draft.name(), true, 100, errors);
        try {
            Connection c = connection();
            if (errors.isEmpty()
                    && Jdbc.number(
                                    c,
                                    "SELECT COUNT(*) FROM team WHERE name = ? AND id <> ?",
                                    draft.name().strip(),
                                    id == null ? -1L : id)
                            > 0) {
                errors.add(messages.error("name", "teamNameTaken"));
            }
            if (draft.lead() == null || draft.lead().isBlank()) {
                errors.add(messages.error("lead", "required"));
            } else {
                Optional<String> role = Jdbc.first(
                        c,
                        "SELECT user_role FROM app_user WHERE username = ? AND enabled = TRUE",
                        rs -> rs.getString(1),
                        draft.lead().strip());
                if (role.isEmpty()) {
                    errors.add(messages.error("lead", "unknownUser"));
                } else if (!role.get().equals("SUPPORT_LEAD") && !role.get().equals("ADMIN")) {
                    errors.add(messages.error("lead", "teamLeadRole"));
                }
            }
            List<String> members = members(draft);
            if (members.size() > MAX_MEMBERS) {
                errors.add(messages.error("members", "tooMany", MAX_MEMBERS));
            } else if (!members.isEmpty() && userIds(c, members).size() != members.size()) {
                errors.add(messages.error("members", "unknownUser"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    /** Stores a checked draft; answers its id. */
    @Transactional
    public long create(Draft draft) {
        try {
            Connection c = connection();
            long id = Jdbc.nextval(c, "team_seq");
            Instant now = clock.instant();
            Jdbc.update(
                    c,
                    "INSERT INTO team (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    id,
                    draft.name().strip(),
                    now,
                    now);
            write(c, id, draft);
            audit.record(AuditArea.TEAM, draft.name().strip(), "created", detail(draft));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a team's name, lead and members; false when there is none. */
    @Transactional
    public boolean update(long id, Draft draft) {
        try {
            Connection c = connection();
            if (Jdbc.number(c, "SELECT COUNT(*) FROM team WHERE id = ?", id) == 0) {
                return false;
            }
            write(c, id, draft);
            audit.record(AuditArea.TEAM, draft.name().strip(), "updated", detail(draft));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a routing entry names the team (then it cannot be removed). */
    @Transactional
    public boolean routed(long id) {
        try {
            return Jdbc.number(connection(), "SELECT COUNT(*) FROM alert_route WHERE team_id = ?", id) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a team (its tasks keep their assignee and lose the team); false when there is none. */
    @Transactional
    public boolean delete(long id) {
        try {
            Connection c = connection();
            Optional<String> name = Jdbc.first(c, "SELECT name FROM team WHERE id = ?", rs -> rs.getString(1), id);
            if (name.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM team WHERE id = ?", id);
            audit.record(AuditArea.TEAM, name.get(), "removed");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Connection c, long id, Draft draft) throws SQLException {
        Long lead = Jdbc.first(
                        c,
                        "SELECT id FROM app_user WHERE username = ?",
                        rs -> rs.getLong(1),
                        draft.lead().strip())
                .orElseThrow();
        Jdbc.update(
                c,
                "UPDATE team SET name = ?, lead_id = ?, updated_at = ? WHERE id = ?",
                draft.name().strip(),
                lead,
                clock.instant(),
                id);
        Jdbc.update(c, "DELETE FROM team_member WHERE team_id = ?", id);
        for (long user : userIds(c, members(draft))) {
            Jdbc.update(c, "INSERT INTO team_member (team_id, user_id) VALUES (?, ?)", id, user);
        }
    }

    private static AuditDetail detail(Draft draft) {
        return AuditDetail.of("team", draft.lead().strip(), members(draft).size());
    }

    private static List<String> members(Draft draft) {
        return draft.members() == null
                ? List.of()
                : draft.members().stream()
                        .filter(m -> m != null && !m.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static List<Long> userIds(Connection c, List<String> usernames) throws SQLException {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return Jdbc.list(
                c,
                "SELECT id FROM app_user WHERE username IN (" + Jdbc.placeholders(usernames.size()) + ")",
                rs -> rs.getLong(1),
                usernames.toArray());
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }
}
