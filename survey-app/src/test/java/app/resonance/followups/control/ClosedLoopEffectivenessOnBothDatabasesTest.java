package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.FixtureAccess;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Visibility;
import app.resonance.demo.control.DemoDataLoader;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed-loop effectiveness read from the database, on H2 and PostgreSQL: the worked example of {@link
 * RecoveryStatisticsTest} written as tasks and responses in December 2026 (after the demo's days), and the demo's
 * own report, in which the check-in calls won back most of the detractors they reached.
 */
class ClosedLoopEffectivenessOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant JANUARY = Instant.parse("2027-01-01T00:00:00Z");
    static final double EXACT = 1e-12;

    long nextCustomer = 9_000_001;
    long nextTask = 9_100_001;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theWorkedExampleComesOutOfTheDatabaseAndTheDemosCallsWonBackDetractors(String database) throws Exception {
        FixtureAccess fixture = new FixtureAccess(DemoData.migratedWithDemo(database, TODAY, NOW));

        // followed up, closed in December: 2→3, 4→7, 3→7 (the team's, the Detractor rule's), 5→10 (a task without
        // a response: the score before is the customer's latest before the task), 1→8 (cancelled)
        followedUp(fixture, 2, 3, "Enterprise DACH", "DONE", true);
        followedUp(fixture, 4, 7, "Enterprise DACH", "DONE", true);
        followedUp(fixture, 3, 7, "Enterprise DACH", "DONE", true);
        long fourth = followedUp(fixture, 5, 10, null, "DONE", false);
        fixture.insertNps(fourth, Instant.parse("2026-11-30T09:00:00Z"), 9); // earlier: not the score before
        fixture.insertNps(fourth, Instant.parse("2026-12-20T09:00:00Z"), 0); // later than the first later one
        followedUp(fixture, 1, 8, null, "CANCELLED", false);
        // not counted: a closed task whose customer did not answer again; a task closed in January (its customer is
        // no control either: the task was open in December); an open task
        long silent = customer(fixture);
        task(fixture, silent, fixture.insertNps(silent, at(2), 2), null, "DONE", at(3));
        long january = customer(fixture);
        task(
                fixture,
                january,
                fixture.insertNps(january, at(2), 2),
                null,
                "DONE",
                Instant.parse("2027-01-02T10:00:00Z"));
        fixture.insertNps(january, at(20), 10);
        long open = customer(fixture);
        task(fixture, open, fixture.insertNps(open, at(2), 2), null, "OPEN", null);
        fixture.insertNps(open, at(20), 10);
        // not followed up: 2→2, 5→4, 6→8, 3→3, 0→1 (and a promoter's answers, no detractor: not counted)
        int[][] control = {{2, 2}, {5, 4}, {6, 8}, {3, 3}, {0, 1}};
        for (int[] scores : control) {
            long c = customer(fixture);
            fixture.insertNps(c, at(5), scores[0]);
            fixture.insertNps(c, at(15), scores[1]);
        }
        long promoter = customer(fixture);
        fixture.insertNps(promoter, at(5), 9);
        fixture.insertNps(promoter, at(15), 2);

        var report = fixture.inTransaction(
                c -> ClosedLoopEffectiveness.report(c, DECEMBER, JANUARY, new ReportingRules(5, false)));
        assertEquals(5, report.followedUp().pairs());
        assertEquals(4, report.followedUp().recovery().recovered());
        assertEquals(0.3755346297625252, report.followedUp().recovery().low(), EXACT);
        assertEquals(0.9637758913675698, report.followedUp().recovery().high(), EXACT);
        assertEquals(4.0, report.followedUp().change().value(), EXACT);
        assertEquals(1.223554894802206, report.followedUp().change().low(), EXACT);
        assertEquals(5, report.notFollowedUp().pairs());
        assertEquals(1, report.notFollowedUp().recovery().recovered());
        assertEquals(0.4, report.notFollowedUp().change().value(), EXACT);
        assertEquals(0.057779571123597245, report.comparison().pValue(), EXACT);
        assertFalse(report.comparison().significant());
        assertEquals(
                List.of("Enterprise DACH:3", "null:2"),
                report.byTeam().stream().map(g -> g.key() + ":" + g.pairs()).toList());
        assertEquals(
                Visibility.NOT_ENOUGH_RESPONSES,
                report.byTeam().get(0).recovery().visibility());
        assertNull(report.byTeam().get(0).recovery().value());
        assertEquals(
                List.of("Detractor:3", "null:2"),
                report.byRule().stream().map(g -> g.key() + ":" + g.pairs()).toList());
        assertEquals(
                List.of("DONE:4", "CANCELLED:1"),
                report.byAction().stream().map(g -> g.key() + ":" + g.pairs()).toList());

        // The demo: the check-in calls of the last year, against the detractors nobody called
        var demo = fixture.inTransaction(c -> ClosedLoopEffectiveness.report(
                c, TODAY.minusDays(364).atStartOfDay(ZoneOffset.UTC).toInstant(), NOW, ReportingRules.standard()));
        // (the demo's seed fixes these: 66 called detractors with a later answer, 59 of them passive or promoter;
        // 48 before a reached call turned the next detractor answer with probability 0.6, DemoTasks.callEffect)
        var calls = demo.followedUp().recovery();
        assertTrue(calls.shown(), calls.toString());
        assertEquals(66, calls.detractors());
        assertEquals(59, calls.recovered());
        assertEquals(
                DemoDataLoader.CHECK_IN_TASKS + DemoDataLoader.RECOVERY_CALLS,
                fixture.count(
                        "SELECT COUNT(*) FROM follow_up WHERE title = '" + DemoDataLoader.CHECK_IN_TASK_TITLE + "'"));
        // the calls of the recovery months are the Detractor rule's and shown on their own; the CANCELLED ones are
        // fewer than the minimum
        assertEquals("Detractor", demo.byRule().get(0).key());
        assertTrue(demo.byRule().get(0).recovery().shown());
        assertEquals("CANCELLED", demo.byAction().get(1).key());
        assertFalse(demo.byAction().get(1).recovery().shown());
        // and the detractors nobody called answered again too: the comparison is there, with its p value
        assertTrue(demo.notFollowedUp().recovery().shown(), demo.notFollowedUp().toString());
        assertTrue(demo.comparison().testable());
        // and the calls won back measurably more of them than recovered without one
        assertTrue(demo.comparison().difference() > 0.1, demo.comparison().toString());
        assertTrue(
                demo.comparison().pValue() < 0.05,
                demo.comparison() + " " + demo.notFollowedUp().recovery());
    }

    static void sql(FixtureAccess fixture, String sql, Object... values) throws Exception {
        fixture.inTransaction(c -> Jdbc.update(c, sql, values));
    }

    static Instant at(int day) {
        return Instant.parse("2026-12-%02dT09:00:00Z".formatted(day));
    }

    /**
     * A customer who answered {@code before} on December 2nd, got a task (for that response or, without, only for
     * the customer) closed on December 3rd, and answered {@code after} on December 10th; answers the customer.
     */
    long followedUp(FixtureAccess fixture, int before, int after, String team, String status, boolean forResponse)
            throws Exception {
        long customer = customer(fixture);
        long response = fixture.insertNps(customer, at(2), before);
        long task = task(fixture, customer, forResponse ? response : null, team, status, at(3));
        if (forResponse) {
            sql(
                    fixture,
                    "INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,"
                            + " follow_up_id, rule_id) SELECT ?, 'DETRACTOR', survey_id, id, customer_id, ?, ?, ?, ?, 1"
                            + " FROM response WHERE id = ?",
                    task,
                    before,
                    at(2),
                    "test:" + task,
                    task,
                    response);
        }
        fixture.insertNps(customer, at(10), after);
        return customer;
    }

    long customer(FixtureAccess fixture) throws Exception {
        long id = nextCustomer++;
        sql(
                fixture,
                "INSERT INTO customer (id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                id,
                "T-" + id,
                "Test " + id,
                NOW,
                NOW);
        return id;
    }

    /** A task of the customer on the NPS survey the fixture answers, created an hour after December 2nd's answer. */
    long task(FixtureAccess fixture, long customer, Long response, String team, String status, Instant closed)
            throws Exception {
        long id = nextTask++;
        sql(
                fixture,
                "INSERT INTO follow_up (id, survey_id, response_id, customer_id, team_id, status, due_date, resurvey,"
                        + " created_at, updated_at, closed_at, dedup_key, row_version)"
                        + " SELECT ?, MIN(survey_id), ?, ?, (SELECT id FROM team WHERE name = ?), ?, DATE '2026-12-04',"
                        + " FALSE, ?, ?, ?, ?, 0 FROM response WHERE customer_id = ?",
                id,
                response,
                customer,
                team,
                status,
                at(2).plusSeconds(3600),
                at(2).plusSeconds(3600),
                closed,
                "test:" + id,
                customer);
        return id;
    }
}
