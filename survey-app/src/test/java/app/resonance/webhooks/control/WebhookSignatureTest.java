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
    void theStandardSignatureMatchesTheSpecificationsExample() {
        // The example of the Standard Webhooks specification and its reference libraries.
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.standard(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1_614_265_330L,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void deliveriesCarryTheStandardHeadersAndTheOldOneForOneRelease() {
        String secret = WebhookSignature.newSecret(new byte[24]);
        assertEquals("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", secret);
        var headers = WebhookSignature.standardHeaders(secret, "evt_7", 1_795_000_000L, "{}");
        assertEquals(
                java.util.List.of("webhook-id", "webhook-timestamp", "webhook-signature", "Resonance-Signature"),
                java.util.List.copyOf(headers.keySet()));
        assertEquals("evt_7", headers.get("webhook-id"));
        assertEquals("1795000000", headers.get("webhook-timestamp"));
        assertEquals(
                WebhookSignature.standard(secret, "evt_7", 1_795_000_000L, "{}"), headers.get("webhook-signature"));
        assertEquals(WebhookSignature.header(secret, 1_795_000_000L, "{}"), headers.get("Resonance-Signature"));
    }

    @Test
    void secretsMadeBeforeTheStandardBase64KeyWithTheSameBytes() {
        // URL-safe without padding (the old form) and standard base64 of the same bytes sign alike.
        assertEquals(
                WebhookSignature.standard("whsec_+/+/", "evt_1", 1L, "{}"),
                WebhookSignature.standard("whsec_-_-_", "evt_1", 1L, "{}"));
    }

    @Test
    void everyResponseKindHasItsEventType() {
        for (var kind : app.resonance.responses.entity.ResponseEvent.Kind.values()) {
            assertEquals(
                    "response." + kind.name().toLowerCase(java.util.Locale.ROOT),
                    WebhookEventType.ofResponseKind(kind.name()).orElseThrow().wireName());
        }
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
