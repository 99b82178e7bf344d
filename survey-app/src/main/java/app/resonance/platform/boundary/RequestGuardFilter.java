package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import app.resonance.platform.control.StrictJson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * On every response: the security headers. On every request: a body limit of 1 MB, enforced on the
 * declared length (413 before anything is read) and on the bytes actually read (chunked uploads). A JSON
 * body is read here whole and checked ({@link StrictJson}): another charset than UTF-8 is 415, malformed
 * UTF-8, a key twice in one object or data after the value is 400 naming it; the resource reads the same
 * bytes afterwards. Form posts, CSV uploads and the console's requests are not JSON and pass unread.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR},
        asyncSupported = true)
public class RequestGuardFilter extends HttpFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        if (request.getDispatcherType() == DispatcherType.REQUEST && request.getContentLengthLong() > MAX_BODY_BYTES) {
            ErrorPageServlet.write(response, ProblemException.tooLarge().problem(Messages.of(request.getLocale())));
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/health/")) {
            response = new RetryAfterWhenUnavailable(response);
        }
        HttpServletRequest limited = new LimitedRequest(request);
        String contentType = sentContentType(request);
        if (request.getDispatcherType() == DispatcherType.REQUEST && StrictJson.isJson(contentType)) {
            Messages messages = Messages.of(request.getLocale());
            Optional<String> charset = StrictJson.foreignCharset(contentType);
            if (charset.isPresent()) {
                ErrorPageServlet.write(
                        response, unsupportedCharset(charset.get()).problem(messages));
                return;
            }
            byte[] body;
            try {
                body = limited.getInputStream().readAllBytes();
            } catch (BodyTooLargeException e) {
                ErrorPageServlet.write(response, ProblemException.tooLarge().problem(messages));
                return;
            } catch (BodyNotReceivedException e) {
                // The rest of the body may still come: not on this connection.
                response.setHeader("Connection", "close");
                ErrorPageServlet.write(
                        response, ProblemException.bodyNotReceived().problem(messages));
                return;
            }
            Optional<StrictJson.Finding> finding = StrictJson.check(body);
            if (finding.isPresent()) {
                ErrorPageServlet.write(
                        response,
                        ProblemException.badRequest(
                                        finding.get().violation().messageKey,
                                        finding.get().where())
                                .problem(messages));
                return;
            }
            limited = new ReadRequest(request, body);
        }
        chain.doFilter(limited, response);
    }

    /**
     * The Content-Type header as the client sent it. Payara sets the web module's request encoding (UTF-8,
     * glassfish-web.xml) on every request as it enters the context, and Grizzly answers getContentType() and
     * getHeader("Content-Type") from the media type with that charset, so a client's {@code charset=ISO-8859-1}
     * would read as UTF-8 there; getHeaders() reads the header lines themselves.
     */
    static String sentContentType(HttpServletRequest request) {
        var sent = request.getHeaders("Content-Type");
        if (sent != null && sent.hasMoreElements()) {
            return sent.nextElement();
        }
        return request.getHeader("Content-Type");
    }

    static ProblemException unsupportedCharset(String charset) {
        return new ProblemException(
                "unsupported-media-type", 415, "Unsupported Media Type", "problem.json.charset", List.of(), charset);
    }

    /**
     * The health checks' 503 (not ready: starting, migrating, database unusable) says when to ask again, like
     * every other 503 of the app: a load balancer or a client polling readiness gets Retry-After.
     */
    static final class RetryAfterWhenUnavailable extends HttpServletResponseWrapper {
        RetryAfterWhenUnavailable(HttpServletResponse response) {
            super(response);
        }

        private void unavailable(int status) {
            if (status == SC_SERVICE_UNAVAILABLE && !containsHeader("Retry-After")) {
                setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            }
        }

        @Override
        public void setStatus(int status) {
            unavailable(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            unavailable(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            unavailable(status);
            super.sendError(status, message);
        }
    }

    /** A request whose body was read already: the resource reads the same bytes again. */
    static final class ReadRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new ReadBody(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    static final class ReadBody extends ServletInputStream {
        private final ByteArrayInputStream in;

        ReadBody(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }

    static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), MAX_BODY_BYTES);
            }
            return limited;
        }
    }

    static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = received(() -> in.read());
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = received(() -> in.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        interface Read {
            int read() throws IOException;
        }

        /** A read that fails because the body stops arriving (read timeout) or the client left: 408. */
        static int received(Read read) throws IOException {
            try {
                return read.read();
            } catch (BodyTooLargeException | BodyNotReceivedException e) {
                throw e;
            } catch (IOException e) {
                throw new BodyNotReceivedException(e);
            }
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
