package app.resonance.console.followups;

import app.resonance.followups.control.Routing;
import app.resonance.followups.control.RuleRouting;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing part of the alert rule form: the due time in hours, how a team picks its member, and the ordered
 * entries "attribute = value -> user or team" (a target is {@code team:<name>} or {@code user:<username>}). Checked
 * by {@link RuleRouting}, as in the API.
 */
public class RoutingForm implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TEAM = "team:";
    static final String USER = "user:";

    private Integer dueHours;
    private String teamPick = Routing.TeamPick.LEAST_BUSY.name();
    private List<Entry> entries = new ArrayList<>();

    /** One routing entry as the form edits it. */
    public static class Entry implements Serializable {

        private static final long serialVersionUID = 1L;

        private String attribute = "region";
        private String value;
        private String target;

        public String getAttribute() {
            return attribute;
        }

        public void setAttribute(String attribute) {
            this.attribute = attribute;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }
    }

    RuleRouting.Draft draft() {
        return new RuleRouting.Draft(
                dueHours,
                teamPick,
                entries.stream()
                        .map(e -> new RuleRouting.RouteDraft(
                                e.attribute, e.value, named(e.target, USER), named(e.target, TEAM)))
                        .toList());
    }

    void load(RuleRouting.Draft draft) {
        clear();
        if (draft == null) {
            return;
        }
        dueHours = draft.dueHours();
        teamPick = draft.teamPick();
        for (RuleRouting.RouteDraft route : draft.routes()) {
            Entry entry = new Entry();
            entry.attribute = route.attribute();
            entry.value = route.value();
            entry.target = route.team() != null ? TEAM + route.team() : USER + route.user();
            entries.add(entry);
        }
    }

    void clear() {
        dueHours = null;
        teamPick = Routing.TeamPick.LEAST_BUSY.name();
        entries = new ArrayList<>();
    }

    public void add() {
        entries.add(new Entry());
    }

    public void remove(Entry entry) {
        entries.remove(entry);
    }

    /** A rule's routing in one line for the list: "region = DACH → Enterprise DACH; …", or empty for none. */
    static String summary(RuleRouting.Draft draft) {
        if (draft == null || draft.routes().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (RuleRouting.RouteDraft route : draft.routes()) {
            parts.add(route.attribute() + " = " + route.value() + " → "
                    + (route.team() != null ? route.team() : route.user()));
        }
        return String.join("; ", parts);
    }

    private static String named(String target, String prefix) {
        return target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : null;
    }

    public Integer getDueHours() {
        return dueHours;
    }

    public void setDueHours(Integer dueHours) {
        this.dueHours = dueHours;
    }

    public String getTeamPick() {
        return teamPick;
    }

    public void setTeamPick(String teamPick) {
        this.teamPick = teamPick;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    public List<String> getTeamPicks() {
        return List.of(Routing.TeamPick.LEAST_BUSY.name(), Routing.TeamPick.ROUND_ROBIN.name());
    }
}
