package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.DatabaseMigrator;
import app.resonance.testsupport.SampleData;
import app.resonance.testsupport.TestDatabases;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One tick of the dispatcher works through full batches while there is work (within its time budget), so the
 * webhook rate is not capped at one batch of events per two seconds. The receiver is a real HTTP server.
 */
class WebhookDispatcherTickTest {

    static final int EVENTS = 701; // the seeded one and 700 more: more than one batch of 500

    HttpServer receiver;
    final Set<String> received = ConcurrentHashMap.newKeySet();
    DataSource dataSource;
    WebhookDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Resonance-Event-Id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        dataSource = TestDatabases.fresh("h2");
        DatabaseMigrator.migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SampleData.seed(c);
            SampleData.sql(
                    c,
                    "UPDATE webhook_endpoint SET url = ? WHERE id = 1",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            try (var insert = c.prepareStatement("INSERT INTO webhook_event (id, response_id, survey_id, kind,"
                    + " occurred_at) VALUES (?, 7, 1, 'CREATED', ?)")) {
                for (int id = 101; id < 100 + EVENTS; id++) {
                    insert.setLong(1, id);
                    insert.setObject(2, SampleData.T0.atOffset(ZoneOffset.UTC).toLocalDateTime());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        dispatcher = new WebhookDispatcher();
        dispatcher.dataSource = dataSource;
        dispatcher.clock = Clock.fixed(SampleData.T0.plusSeconds(5), ZoneOffset.UTC);
        dispatcher.targets = new WebhookTargets("127.0.0.1", InetAddress::getAllByName);
        dispatcher.retryBaseSeconds = 30;
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SampleData.count(c, sql);
        }
    }

    @Test
    void oneTickDeliversMoreThanOneBatchOfEvents() throws SQLException {
        dispatcher.budget = Duration.ofMinutes(2); // room for a slow, shared machine: the loop is what counts
        dispatcher.tick();

        assertEquals(EVENTS, received.size(), "every event reached the receiver in one tick");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_event"), "all events fanned out");
        assertEquals(EVENTS, count("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED'"));
    }

    @Test
    void theTimeBudgetEndsATickAfterTheBatchInHand() throws SQLException {
        dispatcher.budget = Duration.ZERO;
        dispatcher.tick();

        assertEquals(WebhookDispatcher.DELIVERIES_PER_BATCH, received.size(), "one claimed batch, finished");
        assertEquals(EVENTS - WebhookDispatcher.EVENTS_PER_BATCH, count("SELECT COUNT(*) FROM webhook_event"));
        dispatcher.budget = Duration.ofMinutes(2);
        dispatcher.tick();
        assertEquals(EVENTS, received.size(), "the next tick goes on");
    }
}
