package app.resonance.console.followups;

import app.resonance.console.platform.Faces;
import app.resonance.console.security.CurrentUser;
import app.resonance.followups.control.Teams;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The teams (ADMIN, {@code /admin/manage/teams}): each with its lead, members, open and overdue tasks; one form to
 * add a team or change the one chosen, removing one no alert rule routes to. The checks are {@link Teams}', as in
 * the API.
 */
@Named
@ViewScoped
public class TeamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Teams teams;

    @Inject
    transient UserDirectory users;

    @Inject
    CurrentUser currentUser;

    private Long editing;
    private String name;
    private String lead;
    private List<String> members = new ArrayList<>();

    private transient List<Teams.Team> list;

    public List<Teams.Team> getTeams() {
        if (list == null) {
            list = teams.all();
        }
        return list;
    }

    public void save() {
        if (!currentUser.isAdmin()) {
            return;
        }
        var draft = new Teams.Draft(name, lead, members);
        var errors = teams.check(draft, editing, Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("edit", errors);
            return;
        }
        if (editing == null) {
            teams.create(draft);
            Faces.info("teams.created", name.strip());
        } else {
            teams.update(editing, draft);
            Faces.info("teams.saved", name.strip());
        }
        list = null;
        clear();
    }

    public void edit(Teams.Team t) {
        editing = t.id();
        name = t.name();
        lead = t.lead() == null ? null : t.lead().username();
        members =
                new ArrayList<>(t.members().stream().map(Teams.Person::username).toList());
    }

    public void clear() {
        editing = null;
        name = null;
        lead = null;
        members = new ArrayList<>();
    }

    public void delete(Teams.Team t) {
        if (!currentUser.isAdmin()) {
            return;
        }
        if (teams.routed(t.id())) {
            Faces.error("teams.routed", t.name());
            return;
        }
        if (teams.delete(t.id())) {
            list = null;
            Faces.info("teams.deleted", t.name());
        }
    }

    /** The members' display names, comma separated; a dash for none. */
    public String members(Teams.Team t) {
        return t.members().isEmpty()
                ? "–"
                : t.members().stream().map(Teams.Person::displayName).collect(Collectors.joining(", "));
    }

    /** Who may lead a team: the enabled support leads and admins. */
    public List<AppUser> getLeads() {
        return users.all().stream()
                .filter(u -> u.enabled() && u.role() != Role.VIEWER)
                .toList();
    }

    /** Who may be a member: every enabled user. */
    public List<AppUser> getUsers() {
        return users.all().stream().filter(AppUser::enabled).toList();
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLead() {
        return lead;
    }

    public void setLead(String lead) {
        this.lead = lead;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members;
    }
}
