package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.FixtureAccess;
import app.resonance.testsupport.FollowUpSetUp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alert rules as data on H2 and PostgreSQL, run as the rollup updater runs them: a custom low-CSAT rule and a
 * keyword rule each fire exactly once per qualifying response (retries and edits included) and record themselves on
 * their alerts; a rule limited to another channel stays quiet; a paused rule fires nothing, also a paused default;
 * a rule that only notifies is told about its response, after its quiet hours, without a task.
 */
class AlertRuleKindsOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(23, 0).toInstant(ZoneOffset.UTC);

    long nextId = 990_000;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachRuleKindFiresOncePerQualifyingResponseAndAPausedRuleNever(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        long anna = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00001'");
        long bert = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00002'");
        long csatSurvey = fixture.count("SELECT id FROM survey WHERE slug = 'post-support-csat'");
        assertEquals(
                List.of(
                        "1:Detractor:LOW_SCORE:NPS:6",
                        "2:Promoter turned detractor:PROMOTER_TO_DETRACTOR::",
                        "3:Detractor close to renewal:RENEWAL_AT_RISK::",
                        "4:Segment falling significantly:SEGMENT_TREND:NPS:",
                        "50:Unhappy with support:LOW_SCORE:CSAT:2"),
                fixture.strings("SELECT id || ':' || name || ':' || kind || ':' || COALESCE(question_type, '') || ':'"
                        + " || COALESCE(CAST(threshold AS VARCHAR(5)), '') FROM alert_rule ORDER BY id"),
                "the default rules and the demo's custom rule");
        assertEquals(
                3,
                fixture.count("SELECT COUNT(*) FROM alert WHERE rule_id = 50 AND kind = 'LOW_SCORE' AND survey_id = "
                        + csatSurvey),
                "the demo's custom rule fired on the latest low support scores");
        fixture.execute("UPDATE alert_rule SET paused = TRUE WHERE id = 50"); // the demo's, tested alone here
        rule(fixture, 60, "Low CSAT", "LOW_SCORE", "CSAT", 2, null, String.valueOf(csatSurvey), null, "TASK");
        rule(fixture, 61, "Cancel", "KEYWORD", null, null, "cancel,refund", null, null, "NOTIFY");
        rule(fixture, 62, "Widget only", "LOW_SCORE", "CSAT", 5, null, null, "WIDGET", "BOTH");
        fixture.execute("UPDATE alert_rule SET quiet_start = '22:00', quiet_end = '07:00' WHERE id = 61");

        List<AlertRules.Created> created = new ArrayList<>();
        long low = csat(fixture, anna, 2, "I will CANCEL my plan");
        drain(fixture, created);
        assertEquals(
                List.of("LOW_SCORE:60", "KEYWORD:61"),
                fixture.strings(
                        "SELECT kind || ':' || rule_id FROM alert WHERE response_id = " + low + " ORDER BY rule_id"));
        long task = fixture.count("SELECT id FROM follow_up WHERE response_id = " + low);
        assertEquals(
                2,
                fixture.count("SELECT COUNT(*) FROM alert WHERE follow_up_id = " + task),
                "both alerts on the response's one task");
        assertEquals(1, created.size());

        // Retries and an edit that stays low: nothing new.
        fixture.event(low);
        fixture.event(low);
        fixture.execute("UPDATE answer SET score = 1 WHERE response_id = ? AND score = 2", low);
        fixture.event(low);
        drain(fixture, created);
        assertEquals(2, fixture.count("SELECT COUNT(*) FROM alert WHERE response_id = " + low));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + low));

        // A keyword alone notifies without a task; a good score without keyword raises nothing.
        long keyword = csat(fixture, bert, 5, "please refund the last invoice");
        long fine = csat(fixture, bert, 4, "all good");
        drain(fixture, created);
        assertEquals(
                List.of("KEYWORD:61"),
                fixture.strings("SELECT kind || ':' || rule_id FROM alert WHERE response_id = " + keyword));
        assertEquals(
                0,
                fixture.count(
                        "SELECT COUNT(*) FROM alert WHERE response_id = " + keyword + " AND follow_up_id IS NOT NULL"));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + keyword));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM alert WHERE response_id = " + fine));
        assertEquals(1, created.size());

        // Paused rules fire nothing: the keyword rule and the default detractor rule.
        fixture.execute("UPDATE alert_rule SET paused = TRUE WHERE id IN (1, 61)");
        long paused = csat(fixture, bert, 5, "cancel");
        long detractor = fixture.insertNps(bert, NOW.minus(1, ChronoUnit.HOURS), 2);
        drain(fixture, created);
        assertEquals(
                0,
                fixture.count("SELECT COUNT(*) FROM alert WHERE response_id IN (" + paused + ", " + detractor + ")"));
        assertEquals(1, created.size());

        // Resumed, the default rule fires on the next detractor as before, under its old key.
        fixture.execute("UPDATE alert_rule SET paused = FALSE WHERE id = 1");
        long next = fixture.insertNps(bert, NOW.minus(30, ChronoUnit.MINUTES), 1);
        drain(fixture, created);
        assertEquals(
                List.of("DETRACTOR:response:" + next),
                fixture.strings("SELECT dedup_key FROM alert WHERE response_id = " + next));
        assertEquals(1, fixture.count("SELECT rule_id FROM alert WHERE response_id = " + next));
        assertEquals(2, created.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void quietHoursHoldATasksNotificationsAndATaskOnlyRuleNotifiesNobody(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        long anna = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00001'");
        long bert = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00002'");
        fixture.execute("UPDATE alert_rule SET paused = TRUE WHERE id = 50");
        rule(fixture, 60, "Low CSAT", "LOW_SCORE", "CSAT", 2, null, null, null, "BOTH");
        rule(fixture, 61, "Refund", "KEYWORD", null, null, "refund", null, null, "TASK");
        rule(fixture, 62, "Cancel", "KEYWORD", null, null, "cancel", null, null, "NOTIFY");
        fixture.execute("UPDATE alert_rule SET quiet_start = '22:00', quiet_end = '07:00' WHERE id IN (60, 62)");
        long quiet = csat(fixture, anna, 1, null);
        long taskOnly = csat(fixture, bert, 5, "refund");
        long notifyOnly = csat(fixture, bert, 4, "we may cancel");
        var told = fixture.inTransaction(c -> {
            var applied =
                    new app.resonance.analytics.control.RollupUpdater(c, FollowUpSetUp.BERLIN).applyPendingEvents(1000);
            AlertRules rules = new AlertRules(
                    c, NOW, TODAY, FollowUpSetUp.RENEWAL_DAYS, FollowUpSetUp.DUE_DAYS, AlertRules.Caps.defaults());
            rules.apply(applied.changes());
            return List.of(rules.notifyAt(), rules.untaskedNotifyAt());
        });
        var notifyAt = told.get(0);
        assertEquals(
                java.util.Map.of(notifyOnly, TODAY.plusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC)),
                told.get(1),
                "the notify-only rule's alert is told about its response, after its quiet hours");
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + notifyOnly));
        long quietTask = fixture.count("SELECT id FROM follow_up WHERE response_id = " + quiet);
        long silentTask = fixture.count("SELECT id FROM follow_up WHERE response_id = " + taskOnly);
        assertEquals(
                java.util.Map.of(quietTask, TODAY.plusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC)),
                notifyAt,
                "held until 07:00 UTC; the task-only rule's task " + silentTask + " is told nowhere");
    }

    void rule(
            FixtureAccess fixture,
            long id,
            String name,
            String kind,
            String type,
            Integer threshold,
            String keywords,
            String surveys,
            String channels,
            String action)
            throws Exception {
        fixture.execute(
                "INSERT INTO alert_rule (id, name, kind, question_type, threshold, keywords, survey_ids, channels,"
                        + " action, paused, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
                id,
                name,
                kind,
                type,
                threshold,
                keywords,
                surveys,
                channels,
                action,
                NOW,
                NOW);
    }

    /** A response to the support survey by e-mail: its CSAT score and comment, with its outbox event. */
    long csat(FixtureAccess fixture, long customer, int score, String comment) throws Exception {
        long survey = fixture.count("SELECT id FROM survey WHERE slug = 'post-support-csat'");
        long version = fixture.count("SELECT published_version_id FROM survey WHERE id = " + survey);
        long id = nextId++;
        Instant at = NOW.minus(2, ChronoUnit.HOURS);
        fixture.execute(
                "INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status,"
                        + " submitted_at, received_at, updated_at) VALUES (?, ?, ?, ?, 'EMAIL', 'en', 'COMPLETE', ?, ?, ?)",
                id,
                survey,
                version,
                customer,
                at,
                at,
                at);
        fixture.execute(
                "INSERT INTO answer (id, response_id, question_id, score) VALUES (?, ?, ?, ?)",
                nextId++,
                id,
                question(fixture, version, "csat"),
                score);
        if (comment != null) {
            fixture.execute(
                    "INSERT INTO answer (id, response_id, question_id, text_value) VALUES (?, ?, ?, ?)",
                    nextId++,
                    id,
                    question(fixture, version, "improve"),
                    comment);
        }
        fixture.execute(
                "INSERT INTO response_event (id, response_id, survey_id, kind, occurred_at) VALUES (?, ?, ?, 'CREATED', ?)",
                nextId++,
                id,
                survey,
                NOW);
        return id;
    }

    static long question(FixtureAccess fixture, long version, String key) throws Exception {
        return fixture.count(
                "SELECT id FROM question WHERE survey_version_id = " + version + " AND question_key = '" + key + "'");
    }

    static void drain(FixtureAccess fixture, List<AlertRules.Created> created) throws Exception {
        FollowUpSetUp.drain(fixture, created, TODAY, NOW, AlertRules.Caps.defaults());
    }
}
