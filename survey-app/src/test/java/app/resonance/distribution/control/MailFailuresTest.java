package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo without an SMTP server says so once, not every few seconds. */
class MailFailuresTest {

    @Test
    void onlyTheFirstFailureOfAnOutageWarnsAndTheNextOutageWarnsAgain() {
        MailFailures failures = new MailFailures();
        List<Boolean> warned =
                IntStream.range(0, 5).mapToObj(i -> failures.failed()).toList();
        assertEquals(List.of(true, false, false, false, false), warned);
        assertEquals(true, failures.delivered(), "the end of the outage is said once");
        assertEquals(false, failures.delivered());
        assertEquals(true, failures.failed(), "a new outage warns again");
    }
}
