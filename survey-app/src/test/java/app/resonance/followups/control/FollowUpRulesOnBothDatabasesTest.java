package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.FixtureAccess;
import app.resonance.demo.control.DemoDataLoader;
import app.resonance.testsupport.FollowUpSetUp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The follow-up rules on H2 and PostgreSQL, run as the outbox consumer runs them (issue 12 defect 6, issue 14
 * finding 12): an anonymous detractor becomes a task only when the admin's rule says so; one client and one
 * survey create at most their hourly cap of tasks, and every detractor beyond it is held back and counted once.
 */
class FollowUpRulesOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);

    @Test
    void theDefaultCapsAreFivePerClientAndTwoHundredPerSurveyAnHour() {
        assertEquals(new AlertRules.Caps(5, 200), AlertRules.Caps.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAnonymousDetractorBecomesATaskOnlyWhenTheRuleSaysSo(String database) throws Exception {
        FixtureAccess fixture = demo(database);
        // the demo shows work to do: open tasks with their detractor alert, two of them overdue
        assertEquals(
                DemoDataLoader.OPEN_TASKS,
                fixture.count("SELECT COUNT(*) FROM follow_up f JOIN alert a ON a.follow_up_id = f.id"
                        + " WHERE f.status IN ('OPEN', 'IN_PROGRESS') AND a.kind = 'DETRACTOR'"));
        assertEquals(
                2,
                fixture.count("SELECT COUNT(*) FROM follow_up WHERE status = 'OPEN' AND due_date < DATE '2026-11-23'"));
        List<AlertRules.Created> created = new ArrayList<>();
        long anna = customer(fixture, 1);

        long first = anonymous(fixture, anna, "client-a", NOW.minus(30, ChronoUnit.MINUTES));
        drain(fixture, created, AlertRules.Caps.defaults());
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + first));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM alert WHERE response_id = " + first));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM held_alert"), "not held: the rule, not a cap");
        assertEquals(List.of(), created, "no task, so no mail");

        fixture.execute("UPDATE follow_up_rule SET anonymous_detractors = TRUE WHERE id = 1");
        long second = anonymous(fixture, anna, "client-a", NOW.minus(20, ChronoUnit.MINUTES));
        drain(fixture, created, AlertRules.Caps.defaults());
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + second));
        assertEquals(List.of("DETRACTOR"), fixture.strings("SELECT kind FROM alert WHERE response_id = " + second));
        assertEquals(1, created.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theSixthDetractorFromOneClientWithinAnHourIsHeldBack(String database) throws Exception {
        FixtureAccess fixture = demo(database);
        List<AlertRules.Created> created = new ArrayList<>();
        List<Long> responses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            responses.add(fromClient(fixture, customer(fixture, i), "client-a", NOW.minus(50 - i, ChronoUnit.MINUTES)));
            drain(fixture, created, AlertRules.Caps.defaults());
        }
        assertEquals(5, created.size(), created.toString());
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + responses.get(5)));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM alert WHERE response_id = " + responses.get(5)));
        assertEquals(
                List.of("CLIENT"),
                fixture.strings("SELECT cap FROM held_alert WHERE response_id = " + responses.get(5)));

        // a retry of the held one counts once; another client still gets its task
        fixture.event(responses.get(5));
        long other = fromClient(fixture, customer(fixture, 7), "client-b", NOW.minus(5, ChronoUnit.MINUTES));
        drain(fixture, created, AlertRules.Caps.defaults());
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM held_alert"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + other));
        assertEquals(6, created.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSurveyBeyondItsHourlyCapHoldsDetractorsOfEveryClientBack(String database) throws Exception {
        FixtureAccess fixture = demo(database);
        List<AlertRules.Created> created = new ArrayList<>();
        AlertRules.Caps caps = new AlertRules.Caps(5, 3);
        for (int i = 1; i <= 5; i++) {
            fromClient(fixture, customer(fixture, i), "client-" + i, NOW.minus(50 - i, ChronoUnit.MINUTES));
            drain(fixture, created, caps);
        }
        assertEquals(3, created.size(), created.toString());
        assertEquals(
                3,
                fixture.count(
                        "SELECT COUNT(*) FROM follow_up WHERE response_id IS NOT NULL AND dedup_key NOT LIKE 'demo:%'"));
        assertEquals(List.of("SURVEY", "SURVEY"), fixture.strings("SELECT cap FROM held_alert ORDER BY response_id"));
        assertEquals(
                0,
                fixture.count("SELECT COUNT(*) FROM follow_up f JOIN held_alert h ON h.response_id = f.response_id"));
    }

    static FixtureAccess demo(String database) throws Exception {
        return FollowUpSetUp.demo(database, TODAY, NOW);
    }

    static long customer(FixtureAccess fixture, int n) throws Exception {
        return fixture.count("SELECT id FROM customer WHERE external_id = '" + String.format("C-%05d", n) + "'");
    }

    /** An identified detractor (score 2) sent from the client with this key. */
    static long fromClient(FixtureAccess fixture, long customer, String client, Instant at) throws Exception {
        long id = fixture.insertNps(customer, at, 2);
        fixture.execute("UPDATE response SET client_key = ? WHERE id = ?", client, id);
        return id;
    }

    /** A detractor (score 2) without a customer, sent from the client with this key. */
    static long anonymous(FixtureAccess fixture, long anyCustomer, String client, Instant at) throws Exception {
        long id = fromClient(fixture, anyCustomer, client, at);
        fixture.execute("UPDATE response SET customer_id = NULL WHERE id = ?", id);
        return id;
    }

    static void drain(FixtureAccess fixture, List<AlertRules.Created> created, AlertRules.Caps caps) throws Exception {
        FollowUpSetUp.drain(fixture, created, TODAY, NOW, caps);
    }
}
