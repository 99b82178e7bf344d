package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.FixtureAccess;
import app.resonance.platform.control.Jdbc;
import app.resonance.testsupport.FollowUpSetUp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alert rules on H2 and PostgreSQL, run exactly as the rollup updater runs them: one task per
 * alerting response with the right alerts, never twice, none for old backfills, spread over support leads.
 */
class AlertRulesOnBothDatabasesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDetractorBecomesOneTaskWithItsAlertsExactlyOnce(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        List<AlertRules.Created> created = new ArrayList<>();
        assertEquals(
                0,
                fixture.count("SELECT COUNT(*) FROM alert WHERE dedup_key NOT LIKE 'demo:%'"),
                "the demo's history raises no alerts (its open tasks and their alerts are written by the loader)");

        fixture.execute(
                "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled,"
                        + " created_at) VALUES (9001, 'lead-b', 'Lead B', 'x', 'SUPPORT_LEAD', TRUE, ?)",
                NOW);
        fixture.execute(
                "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled,"
                        + " created_at) VALUES (9002, 'lead-a', 'Lead A', 'x', 'SUPPORT_LEAD', TRUE, ?)",
                NOW);
        long anna = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00001'");
        long bert = fixture.count("SELECT id FROM customer WHERE external_id = 'C-00002'");
        fixture.execute("UPDATE customer SET renewal_date = ? WHERE id = ?", TODAY.plusDays(30), anna);
        fixture.execute("UPDATE customer SET renewal_date = ? WHERE id = ?", TODAY.plusDays(200), bert);

        // Anna was a promoter ten days ago and is a detractor now, thirty days before her renewal.
        fixture.insertNps(anna, NOW.minus(10, ChronoUnit.DAYS), 10);
        long detractor = fixture.insertNps(anna, NOW.minus(1, ChronoUnit.HOURS), 3);
        drain(fixture, created);
        assertEquals(
                List.of("DETRACTOR", "PROMOTER_TO_DETRACTOR", "RENEWAL_AT_RISK"),
                fixture.strings("SELECT kind FROM alert WHERE response_id = " + detractor + " ORDER BY kind"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM follow_up WHERE response_id = " + detractor));
        long task = fixture.count("SELECT id FROM follow_up WHERE response_id = " + detractor);
        assertEquals(List.of(new AlertRules.Created(task, 9002L)), created, "to lead-a: no open tasks, first by name");
        assertEquals(TODAY.plusDays(2), fixture.date("SELECT due_date FROM follow_up WHERE id = " + task));
        assertEquals(3, fixture.count("SELECT COUNT(*) FROM alert WHERE follow_up_id = " + task));

        // Retries, a change to passive and back to detractor: still one task, three alerts.
        fixture.event(detractor);
        fixture.event(detractor);
        drain(fixture, created);
        fixture.setNpsScore(detractor, 8);
        drain(fixture, created);
        fixture.setNpsScore(detractor, 2);
        drain(fixture, created);
        assertEquals(3, fixture.count("SELECT COUNT(*) FROM alert WHERE dedup_key NOT LIKE 'demo:%'"));
        // tasks raised by alerts (the demo's check-in calls have no response)
        assertEquals(
                1,
                fixture.count(
                        "SELECT COUNT(*) FROM follow_up WHERE response_id IS NOT NULL AND dedup_key NOT LIKE 'demo:%'"));
        assertEquals(1, created.size(), created.toString());

        // Bert's detractor goes to the other lead; a backfilled detractor from last spring raises nothing.
        long second = fixture.insertNps(bert, NOW.minus(2, ChronoUnit.HOURS), 0);
        fixture.insertNps(bert, NOW.minus(200, ChronoUnit.DAYS), 1);
        drain(fixture, created);
        assertEquals(List.of("DETRACTOR"), fixture.strings("SELECT kind FROM alert WHERE response_id = " + second));
        assertEquals(9001L, created.get(1).assigneeId());
        assertEquals(2, created.size());
        assertEquals(
                2,
                fixture.count(
                        "SELECT COUNT(*) FROM follow_up WHERE response_id IS NOT NULL AND dedup_key NOT LIKE 'demo:%'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRoutedDetractorGoesToTheTeamInTurnAndOthersToTheLeastBusyLead(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        // the demo: one overdue task of a DACH customer routed to Enterprise DACH and escalated to its lead
        assertEquals(
                1,
                fixture.count("SELECT COUNT(*) FROM follow_up f JOIN team t ON t.id = f.team_id"
                        + " WHERE t.name = 'Enterprise DACH' AND f.escalated_at IS NOT NULL AND f.status = 'OPEN'"
                        + " AND f.due_at < f.escalated_at"));
        assertEquals(
                List.of("region|DE, AT, CH"),
                fixture.strings("SELECT attribute || '|' || attr_value FROM alert_route WHERE rule_id = 1"));
        for (int i = 1; i <= 3; i++) {
            fixture.execute(
                    "INSERT INTO app_user (id, username, display_name, password_hash, user_role, enabled,"
                            + " created_at) VALUES (?, ?, ?, 'x', 'SUPPORT_LEAD', TRUE, ?)",
                    9100L + i,
                    "member-" + i,
                    "Member " + i,
                    NOW);
        }
        long team = fixture.count("SELECT id FROM team WHERE name = 'Enterprise DACH'");
        fixture.execute("UPDATE team SET lead_id = 9103 WHERE id = ?", team);
        fixture.execute("DELETE FROM team_member WHERE team_id = ?", team);
        fixture.execute("INSERT INTO team_member (team_id, user_id) VALUES (?, 9101), (?, 9102)", team, team);
        fixture.execute("UPDATE alert_rule SET due_hours = 8 WHERE id = 1");
        List<Long> dach =
                fixture.strings("SELECT id FROM customer WHERE region IN ('DE', 'AT', 'CH') ORDER BY id").stream()
                        .map(Long::valueOf)
                        .toList();
        long elsewhere = fixture.count("SELECT MIN(id) FROM customer WHERE region NOT IN ('DE', 'AT', 'CH')");

        List<AlertRules.Created> created = new ArrayList<>();
        List<Long> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(fixture.insertNps(dach.get(i), NOW.minus(3 - i, ChronoUnit.HOURS), 2));
            drain(fixture, created);
        }
        // round robin in username order: member-1, member-2, member-1 again; never the lead (not a member)
        assertEquals(
                List.of(9101L, 9102L, 9101L),
                created.stream().map(AlertRules.Created::assigneeId).toList());
        for (long response : responses) {
            assertEquals(team, fixture.count("SELECT team_id FROM follow_up WHERE response_id = " + response));
        }
        assertEquals(utc(NOW.plus(8, ChronoUnit.HOURS)), fixture.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT due_at FROM follow_up WHERE response_id = ?",
                        rs -> rs.getObject(1, LocalDateTime.class),
                        responses.get(0))
                .orElseThrow()));

        // a customer outside DACH: no entry matches, the least busy support lead, no team
        long other = fixture.insertNps(elsewhere, NOW.minus(30, ChronoUnit.MINUTES), 1);
        drain(fixture, created);
        assertEquals(
                0,
                fixture.count("SELECT COUNT(*) FROM follow_up WHERE team_id IS NOT NULL AND response_id = " + other));
        assertEquals(9103L, created.get(3).assigneeId(), "member-3: a support lead without open tasks");
    }

    /**
     * The alerts on a window of responses: a segment's decline and a topic's rise each become one alert with its
     * figures and one task without a response, once per key (survey, segment or topic, ISO week).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSegmentDeclineAndATopicRiseEachBecomeOneTaskOncePerWeek(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        long survey = fixture.count("SELECT id FROM survey WHERE slug = 'relationship-nps'");
        long business = fixture.count("SELECT id FROM segment WHERE segment_key = 'business'");
        List<java.util.Optional<AlertRules.Created>> made = fixture.inTransaction(c -> {
            AlertRules rules = new AlertRules(
                    c, NOW, TODAY, FollowUpSetUp.RENEWAL_DAYS, FollowUpSetUp.DUE_DAYS, AlertRules.Caps.defaults());
            AlertRule trend = Jdbc.first(
                            c, "SELECT " + AlertRules.COLUMNS + " FROM alert_rule WHERE id = 4", AlertRules::rule)
                    .orElseThrow();
            return List.of(
                    rules.topicRise(survey, "WAITING_TIME", 0.25, 0.10, 0.004, "2026-W48"),
                    rules.topicRise(survey, "WAITING_TIME", 0.30, 0.10, 0.001, "2026-W48"),
                    rules.topicRise(survey, "WAITING_TIME", 0.30, 0.12, 0.002, "2026-W49"),
                    rules.segmentDecline(trend, survey, business, -12.0, 20.0, 0.01, "2026-11-23/7d"),
                    rules.segmentDecline(trend, survey, business, -15.0, 20.0, 0.01, "2026-11-23/7d"));
        });
        assertEquals(
                List.of(true, false, true, true, false),
                made.stream().map(java.util.Optional::isPresent).toList(),
                "once per key");
        assertEquals(
                List.of(
                        "TOPIC_RISE|WAITING_TIME||0.25|0.1|0.004",
                        "TOPIC_RISE|WAITING_TIME||0.3|0.12|0.002",
                        "SEGMENT_DECLINE||" + business + "|-12.0|20.0|0.01"),
                fixture.inTransaction(c -> Jdbc.list(
                        c,
                        "SELECT kind, topic_key, segment_id, figure, previous_figure, p_value FROM alert"
                                + " WHERE dedup_key NOT LIKE 'demo:%' ORDER BY id",
                        rs -> rs.getString(1) + "|" + (rs.getString(2) == null ? "" : rs.getString(2)) + "|"
                                + (rs.getObject(3) == null ? "" : String.valueOf(rs.getLong(3))) + "|"
                                + rs.getDouble(4) + "|" + rs.getDouble(5) + "|" + rs.getDouble(6))));
        long task = made.get(0).orElseThrow().followUpId();
        assertEquals(
                1,
                fixture.count(
                        "SELECT COUNT(*) FROM follow_up WHERE id = " + task
                                + " AND response_id IS NULL AND customer_id IS NULL AND segment_id IS NULL AND status = 'OPEN'"));
        assertEquals(
                1,
                fixture.count("SELECT COUNT(*) FROM follow_up f JOIN alert a ON a.follow_up_id = f.id WHERE"
                        + " a.kind = 'SEGMENT_DECLINE' AND f.segment_id = " + business));

        // the webhook event alert.raised names the topic or the segment with both windows' figures and p
        long segmentTask = made.get(3).orElseThrow().followUpId();
        long before = fixture.count("SELECT COALESCE(MAX(id), 0) FROM webhook_event");
        List<String> events = fixture.inTransaction(c -> {
            new FollowUpEvents().raised(new AlertsRaised(c, NOW, List.of(task, segmentTask)));
            return Jdbc.list(
                    c,
                    "SELECT data FROM webhook_event WHERE kind = 'alert.raised' AND id > ? ORDER BY id",
                    rs -> rs.getString(1),
                    before);
        });
        long topicAlert = fixture.count("SELECT id FROM alert WHERE follow_up_id = " + task);
        long segmentAlert = fixture.count("SELECT id FROM alert WHERE follow_up_id = " + segmentTask);
        assertEquals(
                List.of(
                        "{\"alert\":{\"id\":" + topicAlert + ",\"kind\":\"TOPIC_RISE\",\"followUp\":" + task
                                + ",\"topic\":\"WAITING_TIME\",\"figure\":0.25,\"previousFigure\":0.1,\"pValue\":0.004}}",
                        "{\"alert\":{\"id\":" + segmentAlert + ",\"kind\":\"SEGMENT_DECLINE\",\"followUp\":"
                                + segmentTask
                                + ",\"segment\":\"business\",\"figure\":-12.0,\"previousFigure\":20.0,\"pValue\":0.01}}"),
                events);
    }

    /**
     * A segment trend rule that only notifies: the decline becomes one alert without a task, told once to the
     * destinations with a link to the segment's dashboard (the Slack message passes Slack's documented rules), and
     * {@code alert.raised} goes out with the segment's figures and no task.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSegmentTrendRuleThatOnlyNotifiesToldTheDestinationsAboutTheSegmentOnceWithoutATask(String database)
            throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        long survey = fixture.count("SELECT id FROM survey WHERE slug = 'relationship-nps'");
        long business = fixture.count("SELECT id FROM segment WHERE segment_key = 'business'");
        long tasksBefore = fixture.count("SELECT COUNT(*) FROM follow_up");
        long eventsBefore = fixture.count("SELECT COALESCE(MAX(id), 0) FROM webhook_event");
        fixture.inTransaction(c -> {
            Jdbc.update(c, "UPDATE alert_rule SET action = 'NOTIFY' WHERE id = 4");
            Jdbc.update(
                    c,
                    "INSERT INTO notification_destination (id, kind, name, url, addresses, language, alert_kinds,"
                            + " enabled, created_at) VALUES (901, 'SLACK', 'trends', 'https://hooks.slack.com/services/t',"
                            + " NULL, 'en', NULL, TRUE, ?)",
                    utc(NOW));
            return null;
        });
        for (int i = 0; i < 2; i++) {
            fixture.inTransaction(c -> {
                AlertRule trend = Jdbc.first(
                                c, "SELECT " + AlertRules.COLUMNS + " FROM alert_rule WHERE id = 4", AlertRules::rule)
                        .orElseThrow();
                AlertRules rules = new AlertRules(
                        c, NOW, TODAY, FollowUpSetUp.RENEWAL_DAYS, FollowUpSetUp.DUE_DAYS, AlertRules.Caps.defaults());
                assertEquals(
                        java.util.Optional.empty(),
                        rules.segmentDecline(trend, survey, business, -12.0, 20.0, 0.01, "2026-11-23/7d"),
                        "no task");
                if (!rules.untaskedWindowAlerts().isEmpty()) {
                    AlertsRaised raised = new AlertsRaised(
                            c, NOW, List.of(), java.util.Map.of(), java.util.Map.of(), rules.untaskedWindowAlerts());
                    new app.resonance.notifications.control.AlertNotifications(
                                    new app.resonance.distribution.control.MailSettings(
                                            "localhost", 25, "r@example.com"))
                            .raised(raised);
                    new FollowUpEvents().raised(raised);
                }
                return null;
            });
        }
        assertEquals(tasksBefore, fixture.count("SELECT COUNT(*) FROM follow_up"), "no task");
        assertEquals(
                1,
                fixture.count("SELECT COUNT(*) FROM alert WHERE kind = 'SEGMENT_DECLINE' AND rule_id = 4"
                        + " AND follow_up_id IS NULL AND segment_id = " + business),
                "one alert");
        List<String> payloads = fixture.inTransaction(c -> Jdbc.list(
                c, "SELECT payload FROM notification_delivery WHERE destination_id = 901", rs -> rs.getString(1)));
        assertEquals(1, payloads.size(), "told once");
        var slack = jakarta.json.Json.createReader(new java.io.StringReader(payloads.get(0)))
                .readObject();
        assertEquals(List.of(), app.resonance.notifications.control.ChatFormats.slackErrors(slack));
        String blocks = slack.getJsonArray("blocks").toString();
        assertTrue(
                blocks.contains("/admin/dashboard.xhtml?survey=relationship-nps&amp;segment=business|Open the segment"
                        + " dashboard>"),
                blocks);
        assertTrue(blocks.contains("Survey relationship-nps · segment business"), blocks);
        assertTrue(blocks.contains("Segment\\nbusiness"), blocks);
        assertTrue(blocks.contains("Change\\n20.0 → -12.0 (p = 0.010)"), blocks);
        List<String> events = fixture.inTransaction(c -> Jdbc.list(
                c,
                "SELECT data FROM webhook_event WHERE kind = 'alert.raised' AND id > ? ORDER BY id",
                rs -> rs.getString(1),
                eventsBefore));
        long alert = fixture.count("SELECT id FROM alert WHERE rule_id = 4 AND segment_id = " + business);
        assertEquals(
                List.of("{\"alert\":{\"id\":" + alert + ",\"kind\":\"SEGMENT_DECLINE\",\"segment\":\"business\","
                        + "\"figure\":-12.0,\"previousFigure\":20.0,\"pValue\":0.01}}"),
                events);
    }

    /**
     * Two instances finding the same segment decline at once (the daily check runs on every instance): the first
     * holds the rule's row while it writes the alert and its task; the second waits for it, then finds the alert
     * and raises nothing, without an error. One alert and one task.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoInstancesFindingTheSameSegmentDeclineRaiseOneAlertAndOneTask(String database) throws Exception {
        FixtureAccess fixture = FollowUpSetUp.demo(database, TODAY, NOW);
        long survey = fixture.count("SELECT id FROM survey WHERE slug = 'relationship-nps'");
        long business = fixture.count("SELECT id FROM segment WHERE segment_key = 'business'");
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> fixture.inTransaction(c -> {
                var made = decline(c, survey, business);
                written.countDown();
                try {
                    // hold the transaction (and the rule's lock) while the second instance arrives
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return made;
            }));
            written.await();
            var second = pool.submit(() -> fixture.inTransaction(c -> decline(c, survey, business)));
            assertEquals(
                    List.of(true, false),
                    List.of(first.get().isPresent(), second.get().isPresent()),
                    "the first raises it, the second finds it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                fixture.count("SELECT COUNT(*) FROM alert WHERE rule_id = 4 AND segment_id = " + business
                        + " AND dedup_key = 'SEGMENT_DECLINE:segment:" + survey + ":" + business
                        + ":2026-11-23/7d'"));
        assertEquals(
                1,
                fixture.count("SELECT COUNT(*) FROM follow_up WHERE dedup_key = 'segment:" + survey + ":" + business
                        + ":2026-11-23/7d'"));
    }

    /** The default trend rule's finding for the business segment in the week of 2026-11-23. */
    static java.util.Optional<AlertRules.Created> decline(java.sql.Connection c, long survey, long business)
            throws java.sql.SQLException {
        AlertRule trend = Jdbc.first(
                        c, "SELECT " + AlertRules.COLUMNS + " FROM alert_rule WHERE id = 4", AlertRules::rule)
                .orElseThrow();
        return new AlertRules(
                        c, NOW, TODAY, FollowUpSetUp.RENEWAL_DAYS, FollowUpSetUp.DUE_DAYS, AlertRules.Caps.defaults())
                .segmentDecline(trend, survey, business, -12.0, 20.0, 0.01, "2026-11-23/7d");
    }

    static void drain(FixtureAccess fixture, List<AlertRules.Created> created) throws Exception {
        FollowUpSetUp.drain(fixture, created, TODAY, NOW, AlertRules.Caps.defaults());
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
