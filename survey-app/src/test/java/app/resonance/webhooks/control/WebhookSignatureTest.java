package app.resonance.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHmacIsSha256AsInRfc4231() {
        // RFC 4231, test case 2.
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmac("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void theHeaderSignsTheTimeStampAndTheBody() {
        String header = WebhookSignature.header("Jefe", 1_795_000_000L, "{}");
        assertEquals("t=1795000000,v1=" + WebhookSignature.hmac("Jefe", "1795000000.{}"), header);
    }

    @Test
    void pausesDoubleFromTheBaseUpToSixHours() {
        Duration base = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), WebhookOutbox.pause(1, base));
        assertEquals(Duration.ofSeconds(60), WebhookOutbox.pause(2, base));
        assertEquals(Duration.ofMinutes(4), WebhookOutbox.pause(4, base));
        assertEquals(Duration.ofHours(6), WebhookOutbox.pause(14, base));
    }
}
