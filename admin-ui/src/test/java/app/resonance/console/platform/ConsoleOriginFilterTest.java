package app.resonance.console.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleOriginFilterTest {

    @Test
    void theOriginHeaderCountsAndWithoutItTheReferersOrigin() {
        assertEquals(
                Optional.of("https://a.example"),
                ConsoleOriginFilter.claimedOrigin("https://a.example", "https://b.example/x"));
        assertEquals(
                Optional.of("https://b.example"), ConsoleOriginFilter.claimedOrigin(null, "https://b.example/x?y=1"));
        assertEquals(Optional.of("null"), ConsoleOriginFilter.claimedOrigin(null, "not a url"));
        assertEquals(Optional.empty(), ConsoleOriginFilter.claimedOrigin(null, null));
    }

    @Test
    void theRequestsOwnHostAndSchemeAreOwn() {
        assertTrue(ConsoleOriginFilter.isOwn("http://127.0.0.1:8080", Optional.empty(), "http", "127.0.0.1:8080"));
        assertTrue(ConsoleOriginFilter.isOwn(
                "https://Feedback.Example.com", Optional.empty(), "https", "feedback.example.com:443"));
        assertFalse(
                ConsoleOriginFilter.isOwn(
                        "http://feedback.example.com", Optional.empty(), "https", "feedback.example.com"),
                "another scheme is another origin");
        assertFalse(
                ConsoleOriginFilter.isOwn("https://evil.example", Optional.empty(), "https", "feedback.example.com"));
        assertFalse(ConsoleOriginFilter.isOwn(
                "http://127.0.0.1:8080.evil.example", Optional.empty(), "http", "127.0.0.1:8080"));
        assertFalse(ConsoleOriginFilter.isOwn("null", Optional.empty(), "http", "127.0.0.1:8080"));
        assertFalse(ConsoleOriginFilter.isOwn("http://127.0.0.1:8080", Optional.empty(), "http", null));
    }

    @Test
    void theConfiguredPublicUrlIsOwnBehindAProxyThatRewritesHost() {
        Optional<String> publicUrl = Optional.of("https://feedback.example.com/");
        assertTrue(ConsoleOriginFilter.isOwn("https://feedback.example.com", publicUrl, "http", "10.0.0.5:8080"));
        assertFalse(ConsoleOriginFilter.isOwn("https://evil.example", publicUrl, "http", "10.0.0.5:8080"));
    }

    @Test
    void onlyMethodsThatChangeNothingAreLetThroughUnchecked() {
        assertTrue(ConsoleOriginFilter.isSafeMethod("GET"));
        assertTrue(ConsoleOriginFilter.isSafeMethod("HEAD"));
        assertFalse(ConsoleOriginFilter.isSafeMethod("POST"));
        assertFalse(ConsoleOriginFilter.isSafeMethod("PUT"));
        assertFalse(ConsoleOriginFilter.isSafeMethod("DELETE"));
    }
}
