package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that resolves to an allowed address when checked and to a private one a moment later.
 * The delivery connects to the address that was checked (one lookup), with the name kept in Host.
 */
class WebhookRebindingTest {

    record Received(String host, String target, String body, String signature) {}

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    int status = 204;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestURI().toString(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("webhook-signature")));
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://10.9.9.9/");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    /** Answers 127.0.0.1 to the first lookup of the name, 10.9.9.9 to every later one. */
    static WebhookTargets.Resolver rebinding(AtomicInteger lookups) {
        return host ->
                new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.9.9.9")};
    }

    WebhookOutbox.Due due() {
        return new WebhookOutbox.Due(
                1, "unused", "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=", 42, "response.created", "{\"a\":1}", 0);
    }

    @Test
    void theDeliveryGoesToTheAddressThatWasCheckedNotToASecondLookup() throws Exception {
        var lookups = new AtomicInteger();
        // 127.0.0.1 is allowed (a receiver inside the company network), 10.9.9.9 is not
        var targets = new WebhookTargets("127.0.0.1", rebinding(lookups));
        URI url = URI.create("http://rebind.example:" + receiver.getAddress().getPort() + "/hook?tenant=7");

        WebhookTargets.Target target = targets.target(url);
        assertEquals(Optional.empty(), target.refusal());
        assertEquals(204, WebhookDispatcher.deliver(url, target.address(), due(), Instant.now()));

        assertEquals(1, lookups.get(), "the name was looked up once, for the check");
        assertEquals(1, received.size(), "the checked address received the POST");
        Received r = received.get(0);
        assertEquals("rebind.example:" + receiver.getAddress().getPort(), r.host(), "the name stays in Host");
        assertEquals("/hook?tenant=7", r.target());
        assertEquals("{\"a\":1}", r.body());
        assertTrue(r.signature().startsWith("v1,"), r.signature());
        // what the second lookup answers is refused: a check at that moment would not let it through
        assertEquals(
                Optional.of(WebhookTargets.Refusal.PRIVATE_ADDRESS),
                targets.target(url).refusal());
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws Exception {
        status = 302;
        var targets = new WebhookTargets("127.0.0.1", rebinding(new AtomicInteger()));
        URI url = URI.create("http://rebind.example:" + receiver.getAddress().getPort() + "/");
        assertEquals(302, WebhookDispatcher.deliver(url, targets.target(url).address(), due(), Instant.now()));
        assertEquals(1, received.size());
    }
}
