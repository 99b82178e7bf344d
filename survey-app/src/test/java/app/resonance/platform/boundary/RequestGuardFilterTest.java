package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RequestGuardFilterTest {

    @Test
    void aBodyThatStopsArrivingIsNotReceivedWhichIsA408NotA500() {
        var timeout = new IOException(new TimeoutException());
        var e = assertThrows(
                BodyNotReceivedException.class,
                () -> RequestGuardFilter.LimitedInputStream.received(() -> {
                    throw timeout;
                }));
        assertSame(timeout, e.getCause());
        assertTrue(ProblemMappers.causedByBodyNotReceived(new jakarta.ws.rs.ProcessingException(e)));
    }

    @Test
    void aBodyTooLargeStaysTooLargeAndAReadThatWorksIsUntouched() throws IOException {
        assertThrows(
                BodyTooLargeException.class,
                () -> RequestGuardFilter.LimitedInputStream.received(() -> {
                    throw new BodyTooLargeException(1);
                }));
        assertEquals(7, RequestGuardFilter.LimitedInputStream.received(() -> 7));
    }
}
