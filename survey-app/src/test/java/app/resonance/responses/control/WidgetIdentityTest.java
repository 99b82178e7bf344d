package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.responses.control.ValidSubmission.SignedCustomer;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WidgetIdentityTest {

    static final String SECRET = "wsk_test-secret";
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static SignedCustomer signed(String customer, long ts) {
        return new SignedCustomer(
                customer,
                Long.toString(ts),
                HexFormat.of().formatHex(WidgetIdentity.sign(SECRET, customer, Long.toString(ts))));
    }

    @Test
    void theSignatureIsTheHexHmacOfCustomerDotTimestamp() {
        // The README's worked example: printf 'C-00001.1764979200' | openssl dgst -sha256 -hmac 'wsk_test-secret'
        assertEquals(
                "69f6f1461d6c779a473ad0572759341de7b51e63024c7c665a151d769f870004",
                HexFormat.of().formatHex(WidgetIdentity.sign(SECRET, "C-00001", "1764979200")));
        assertTrue(WidgetIdentity.valid(SECRET, signed("C-00001", NOW.getEpochSecond()), NOW));
        String upper = signed("C-00001", NOW.getEpochSecond()).sig().toUpperCase();
        assertTrue(WidgetIdentity.valid(
                SECRET, new SignedCustomer("C-00001", Long.toString(NOW.getEpochSecond()), upper), NOW));
    }

    @Test
    void forgedOrForeignSignaturesAreInvalid() {
        long ts = NOW.getEpochSecond();
        SignedCustomer good = signed("C-00001", ts);
        assertFalse(WidgetIdentity.valid("wsk_other", good, NOW), "another secret");
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer("C-00002", good.ts(), good.sig()), NOW));
        assertFalse(
                WidgetIdentity.valid(SECRET, new SignedCustomer("C-00001", Long.toString(ts + 1), good.sig()), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer("C-00001", good.ts(), "0".repeat(64)), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer("C-00001", good.ts(), "xyz"), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer("C-00001", "soon", good.sig()), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer(null, good.ts(), good.sig()), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, new SignedCustomer("C-00001", null, null), NOW));
    }

    @Test
    void aSignatureIsGoodForTenMinutesEitherWay() {
        long ts = NOW.getEpochSecond();
        assertTrue(WidgetIdentity.valid(SECRET, signed("C-00001", ts - 600), NOW));
        assertTrue(WidgetIdentity.valid(SECRET, signed("C-00001", ts + 600), NOW));
        assertFalse(WidgetIdentity.valid(SECRET, signed("C-00001", ts - 601), NOW), "expired: a replay too late");
        assertFalse(WidgetIdentity.valid(SECRET, signed("C-00001", ts + 601), NOW), "too far ahead");
    }

    @Test
    void aSealedSecretOpensOnlyForItsSurveyAndKey() {
        byte[] key = new byte[32];
        String sealed = WidgetSecrets.seal(key, 7, SECRET);
        assertFalse(sealed.contains("test-secret"));
        assertEquals(SECRET, WidgetSecrets.open(key, 7, sealed));
        assertThrows(IllegalStateException.class, () -> WidgetSecrets.open(key, 8, sealed), "bound to the survey");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class, () -> WidgetSecrets.open(other, 7, sealed));
    }
}
