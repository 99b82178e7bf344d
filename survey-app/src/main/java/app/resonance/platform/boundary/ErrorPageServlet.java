package app.resonance.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml): whatever fails outside JAX-RS (an unknown address, a
 * forbidden role, a failure in a filter) is answered as problem+json, never with the server's own page.
 */
@WebServlet(urlPatterns = "/_error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && ProblemMappers.causedByTooLarge(failure)) {
            status = 413;
        } else if (failure != null || status >= 500) {
            if (failure != null && DatabaseUnavailable.isCause(failure)) {
                response.setHeader("Retry-After", "5");
                write(response, Problem.of(503, "Service Unavailable",
                        "The database cannot be reached at the moment; nothing was stored. Please retry."));
                return;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
            write(response, Problem.of(500, "Internal Server Error",
                    "Something went wrong on our side. Incident " + incident + "."));
            return;
        }
        var reason = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        write(response, Problem.of(status, reason == null ? "Error" : reason.getReasonPhrase(),
                ProblemMappers.detailFor(status)));
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = problem.toJson().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
