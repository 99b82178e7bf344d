package app.resonance.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure in the authentication mechanism (before any filter, exception mapper or error page) is answered
 * by the app, never with the container's bare 500 (no problem, no security headers, nothing logged): the
 * database's 503 with Retry-After while the database fails, else the app's 500 naming an incident. CI saw the
 * bare 500 once, on an admin read while PostgreSQL backends were terminated under load.
 */
class EarlyFailureTest {

    private final long[] now = {System.nanoTime()};
    private java.util.function.LongSupplier before;

    @BeforeEach
    void calmDatabase() {
        before = DatabaseUnavailable.ticker;
        DatabaseUnavailable.ticker = () -> now[0];
        now[0] += DatabaseUnavailable.DISTURBANCE_NANOS * 10; // long after any failure of other tests
    }

    @AfterEach
    void restoreTicker() {
        DatabaseUnavailable.ticker = before;
    }

    @Test
    void anUnrecognisedFailureOnACalmDatabaseIsTheAppsOwn500WithAnIncidentAndTheSecurityHeaders() throws Exception {
        var answer = new Answer();

        ErrorPageServlet.failedEarly(apiRequest(), answer.response(), new IllegalStateException("a bug"));

        assertEquals(500, answer.status);
        assertEquals(Problem.MEDIA_TYPE, answer.contentType);
        assertEquals("DENY", answer.headers.get("X-Frame-Options"), "the app's headers: " + answer.headers);
        assertEquals("no-store", answer.headers.get("Cache-Control"));
        assertFalse(answer.headers.containsKey("Retry-After"), "a bug is not worth retrying");
        String body = answer.body();
        assertTrue(body.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"), body);
        assertFalse(body.contains("a bug") || body.contains("IllegalStateException"), "no internals: " + body);
        assertTrue(answer.flushed, "committed, so that the container adds nothing");
    }

    @Test
    void theSameFailureWhileTheDatabaseFailsIsA503WithRetryAfter() throws Exception {
        assertTrue(DatabaseUnavailable.isCause(new SQLTransientConnectionException("pool empty")));
        now[0] += DatabaseUnavailable.DISTURBANCE_NANOS / 2;
        var answer = new Answer();

        ErrorPageServlet.failedEarly(apiRequest(), answer.response(), new IllegalStateException("connection gone"));

        assertEquals(503, answer.status);
        assertEquals("5", answer.headers.get("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, answer.contentType);
        assertEquals("DENY", answer.headers.get("X-Frame-Options"));
    }

    @Test
    void aRecognisedDatabaseFailureIsA503() throws Exception {
        var answer = new Answer();

        ErrorPageServlet.failedEarly(
                apiRequest(),
                answer.response(),
                new jakarta.persistence.PersistenceException(new SQLTransientConnectionException("pool empty")));

        assertEquals(503, answer.status);
        assertEquals("5", answer.headers.get("Retry-After"));
    }

    private static HttpServletRequest apiRequest() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                EarlyFailureTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/api/v1/admin/surveys/demo";
                    case "getContextPath" -> "";
                    case "getLocale" -> Locale.ENGLISH;
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    /** What the response received, as a client would see it. */
    private static final class Answer {
        int status = 200;
        String contentType;
        boolean flushed;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}
            };
            return (HttpServletResponse) Proxy.newProxyInstance(
                    EarlyFailureTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> contentType = (String) args[0];
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "isCommitted" -> {
                                return flushed;
                            }
                            case "reset" -> {
                                headers.clear();
                                bytes.reset();
                            }
                            case "resetBuffer" -> bytes.reset();
                            case "flushBuffer" -> flushed = true;
                            default -> {}
                        }
                        return null;
                    });
        }
    }
}
