package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubmissionTimesTest {

    static final Instant MINUTE = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void totalAndLongestAreInSecondsNotNanoseconds() {
        SubmissionTimes times = new SubmissionTimes();
        times.record(Duration.ofNanos(1_800_000), MINUTE.plusSeconds(1));
        times.record(Duration.ofMillis(5), MINUTE.plusSeconds(2));

        assertEquals(0.0068, times.spentSeconds(), 1e-12);
        assertEquals(0.005, times.maxSeconds(MINUTE.plusSeconds(3)), 1e-12);
    }

    @Test
    void theLongestIsKeptForTheFollowingMinuteThenForgotten() {
        SubmissionTimes times = new SubmissionTimes();
        times.record(Duration.ofMillis(40), MINUTE.plusSeconds(59));
        times.record(Duration.ofMillis(3), MINUTE.plusSeconds(61));

        assertEquals(0.040, times.maxSeconds(MINUTE.plusSeconds(119)), 1e-12);
        assertEquals(0.003, times.maxSeconds(MINUTE.plusSeconds(120)), 1e-12);
        assertEquals(0.0, times.maxSeconds(MINUTE.plusSeconds(180)), 1e-12);
        assertEquals(0.043, times.spentSeconds(), 1e-12);
    }
}
