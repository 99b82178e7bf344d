package app.resonance.demo.control;

import app.resonance.followups.control.CustomerReplies;
import app.resonance.platform.control.IdBlocks;
import app.resonance.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The follow-up work of the demo, written after the responses it refers to: the check-in calls behind the marker
 * (done tasks with a note) and the open tasks of recent detractors with their alerts.
 */
final class DemoTasks {

    static final String SUPPORT_SURVEY = "post-support-csat";

    /** How many of the latest low support scores the demo's custom alert rule fired on. */
    static final int SUPPORT_ALERTS = 3;

    private final Connection connection;
    private final IdBlocks ids;
    private final LocalDate today;
    private final LocalDateTime now;
    private final long survey;
    private final long support;

    DemoTasks(Connection connection, IdBlocks ids, DemoSetup setup, LocalDate today, LocalDateTime now) {
        this.connection = connection;
        this.ids = ids;
        this.today = today;
        this.now = now;
        this.survey = setup.surveyId(DemoDataLoader.MARKER_SURVEY);
        this.support = setup.surveyId(SUPPORT_SURVEY);
    }

    /**
     * The calls behind the marker: the Business customers who gave relationship-nps a detractor score in the month
     * before the calls started each got a check-in call in the weeks after, as a done follow-up task of the demo
     * lead (assigned here if the account exists already, otherwise by {@link DemoAccounts} when it creates it) with a
     * note of what was agreed.
     */
    void checkInCalls(long business) throws SQLException {
        LocalDate calls = today.minusDays(DemoStory.CALLS_START_DAYS_AGO);
        List<Long> detractors = Jdbc.list(
                connection,
                """
                SELECT r.customer_id FROM response r
                 JOIN response_segment rs ON rs.response_id = r.id AND rs.segment_id = ?
                 JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                 WHERE r.survey_id = ? AND q.question_type = 'NPS' AND a.score <= 6
                 AND r.customer_id IS NOT NULL AND r.submitted_at >= ? AND r.submitted_at < ?
                 GROUP BY r.customer_id ORDER BY r.customer_id FETCH FIRST %d ROWS ONLY""".formatted(DemoDataLoader.CHECK_IN_TASKS),
                rs -> rs.getLong(1),
                business,
                survey,
                calls.minusDays(30).atStartOfDay(),
                calls.atStartOfDay());
        DemoAccounts.limitBusinessViewer(connection);
        Long lead = Jdbc.first(
                        connection,
                        "SELECT id FROM app_user WHERE username = ?",
                        rs -> rs.getLong(1),
                        DemoAccounts.LEAD)
                .orElse(null);
        for (int i = 0; i < detractors.size(); i++) {
            LocalDateTime created = calls.plusDays(i * 2L).atTime(9, 0);
            LocalDateTime closed = created.plusDays(1 + i % 3).withHour(15);
            long task = ids.next("follow_up_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO follow_up (id, survey_id, customer_id, segment_id, assignee_id, title, status, due_date,
                     resurvey, created_at, updated_at, closed_at, dedup_key, row_version)
                     VALUES (?, ?, ?, ?, ?, ?, 'DONE', ?, TRUE, ?, ?, ?, ?, 0)""",
                    task,
                    survey,
                    detractors.get(i),
                    business,
                    lead,
                    DemoDataLoader.CHECK_IN_TASK_TITLE,
                    created.toLocalDate().plusDays(2),
                    created,
                    closed,
                    closed,
                    "demo:check-in:" + detractors.get(i));
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO follow_up_note (follow_up_id, position, author, note_text, created_at)
                     VALUES (?, 0, ?, ?, ?)""",
                    task,
                    DemoAccounts.LEAD,
                    i % 2 == 0
                            ? "Angerufen: Ticket-Rückstau erklärt, fester Ansprechpartner im Support zugesagt."
                            : "Called: walked through the open tickets, named a support contact, follow-up in 4 weeks.",
                    closed);
        }
    }

    /**
     * The check-in calls of the recovery months, as the default Detractor rule makes them: up to {@value
     * DemoDataLoader#RECOVERY_CALLS} Business customers (besides those of {@link #checkInCalls}) who gave
     * relationship-nps a detractor score from the day the calls started until 100 days ago each got a task for that
     * response with its DETRACTOR alert, routed to the team when they are DACH customers, closed one to three days
     * later: done with a note, every eighth cancelled (not reached). Whether they answered better later is the
     * story's: the effectiveness report compares them with the detractors nobody called.
     */
    void recoveryCalls() throws SQLException {
        LocalDate calls = today.minusDays(DemoStory.CALLS_START_DAYS_AGO);
        List<Detractor> detractors = Jdbc.list(
                connection,
                """
                SELECT r.id, r.customer_id, a.score FROM response r
                 JOIN customer c ON c.id = r.customer_id AND c.plan = ?
                 JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                 WHERE r.survey_id = ? AND q.question_type = 'NPS' AND a.score <= 6
                 AND r.submitted_at >= ? AND r.submitted_at < ?
                 AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = r.customer_id)
                 ORDER BY r.submitted_at, r.id""",
                rs -> new Detractor(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
                DemoStory.DIP_SEGMENT_PLAN,
                survey,
                calls.atStartOfDay(),
                today.minusDays(100).atStartOfDay());
        java.util.Set<Long> called = new java.util.HashSet<>();
        int n = 0;
        for (Detractor d : detractors) {
            if (n == DemoDataLoader.RECOVERY_CALLS || !called.add(d.customer())) {
                continue;
            }
            LocalDateTime answered = Jdbc.first(
                            connection,
                            "SELECT submitted_at FROM response WHERE id = ?",
                            rs -> rs.getObject(1, LocalDateTime.class),
                            d.response())
                    .orElseThrow();
            LocalDateTime created = answered.plusMinutes(5);
            LocalDateTime closed = created.plusDays(1 + n % 3).withHour(16).withMinute(0);
            boolean reached = n % 8 != 7;
            boolean dach = DACH.contains(region(d.customer()));
            long task = ids.next("follow_up_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO follow_up (id, survey_id, response_id, customer_id, assignee_id, team_id, title, status,
                     due_date, resurvey, created_at, updated_at, closed_at, dedup_key, row_version)
                     VALUES (?, ?, ?, ?, (SELECT id FROM app_user WHERE username = ?),
                     (SELECT id FROM team WHERE name = ?), ?, ?, ?, FALSE, ?, ?, ?, ?, 0)""",
                    task,
                    survey,
                    d.response(),
                    d.customer(),
                    DemoAccounts.LEAD,
                    dach ? TEAM : null,
                    DemoDataLoader.CHECK_IN_TASK_TITLE,
                    reached ? "DONE" : "CANCELLED",
                    created.toLocalDate().plusDays(2),
                    created,
                    closed,
                    closed,
                    "demo:recovery:" + d.response());
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,
                     follow_up_id, rule_id) VALUES (?, 'DETRACTOR', ?, ?, ?, ?, ?, ?, ?, 1)""",
                    ids.next("alert_seq"),
                    survey,
                    d.response(),
                    d.customer(),
                    d.score(),
                    created,
                    "demo:DETRACTOR:" + d.response(),
                    task);
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO follow_up_note (follow_up_id, position, author, note_text, created_at)
                     VALUES (?, 0, ?, ?, ?)""",
                    task,
                    DemoAccounts.LEAD,
                    reached
                            ? (dach
                                    ? "Angerufen: Rückstand erklärt, festen Ansprechpartner genannt."
                                    : "Called: explained the backlog, named a support contact.")
                            : (dach ? "Nicht erreicht, Aufgabe geschlossen." : "Not reached, task closed."),
                    closed);
            n++;
        }
    }

    /**
     * What a reached call did, in the story: of the customers a check-in call reached (done tasks; not the cancelled
     * ones), the next relationship-nps answer after the call that was still a detractor's became a passive's or a
     * promoter's with probability {@value #CALL_EFFECT} (drawn from the demo's seed in the tasks' order; its comment,
     * written for the low score, is dropped). Without it a call changed nothing: the called and the uncalled Business
     * detractors recovered alike with the segment (73 % against 74 %), and the effectiveness report had nothing to
     * show. Runs before the rollups are built from the answers. Answers how many answers it changed.
     */
    int callEffect() throws SQLException {
        record Called(long customer, LocalDateTime closed) {}
        record Next(long response, long answer, int score) {}
        List<Called> called = Jdbc.list(
                connection,
                "SELECT customer_id, closed_at FROM follow_up WHERE survey_id = ? AND title = ? AND status = 'DONE'"
                        + " ORDER BY id",
                rs -> new Called(rs.getLong(1), rs.getObject(2, LocalDateTime.class)),
                survey,
                DemoDataLoader.CHECK_IN_TASK_TITLE);
        java.util.Random random = new java.util.Random(DemoDataLoader.SEED);
        int changed = 0;
        for (Called c : called) {
            var next = Jdbc.first(
                    connection,
                    """
                    SELECT r.id, a.id, a.score FROM response r JOIN answer a ON a.response_id = r.id
                     JOIN question q ON q.id = a.question_id
                     WHERE q.question_type = 'NPS' AND a.score IS NOT NULL AND r.status = 'COMPLETE'
                     AND r.customer_id = ? AND r.survey_id = ? AND r.submitted_at > ?
                     ORDER BY r.submitted_at, r.id FETCH FIRST 1 ROWS ONLY""",
                    rs -> new Next(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
                    c.customer(),
                    survey,
                    c.closed());
            double draw = random.nextDouble();
            int score = 7 + random.nextInt(4);
            if (next.isEmpty() || next.get().score() > 6 || draw >= CALL_EFFECT) {
                continue;
            }
            Jdbc.update(
                    connection,
                    "UPDATE answer SET score = ? WHERE id = ?",
                    score,
                    next.get().answer());
            Jdbc.update(
                    connection,
                    "DELETE FROM answer WHERE response_id = ? AND text_value IS NOT NULL AND question_id IN"
                            + " (SELECT id FROM question WHERE question_type IN ('SHORT_TEXT', 'LONG_TEXT'))",
                    next.get().response());
            changed++;
        }
        return changed;
    }

    /** The share of a reached customer's next detractor answers that the call turned (see {@link #callEffect}). */
    static final double CALL_EFFECT = 0.6;

    /** A recent detractor: response, customer and score. */
    private record Detractor(long response, long customer, int score) {}

    /**
     * Work still to do, so that the overview and the follow-up list show it: the {@value DemoDataLoader#OPEN_TASKS}
     * latest detractors of known customers on relationship-nps one to two weeks ago became tasks with their
     * DETRACTOR alert, as the rules make them; two of them are overdue, one is in progress.
     */
    void openTasks() throws SQLException {
        List<Detractor> detractors = Jdbc.list(
                connection,
                """
                SELECT r.id, r.customer_id, a.score FROM response r
                 JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                 WHERE r.survey_id = ? AND q.question_type = 'NPS' AND a.score <= 6
                 AND r.customer_id IS NOT NULL AND r.submitted_at >= ? AND r.submitted_at < ?
                 ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST %d ROWS ONLY""".formatted(DemoDataLoader.OPEN_TASKS),
                rs -> new Detractor(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
                survey,
                today.minusDays(14).atStartOfDay(),
                today.minusDays(7).atStartOfDay());
        // the first task (overdue) is a DACH customer's if there is one: the one escalated to the team's lead
        detractors = new java.util.ArrayList<>(detractors);
        for (int i = 0; i < detractors.size(); i++) {
            if (DACH.contains(region(detractors.get(i).customer()))) {
                detractors.add(0, detractors.remove(i));
                break;
            }
        }
        // created days ago, due in days from today (negative: overdue), status
        int[][] plan = {{6, -4}, {5, -3}, {3, 1}, {1, 1}, {0, 2}};
        boolean escalated = false;
        for (int i = 0; i < detractors.size() && i < plan.length; i++) {
            Detractor d = detractors.get(i);
            LocalDateTime created = now.minusDays(plan[i][0]).minusHours(2);
            long task = ids.next("follow_up_seq");
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO follow_up (id, survey_id, response_id, customer_id, assignee_id, title, status,
                     due_date, resurvey, created_at, updated_at, dedup_key, row_version)
                     VALUES (?, ?, ?, ?, (SELECT id FROM app_user WHERE username = ?), NULL, ?, ?, FALSE, ?, ?, ?, 0)""",
                    task,
                    survey,
                    d.response(),
                    d.customer(),
                    DemoAccounts.LEAD,
                    i == 2 ? "IN_PROGRESS" : "OPEN",
                    today.plusDays(plan[i][1]),
                    created,
                    created,
                    "demo:open:" + d.response());
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,
                     follow_up_id, rule_id) VALUES (?, 'DETRACTOR', ?, ?, ?, ?, ?, ?, ?, 1)""",
                    ids.next("alert_seq"),
                    survey,
                    d.response(),
                    d.customer(),
                    d.score(),
                    created,
                    "demo:DETRACTOR:" + d.response(),
                    task);
            if (i == 0) {
                reply(task, d, created.plusHours(3));
            }
            if (!escalated && plan[i][1] < 0 && DACH.contains(region(d.customer()))) {
                escalate(task, today.plusDays(plan[i][1]));
                escalated = true;
            }
        }
    }

    /**
     * The lead's reply to the customer of the first task (the overdue one the list shows on top), as the console sends one: the template in the
     * customer's language (German or English in the demo) with a sentence of the lead's, delivered through the outbox
     * (its mail row done, its body cleared as the outbox clears it), kept in the task's history.
     */
    private void reply(long task, Detractor d, LocalDateTime at) throws SQLException {
        record Customer(String name, String email, String locale, LocalDate answered) {}
        var customer = Jdbc.first(
                connection,
                "SELECT c.name, c.email, r.locale, r.submitted_at FROM customer c, response r"
                        + " WHERE c.id = ? AND r.id = ?",
                rs -> new Customer(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDateTime.class).toLocalDate()),
                d.customer(),
                d.response());
        if (customer.isEmpty() || customer.get().email() == null) {
            return;
        }
        Customer c = customer.get();
        boolean german =
                "de".equals(CustomerReplies.respondentLanguage(c.locale()).orElse("en"));
        String language = german ? "de" : "en";
        String title = Jdbc.first(
                        connection,
                        "SELECT v.title_de, v.title_en FROM survey_version v JOIN survey s ON s.published_version_id = v.id"
                                + " WHERE s.id = ?",
                        rs -> german ? rs.getString(1) : rs.getString(2),
                        survey)
                .orElse(DemoDataLoader.MARKER_SURVEY);
        var template =
                CustomerReplies.compose(language, c.email(), c.name(), title, c.answered(), "Sabine Support-Lead");
        String body = template.body()
                .replace(
                        "\n\n\n\n",
                        german
                                ? "\n\nEs tut uns leid, dass Sie beim Support so lange warten mussten. Ich habe Ihr"
                                        + " Anliegen übernommen und rufe Sie diese Woche an.\n\n"
                                : "\n\nWe are sorry that support kept you waiting so long. I have taken over your"
                                        + " case and will call you this week.\n\n");
        long mail = ids.next("mail_outbox_seq");
        Jdbc.update(
                connection,
                """
                INSERT INTO mail_outbox (id, kind, recipient, subject, created_at, next_attempt_at, attempts, status,
                 delivered_at, reply_to, row_version) VALUES (?, 'REPLY', ?, ?, ?, ?, 1, 'DELIVERED', ?, ?, 0)""",
                mail,
                c.email(),
                template.subject(),
                at,
                at,
                at.plusMinutes(1),
                DemoAccounts.LEAD_EMAIL);
        Jdbc.update(
                connection,
                """
                INSERT INTO follow_up_reply (id, follow_up_id, mail_id, sender, recipient, reply_to, language, subject,
                 body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ids.next("follow_up_reply_seq"),
                task,
                mail,
                DemoAccounts.LEAD,
                c.email(),
                DemoAccounts.LEAD_EMAIL,
                language,
                template.subject(),
                body,
                at);
    }

    /** The regions the demo team serves (the routing entry of the Detractor rule names them). */
    static final List<String> DACH = List.of("DE", "AT", "CH");

    /** The demo team and the one routing entry that sends the detractors of DACH customers to it. */
    static final String TEAM = "Enterprise DACH";

    /**
     * The team "Enterprise DACH" (its lead and member: the demo lead, set here if the account exists already,
     * otherwise by {@link DemoAccounts}), the routing entry "region = DE, AT, CH -> Enterprise DACH" on the
     * default Detractor rule (within the team: round robin).
     */
    void team() throws SQLException {
        long team = Jdbc.nextval(connection, "team_seq");
        Jdbc.update(
                connection,
                "INSERT INTO team (id, name, lead_id, created_at, updated_at)"
                        + " VALUES (?, ?, (SELECT id FROM app_user WHERE username = ?), ?, ?)",
                team,
                TEAM,
                DemoAccounts.LEAD,
                now.minusDays(20),
                now.minusDays(20));
        Jdbc.update(
                connection,
                "INSERT INTO team_member (team_id, user_id) SELECT ?, id FROM app_user WHERE username = ?",
                team,
                DemoAccounts.LEAD);
        Jdbc.update(connection, "UPDATE alert_rule SET team_pick = 'ROUND_ROBIN' WHERE id = 1");
        Jdbc.update(
                connection,
                "INSERT INTO alert_route (rule_id, position, attribute, attr_value, team_id)"
                        + " VALUES (1, 0, 'region', ?, ?)",
                String.join(", ", DACH),
                team);
    }

    private String region(long customer) throws SQLException {
        return Jdbc.first(connection, "SELECT region FROM customer WHERE id = ?", rs -> rs.getString(1), customer)
                .orElse(null);
    }

    /**
     * An overdue task of a DACH customer, routed to the team and escalated to its lead the morning after its due
     * day, with the note the escalation writes (in the lead's language, German).
     */
    private void escalate(long task, LocalDate due) throws SQLException {
        LocalDateTime at = due.plusDays(1).atTime(7, 0);
        Jdbc.update(
                connection,
                "UPDATE follow_up SET team_id = (SELECT id FROM team WHERE name = ?), due_at = ?, escalated_at = ?,"
                        + " updated_at = ? WHERE id = ?",
                TEAM,
                due.atTime(23, 59),
                at,
                at,
                task);
        Jdbc.update(
                connection,
                "INSERT INTO follow_up_note (follow_up_id, position, author, note_text, created_at)"
                        + " VALUES (?, 0, ?, ?, ?)",
                task,
                app.resonance.followups.entity.FollowUpNote.SYSTEM,
                "Überfällig: an Sabine Support-Lead eskaliert, die Leitung von " + TEAM + ".",
                at);
    }

    /**
     * A custom alert rule besides the default ones: a CSAT of 2 or less on the support survey notifies the team
     * (quiet from 20:00 to 06:00 UTC); it fired on the {@value #SUPPORT_ALERTS} latest such responses of known
     * customers in the last week.
     */
    void supportRule() throws SQLException {
        long rule = Jdbc.nextval(connection, "alert_rule_seq");
        Jdbc.update(connection, """
                INSERT INTO alert_rule (id, name, kind, question_type, threshold, survey_ids, action, quiet_start,
                 quiet_end, paused, created_at, updated_at)
                 VALUES (?, 'Unhappy with support', 'LOW_SCORE', 'CSAT', 2, ?, 'NOTIFY', '20:00', '06:00', FALSE, ?, ?)""", rule, String.valueOf(support), now.minusDays(10), now.minusDays(10));
        List<Detractor> low = Jdbc.list(
                connection,
                """
                SELECT r.id, r.customer_id, a.score FROM response r
                 JOIN answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
                 WHERE r.survey_id = ? AND q.question_type = 'CSAT' AND a.score <= 2
                 AND r.customer_id IS NOT NULL AND r.submitted_at >= ?
                 ORDER BY r.submitted_at DESC, r.id DESC FETCH FIRST %d ROWS ONLY""".formatted(SUPPORT_ALERTS),
                rs -> new Detractor(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
                support,
                today.minusDays(7).atStartOfDay());
        for (Detractor d : low) {
            Jdbc.update(
                    connection,
                    """
                    INSERT INTO alert (id, kind, survey_id, response_id, customer_id, score, created_at, dedup_key,
                     rule_id) VALUES (?, 'LOW_SCORE', ?, ?, ?, ?, (SELECT submitted_at FROM response WHERE id = ?), ?, ?)""",
                    ids.next("alert_seq"),
                    support,
                    d.response(),
                    d.customer(),
                    d.score(),
                    d.response(),
                    "demo:rule:" + rule + ":" + d.response(),
                    rule);
        }
    }
}
