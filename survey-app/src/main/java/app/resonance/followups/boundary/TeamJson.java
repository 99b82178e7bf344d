package app.resonance.followups.boundary;

import app.resonance.followups.control.Teams;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Teams as the admin API takes and answers them (records, JSON-B). */
public final class TeamJson {

    private TeamJson() {}

    @Schema(
            name = "TeamRequest",
            description = "A team: its name, its lead (a support lead or admin, to whom overdue tasks escalate) and"
                    + " its members, all by username")
    public record Request(
            @Schema(required = true, maxLength = 100) String name,

            @Schema(required = true, description = "The lead's username (role SUPPORT_LEAD or ADMIN)")
            String lead,

            @Schema(
                    description = "The members' usernames, at most 50 (routed tasks go to them)",
                    type = SchemaType.ARRAY,
                    implementation = String.class)
            List<String> members) {

        Teams.Draft draft() {
            return new Teams.Draft(name, lead, members);
        }
    }

    @Schema(name = "TeamPerson", description = "A user as a team lists them")
    @JsonbPropertyOrder({"username", "displayName"})
    public record Person(String username, String displayName) {

        static Person of(Teams.Person p) {
            return p == null ? null : new Person(p.username(), p.displayName());
        }
    }

    @Schema(
            name = "Team",
            description =
                    "A team with its lead, members, and its open and overdue tasks (open and past their due" + " time)")
    @JsonbPropertyOrder({"id", "name", "lead", "members", "openTasks", "overdueTasks"})
    public record Team(
            long id,
            String name,

            @JsonbNillable @Schema(nullable = true, description = "null when the lead's account was removed")
            Person lead,

            List<Person> members,
            long openTasks,
            long overdueTasks) {

        static Team of(Teams.Team t) {
            return new Team(
                    t.id(),
                    t.name(),
                    Person.of(t.lead()),
                    t.members().stream().map(Person::of).toList(),
                    t.openTasks(),
                    t.overdueTasks());
        }
    }
}
