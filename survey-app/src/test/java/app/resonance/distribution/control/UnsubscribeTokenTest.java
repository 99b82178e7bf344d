package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An unsubscribe link names its address and cannot be made or changed without the application's key. */
class UnsubscribeTokenTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTokenLeadsBackToItsNormalisedAddress() {
        UnsubscribeToken tokens = new UnsubscribeToken(KEY);
        String token = tokens.issue("  Anna.Berg@Example.TEST ");
        assertEquals(Optional.of("anna.berg@example.test"), tokens.address(token));
        assertEquals(token, tokens.issue("anna.berg@example.test"), "one address, one token");
        assertEquals(
                "YW5uYS5iZXJnQGV4YW1wbGUudGVzdA", token.substring(0, token.indexOf('.')), "base64url of the address");
        assertEquals(43, token.length() - token.indexOf('.') - 1, "a whole HMAC-SHA256");
    }

    @Test
    void aForgedChangedOrForeignTokenLeadsNowhere() {
        UnsubscribeToken tokens = new UnsubscribeToken(KEY);
        String token = tokens.issue("anna@example.test");
        String signature = token.substring(token.indexOf('.') + 1);
        String other = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("bert@example.test".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.address(other + "." + signature), "another address, same signature");
        assertEquals(Optional.empty(), new UnsubscribeToken(new byte[32]).address(token), "another key");
        assertEquals(Optional.empty(), tokens.address(token.substring(0, token.length() - 1) + "A"));
        assertEquals(Optional.empty(), tokens.address("not-a-token"));
        assertEquals(Optional.empty(), tokens.address("!!!." + signature));
        assertEquals(Optional.empty(), tokens.address(null));
        assertNotEquals(token, new UnsubscribeToken(new byte[32]).issue("anna@example.test"));
    }
}
