package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final LoginThrottle throttle = new LoginThrottle(3, clock);

    @Test
    void theThirdFailureWithinTheWindowBlocksTheClientForTheRestOfIt() {
        throttle.failed("a");
        clock.now = clock.now.plusSeconds(60);
        throttle.failed("a");
        assertEquals(Optional.empty(), throttle.blocked("a"), "two failures are allowed");
        clock.now = clock.now.plusSeconds(60);
        throttle.failed("a");
        assertEquals(Optional.of(Duration.ofMinutes(13)), throttle.blocked("a"), "15 minutes from the first failure");
        assertEquals(Optional.empty(), throttle.blocked("b"), "another client is not blocked");
    }

    @Test
    void theBlockEndsWithTheWindowAndCountingStartsAgain() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("a");
        }
        assertTrue(throttle.blocked("a").isPresent());
        clock.now = clock.now.plus(LoginThrottle.WINDOW);
        assertEquals(Optional.empty(), throttle.blocked("a"));
        throttle.failed("a");
        assertEquals(Optional.empty(), throttle.blocked("a"), "one failure in the new window");
    }

    @Test
    void zeroTurnsTheThrottleOff() {
        LoginThrottle off = new LoginThrottle(0, clock);
        for (int i = 0; i < 50; i++) {
            off.failed("a");
        }
        assertEquals(Optional.empty(), off.blocked("a"));
    }
}
