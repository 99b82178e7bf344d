package app.resonance.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginDelaysTest {

    final LoginThrottleTest.MovingClock clock = new LoginThrottleTest.MovingClock();
    final LoginDelays delays = new LoginDelays(clock);

    @Test
    void theFirstFourFailuresCostNothingThenTheWaitsDoubleUpToFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Optional.empty(), delays.failed("admin@a"), "failure " + i);
            assertEquals(Optional.empty(), delays.wait("admin@a"));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), delays.failed("admin@a"), "the fifth");
        clock.now = clock.now.plusSeconds(10);
        assertEquals(Optional.of(Duration.ofSeconds(20)), delays.wait("admin@a"), "the rest of the wait");
        clock.now = clock.now.plusSeconds(20);
        assertEquals(Optional.empty(), delays.wait("admin@a"), "the wait is over");
        assertEquals(Optional.of(Duration.ofMinutes(1)), delays.failed("admin@a"), "the sixth");
        assertEquals(Duration.ofMinutes(2), LoginDelays.delayAfter(7));
        assertEquals(Duration.ofMinutes(4), LoginDelays.delayAfter(8));
        assertEquals(Duration.ofMinutes(8), LoginDelays.delayAfter(9));
        assertEquals(Duration.ofMinutes(15), LoginDelays.delayAfter(10));
        assertEquals(Duration.ofMinutes(15), LoginDelays.delayAfter(1_000), "no overflow");
    }

    @Test
    void onlyTheCombinationOfNameAndAddressWaits() {
        for (int i = 0; i < 10; i++) {
            delays.failed("admin@attacker");
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), delays.wait("admin@attacker"));
        assertEquals(Optional.empty(), delays.wait("admin@owner"), "the owner elsewhere is not held up");
        assertEquals(Optional.empty(), delays.wait("viewer@attacker"), "another name from the address neither");
    }

    @Test
    void aSuccessOrAnHourWithoutFailuresForgetsTheCount() {
        for (int i = 0; i < 5; i++) {
            delays.failed("a");
            delays.failed("b");
        }
        delays.succeeded("a");
        assertEquals(Optional.empty(), delays.wait("a"));
        assertEquals(Optional.empty(), delays.failed("a"), "counting starts again");

        clock.now = clock.now.plus(LoginDelays.FORGET_AFTER);
        assertEquals(Optional.empty(), delays.failed("b"), "an hour later the fifth failure is the first");
    }
}
