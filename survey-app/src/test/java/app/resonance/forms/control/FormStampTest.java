package app.resonance.forms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.platform.control.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormStampTest {

    static final Instant SHOWN = Instant.parse("2026-11-23T10:00:00Z");
    final FormStamp stamp = new FormStamp("a key of thirty-two bytes........".getBytes());

    @Test
    void aStampTellsHowLongAgoTheFormWasShown() {
        assertEquals(Duration.ofMillis(2500), stamp.age(stamp.issue(SHOWN), SHOWN.plusMillis(2500)));
    }

    @Test
    void forgedOrForeignStampsAreRejected() {
        String issued = stamp.issue(SHOWN);
        String earlier = "2" + issued.substring(1);
        assertNull(stamp.age(earlier, SHOWN), "a changed time breaks the signature");
        assertNull(new FormStamp("another key.....................".getBytes()).age(issued, SHOWN));
        assertNull(stamp.age(null, SHOWN));
        assertNull(stamp.age("garbage", SHOWN));
        assertNull(stamp.age("x".repeat(200), SHOWN));
    }

    @Test
    void theRateLimiterLetsABurstThroughThenRefillsOncePerInterval() {
        RateLimiter limiter = new RateLimiter(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("client", SHOWN));
        }
        assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.acquire("client", SHOWN));
        assertEquals(Optional.empty(), limiter.acquire("other client", SHOWN), "each client has its own budget");
        assertEquals(Optional.empty(), limiter.acquire("client", SHOWN.plusSeconds(20)), "one more after 20 s");
        assertEquals(Optional.empty(), new RateLimiter(0).acquire("client", SHOWN), "0 switches the limit off");
    }
}
