package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing a rule's tasks: which entry wins, whom a team picks, when a task is due and when it escalates. */
class RoutingTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    static final Routing.Route DACH_TEAM = new Routing.Route("region", "DACH", null, 7L);
    static final Routing.Route ENTERPRISE_USER = new Routing.Route("plan", "Enterprise", 42L, null);
    static final Routing.Route KEY_ACCOUNTS = new Routing.Route("segment", "key-accounts", 43L, null);

    static final Routing ROUTING =
            new Routing(24, Routing.TeamPick.ROUND_ROBIN, List.of(DACH_TEAM, ENTERPRISE_USER, KEY_ACCOUNTS));

    static final List<Routing.Member> MEMBERS = List.of(
            new Routing.Member(3, "carla", 2), new Routing.Member(1, "anna", 5), new Routing.Member(2, "ben", 2));

    @Test
    void theFirstMatchingEntryWinsInTheirOrder() {
        var customer = Map.of("region", Set.of("DACH"), "plan", Set.of("Enterprise"));
        assertEquals(Optional.of(DACH_TEAM), ROUTING.route(customer));
        assertEquals(
                Optional.of(ENTERPRISE_USER),
                ROUTING.route(Map.of("region", Set.of("US"), "plan", Set.of("Enterprise"))));
    }

    @Test
    void valuesMatchIgnoringCaseAndSegmentsByAnyOfTheResponsesKeys() {
        assertEquals(Optional.of(DACH_TEAM), ROUTING.route(Map.of("region", Set.of("dach"))));
        assertEquals(Optional.of(KEY_ACCOUNTS), ROUTING.route(Map.of("segment", Set.of("smb", "key-accounts"))));
    }

    @Test
    void noMatchingEntryLeavesTheFallback() {
        assertEquals(Optional.empty(), ROUTING.route(Map.of("region", Set.of("US"), "plan", Set.of("Starter"))));
        assertEquals(Optional.empty(), ROUTING.route(Map.of()));
        assertEquals(Optional.empty(), Routing.NONE.route(Map.of("region", Set.of("DACH"))));
    }

    @Test
    void roundRobinRotatesThroughTheMembersInUsernameOrder() {
        List<Long> picked = new ArrayList<>();
        Long last = null;
        for (int i = 0; i < 4; i++) {
            last = Routing.pick(Routing.TeamPick.ROUND_ROBIN, MEMBERS, last).orElseThrow();
            picked.add(last);
        }
        // anna (1), ben (2), carla (3), then anna again
        assertEquals(List.of(1L, 2L, 3L, 1L), picked);
    }

    @Test
    void roundRobinStartsAtTheFirstWhenTheLastAssigneeLeftTheTeam() {
        assertEquals(Optional.of(1L), Routing.pick(Routing.TeamPick.ROUND_ROBIN, MEMBERS, 99L));
    }

    @Test
    void leastBusyTakesTheFewestOpenTasksAndBreaksTiesByUsername() {
        // ben and carla both have 2 open tasks: ben comes first
        assertEquals(Optional.of(2L), Routing.pick(Routing.TeamPick.LEAST_BUSY, MEMBERS, null));
        var fewer = List.of(new Routing.Member(3, "carla", 1), new Routing.Member(2, "ben", 2));
        assertEquals(Optional.of(3L), Routing.pick(Routing.TeamPick.LEAST_BUSY, fewer, null));
    }

    @Test
    void aTeamWithoutMembersPicksNobody() {
        assertEquals(Optional.empty(), Routing.pick(Routing.TeamPick.LEAST_BUSY, List.of(), null));
        assertEquals(Optional.empty(), Routing.pick(Routing.TeamPick.ROUND_ROBIN, List.of(), 1L));
    }

    @Test
    void aRulesDueHoursSetTheDueTimeElseTheConfiguredDays() {
        Instant now = CLOCK.instant();
        assertEquals(Instant.parse("2026-12-08T10:00:00Z"), Routing.dueAt(24, now));
        assertEquals(LocalDate.of(2026, 12, 8), Routing.dueDate(Routing.dueAt(24, now), LocalDate.of(2026, 12, 7), 2));
        assertNull(Routing.dueAt(null, now));
        assertEquals(LocalDate.of(2026, 12, 9), Routing.dueDate(null, LocalDate.of(2026, 12, 7), 2));
    }

    @Test
    void aTaskIsOverdueOnceItsDueHourPassedOrItsDueDayEnded() {
        Instant now = CLOCK.instant();
        assertTrue(Routing.overdue(Instant.parse("2026-12-07T09:59:00Z"), null, now));
        assertFalse(Routing.overdue(Instant.parse("2026-12-07T10:00:00Z"), null, now));
        assertFalse(Routing.overdue(null, LocalDate.of(2026, 12, 7), now));
        assertTrue(Routing.overdue(null, LocalDate.of(2026, 12, 6), now));
    }

    @Test
    void anOverdueOpenTeamTaskEscalatesOnceToAKnownLead() {
        Instant now = CLOCK.instant();
        Instant due = Instant.parse("2026-12-07T08:00:00Z");
        assertTrue(Routing.escalates(true, 5L, null, due, null, now));
        // escalated before: never again
        assertFalse(Routing.escalates(true, 5L, Instant.parse("2026-12-07T09:00:00Z"), due, null, now));
        // done, no lead (no team or the lead's account removed), or not yet due: nothing happens
        assertFalse(Routing.escalates(false, 5L, null, due, null, now));
        assertFalse(Routing.escalates(true, null, null, due, null, now));
        assertFalse(Routing.escalates(true, 5L, null, Instant.parse("2026-12-07T11:00:00Z"), null, now));
    }
}
