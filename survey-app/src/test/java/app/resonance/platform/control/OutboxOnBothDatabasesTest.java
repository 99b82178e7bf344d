package app.resonance.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.distribution.control.MailOutbox;
import app.resonance.testsupport.OutboxSetUp;
import app.resonance.testsupport.SampleData;
import app.resonance.testsupport.TestDatabases;
import app.resonance.webhooks.control.WebhookOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one outbox on H2 and PostgreSQL: mails and webhook deliveries are claimed, retried, delivered and given
 * up by the same code, each after its own channel's pauses; and two claimers never get the same row, neither
 * while one of them holds its claim uncommitted nor when both claim at once.
 */
class OutboxOnBothDatabasesTest {

    static final Instant T0 = SampleData.T0;
    static final Duration LEASE = Duration.ofMinutes(2);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theSameOutboxDeliversMailsAndWebhooks(String database) throws SQLException {
        DataSource dataSource = OutboxSetUp.migrated(database);
        try (Connection c = OutboxSetUp.seeded(dataSource)) {
            WebhookOutbox.fanOut(c, T0, 500);
            mail(c, 1, T0);
            c.commit();
            Outbox.Channel mails = MailOutbox.CHANNEL;
            Outbox.Channel hooks = WebhookOutbox.CHANNEL;

            List<Outbox.Claimed> mail = Outbox.claim(c, mails, T0, 10, LEASE);
            List<Outbox.Claimed> hook = Outbox.claim(c, hooks, T0, 10, LEASE);
            c.commit();
            assertEquals(List.of(new Outbox.Claimed(1, 0)), mail);
            assertEquals(1, hook.size());
            assertEquals(List.of(), Outbox.claim(c, mails, T0.plusSeconds(1), 10, LEASE), "claimed: leased");
            assertEquals(List.of(), Outbox.claim(c, hooks, T0.plusSeconds(1), 10, LEASE), "claimed: leased");

            // both fail once: each is retried after its channel's first pause (a minute, 30 seconds)
            assertEquals(Outbox.Status.PENDING, Outbox.failed(c, mails, mail.get(0), null, "SMTP 421", T0));
            assertEquals(Outbox.Status.PENDING, Outbox.failed(c, hooks, hook.get(0), 503, "HTTP 503", T0));
            c.commit();
            assertEquals(List.of(), Outbox.claim(c, hooks, T0.plusSeconds(29), 10, LEASE));
            assertEquals(List.of(1L), Outbox.due(c, mails, T0.plusSeconds(60), 10));
            assertEquals(List.of(), Outbox.due(c, mails, T0.plusSeconds(59), 10));
            hook = Outbox.claim(c, hooks, T0.plusSeconds(30), 10, LEASE);
            mail = Outbox.claim(c, mails, T0.plusSeconds(60), 10, LEASE);
            assertEquals(1, hook.get(0).attempts());
            assertEquals(1, mail.get(0).attempts());

            Outbox.delivered(c, mails, 1, 250, T0.plusSeconds(61));
            Outbox.delivered(c, hooks, hook.get(0).id(), 204, T0.plusSeconds(31));
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE status = 'DELIVERED'"
                                    + " AND attempts = 2 AND body_text IS NULL AND body_html IS NULL AND last_error IS NULL"));
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED'"
                                    + " AND attempts = 2 AND last_status = 204 AND payload LIKE '{%' AND last_error IS NULL"));
            assertEquals(List.of(), Outbox.claim(c, mails, T0.plus(Duration.ofDays(9)), 10, LEASE), "never twice");
            assertEquals(List.of(), Outbox.claim(c, hooks, T0.plus(Duration.ofDays(9)), 10, LEASE), "never twice");

            // each gives up after its channel's last attempt, and stays visible with its last error
            mail(c, 2, T0);
            var lastMail = Outbox.claim(c, mails, T0, 10, LEASE).get(0);
            assertEquals(
                    Outbox.Status.FAILED,
                    Outbox.failed(
                            c,
                            mails,
                            new Outbox.Claimed(lastMail.id(), MailOutbox.MAX_ATTEMPTS - 1),
                            null,
                            "SMTP 550",
                            T0));
            assertEquals(
                    Outbox.Status.FAILED,
                    Outbox.failed(
                            c,
                            hooks,
                            new Outbox.Claimed(hook.get(0).id(), WebhookOutbox.MAX_ATTEMPTS - 1),
                            null,
                            "ConnectException",
                            T0));
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE id = 2 AND status = 'FAILED'"
                                    + " AND attempts = " + MailOutbox.MAX_ATTEMPTS + " AND last_error = 'SMTP 550'"
                                    + " AND body_text IS NOT NULL"));
            assertEquals(1, SampleData.count(c, "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'FAILED'"));
            assertEquals(List.of(), Outbox.due(c, mails, T0.plus(Duration.ofDays(9)), 10));

            // a cancelled mail is never sent and keeps no body
            mail(c, 3, T0);
            Outbox.cancelled(
                    c, mails, Outbox.claim(c, mails, T0, 10, LEASE).get(0).id(), T0);
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE id = 3 AND status = 'CANCELLED'"
                                    + " AND body_text IS NULL"));
            assertEquals(List.of(), Outbox.due(c, mails, T0.plus(Duration.ofDays(9)), 10));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aClaimerPassesOverRowsAnotherOneHoldsUncommitted(String database) throws SQLException {
        DataSource dataSource = OutboxSetUp.migrated(database);
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            for (long id = 1; id <= 10; id++) {
                mail(first, id, T0.plusMillis(id));
            }
            first.commit();

            List<Outbox.Claimed> a = Outbox.claim(first, MailOutbox.CHANNEL, T0.plusSeconds(1), 4, LEASE);
            // not committed yet: the second claimer neither waits for these rows nor gets them
            List<Outbox.Claimed> b = Outbox.claim(second, MailOutbox.CHANNEL, T0.plusSeconds(1), 10, LEASE);
            second.commit();
            first.commit();
            List<Outbox.Claimed> rest = Outbox.claim(first, MailOutbox.CHANNEL, T0.plusSeconds(1), 10, LEASE);
            first.commit();
            assertEquals(List.of(1L, 2L, 3L, 4L), ids(a));
            if ("postgres".equals(database)) {
                assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), ids(b), "PostgreSQL locks only the rows it returns");
            }
            // H2 locks every row its query reads before it sorts and limits, so there the second claimer may
            // find all of them locked; either way no row is claimed twice, and none is left out
            List<Long> all = new ArrayList<>(ids(a));
            all.addAll(ids(b));
            all.addAll(ids(rest));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), all);
            assertEquals(List.of(), Outbox.claim(first, MailOutbox.CHANNEL, T0.plusSeconds(2), 10, LEASE));
            first.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoClaimersAtOnceNeverGetTheSameRow(String database) throws Exception {
        DataSource dataSource = OutboxSetUp.migrated(database);
        int rows = 200;
        try (Connection c = OutboxSetUp.seeded(dataSource)) {
            for (long id = 1; id <= rows; id++) {
                SampleData.sql(
                        c,
                        "INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status,"
                                + " attempts, next_attempt_at, created_at) VALUES (?, 1, ?, 'response.created', '{}',"
                                + " 'PENDING', 0, ?, ?)",
                        id,
                        id,
                        T0,
                        T0);
            }
            c.commit();
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<Long>> claimer = () -> {
            List<Long> mine = new ArrayList<>();
            start.await();
            while (true) {
                List<Outbox.Claimed> batch = Jdbc.inTransaction(
                        dataSource, c -> Outbox.claim(c, WebhookOutbox.CHANNEL, T0.plusSeconds(1), 7, LEASE));
                if (batch.isEmpty()) {
                    return mine;
                }
                mine.addAll(ids(batch));
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Long>> one = pool.submit(claimer);
            Future<List<Long>> two = pool.submit(claimer);
            List<Long> first = one.get();
            List<Long> second = two.get();
            Set<Long> all = new HashSet<>(first);
            all.retainAll(second);
            assertEquals(Set.of(), all, "claimed by both");
            assertEquals(rows, first.size() + second.size(), "every due row is claimed once");
            assertEquals(rows, new HashSet<>(first).size() + new HashSet<>(second).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void queuedSentAndCancelledMailsKeepTheirMeaningOnUpgrade(String database) throws SQLException {
        DataSource dataSource = TestDatabases.fresh(database);
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("25")
                .load()
                .migrate();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String insert = "INSERT INTO mail_outbox (id, kind, recipient, subject, body_text, created_at,"
                    + " next_attempt_at, attempts, claimed_until, sent_at, cancelled_at)"
                    + " VALUES (?, 'INVITATION', 'anna@example.test', 'Hi', ?, ?, ?, ?, ?, ?, ?)";
            SampleData.sql(c, insert, 1L, "waiting", T0, T0, 2, null, null, null);
            SampleData.sql(c, insert, 2L, "claimed", T0, T0, 0, T0.plusSeconds(300), null, null);
            SampleData.sql(c, insert, 3L, null, T0, T0, 1, null, T0.plusSeconds(5), null);
            SampleData.sql(c, insert, 4L, null, T0, T0, 0, null, null, T0.plusSeconds(7));
            c.commit();
        }
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(
                    List.of(new Outbox.Claimed(1, 2), new Outbox.Claimed(2, 0)),
                    Outbox.claim(c, MailOutbox.CHANNEL, T0.plusSeconds(1), 10, LEASE),
                    "queued mails stay due (a claim of the old kind ends with the upgrade)");
            c.commit();
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE id = 3"
                                    + " AND status = 'DELIVERED' AND attempts = 2 AND delivered_at IS NOT NULL"));
            assertEquals(
                    1,
                    SampleData.count(
                            c,
                            "SELECT COUNT(*) FROM mail_outbox WHERE id = 4"
                                    + " AND status = 'CANCELLED' AND delivered_at IS NULL"));
        }
    }

    static List<Long> ids(List<Outbox.Claimed> claimed) {
        return claimed.stream().map(Outbox.Claimed::id).toList();
    }

    static void mail(Connection c, long id, Instant due) throws SQLException {
        SampleData.sql(
                c,
                "INSERT INTO mail_outbox (id, kind, recipient, subject, body_text, body_html, created_at,"
                        + " next_attempt_at) VALUES (?, 'INVITATION', 'anna@example.test', 'Wie war es?', 'Hallo',"
                        + " '<p>Hallo</p>', ?, ?)",
                id,
                due,
                due);
    }
}
