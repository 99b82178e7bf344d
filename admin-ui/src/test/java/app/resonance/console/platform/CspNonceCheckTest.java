package app.resonance.console.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CspNonceCheckTest {

    static String nonce() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPostMustCarryThePagesOwnNonce() {
        String page = nonce();
        assertTrue(CspNonceCheck.accepted(page, page));
        assertFalse(CspNonceCheck.accepted(page, null), "missing");
        assertFalse(CspNonceCheck.accepted(page, ""), "empty");
        assertFalse(CspNonceCheck.accepted(page, nonce()), "another page's nonce");
    }

    @Test
    void withoutANonceInThePageAWellFormedOneIsEnough() {
        assertTrue(CspNonceCheck.accepted(null, nonce()));
        assertFalse(CspNonceCheck.accepted(null, null));
        assertFalse(CspNonceCheck.accepted(null, "not-base64!"));
        assertFalse(CspNonceCheck.accepted(
                null, Base64.getEncoder().encodeToString("no uuid".getBytes(StandardCharsets.UTF_8))));
    }
}
