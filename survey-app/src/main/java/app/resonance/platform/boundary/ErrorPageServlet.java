package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
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

    /** The request attribute (TRUE) by which the authentication mechanism says that the Bearer token expired. */
    public static final String TOKEN_EXPIRED = "resonance.api.tokenExpired";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages messages = Messages.of(request.getLocale());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/admin")) {
            messages = consoleMessages(request);
            response = new ConsoleAware(
                    response, request.getContextPath(), messages.locale().getLanguage());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && ProblemMappers.causedByTooLarge(failure)) {
            write(response, ProblemException.tooLarge().problem(messages));
        } else if (failure != null && ProblemMappers.causedByBodyNotReceived(failure)) {
            write(response, ProblemException.bodyNotReceived().problem(messages));
        } else if (app.resonance.platform.control.OutsideDataScopeException.causes(failure)
                || Boolean.TRUE.equals(
                        request.getAttribute(app.resonance.platform.control.OutsideDataScopeException.REFUSED))) {
            write(
                    response,
                    Problem.typed(
                            "outside-data-scope", 403, "Forbidden", messages.get("problem.outsideDataScope"), null));
        } else if (failure != null && (DatabaseUnavailable.isCause(failure) || DatabaseUnavailable.disturbed())) {
            if (!DatabaseUnavailable.isCause(failure)) {
                LOG.log(Level.WARNING, "Failure while the database fails, answered 503", failure);
            }
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            write(response, DatabaseUnavailable.problem(messages));
        } else if (failure != null || status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
            write(response, Problem.of(500, "Internal Server Error", messages.get("problem.unexpected", incident)));
        } else if (status == 401 && Boolean.TRUE.equals(request.getAttribute(TOKEN_EXPIRED))) {
            write(
                    response,
                    Problem.typed("token-expired", 401, "Unauthorized", messages.get("problem.tokenExpired"), null));
        } else {
            write(response, Problem.of(status, ProblemMappers.title(status), ProblemMappers.detail(status, messages)));
        }
    }

    /**
     * The 503 for a database that cannot be used, written where no filter and no exception mapper runs (the
     * authentication mechanism): the security headers, Retry-After, problem+json (a small page for the
     * console), and the response committed so that the container adds nothing of its own.
     */
    public static void databaseUnavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        SecurityHeaders.apply(request, response);
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        Messages messages = messagesFor(request);
        write(target(request, response, messages), DatabaseUnavailable.problem(messages));
        response.flushBuffer();
    }

    /**
     * A failure where no filter, no exception mapper and no error page runs (the authentication mechanism,
     * whose exceptions the container would answer with its own bare 500): the database's 503 with
     * Retry-After if the database caused it or fails at the time (see {@link DatabaseUnavailable#disturbed}),
     * else the app's 500 with an incident id that the log names, the security headers on both.
     */
    public static void failedEarly(HttpServletRequest request, HttpServletResponse response, RuntimeException failure)
            throws IOException {
        boolean database = DatabaseUnavailable.isCause(failure);
        if (database || DatabaseUnavailable.disturbed()) {
            if (!database) {
                LOG.log(Level.WARNING, "Failure while the database fails, answered 503", failure);
            }
            databaseUnavailable(request, response);
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        SecurityHeaders.apply(request, response);
        Messages messages = messagesFor(request);
        write(
                target(request, response, messages),
                Problem.of(500, "Internal Server Error", messages.get("problem.unexpected", incident)));
        response.flushBuffer();
    }

    /** The console's language for its pages, the request's for the API. */
    private static Messages messagesFor(HttpServletRequest request) {
        return console(request) ? consoleMessages(request) : Messages.of(request.getLocale());
    }

    private static boolean console(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/admin");
    }

    private static HttpServletResponse target(
            HttpServletRequest request, HttpServletResponse response, Messages messages) {
        return console(request)
                ? new ConsoleAware(
                        response, request.getContextPath(), messages.locale().getLanguage())
                : response;
    }

    /**
     * The session attribute in which the console keeps the language the user chose (German or English), so
     * that its error pages speak the language of the console's other pages.
     */
    public static final String CONSOLE_LANGUAGE = "app.resonance.console.language";

    /** The console's language: the one chosen in this session, else the browser's (German or English). */
    static Messages consoleMessages(HttpServletRequest request) {
        var session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(CONSOLE_LANGUAGE);
        return chosen instanceof String code
                ? Messages.of(java.util.Locale.forLanguageTag(code))
                : Messages.of(request.getLocale());
    }

    /** The console's pages get their errors as a small HTML page in the browser's language, not as JSON. */
    static final class ConsoleAware extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final String contextPath;
        /** The language of the problem's detail, named on the page for screen readers. */
        private final String language;

        ConsoleAware(HttpServletResponse response, String contextPath, String language) {
            super(response);
            this.contextPath = contextPath;
            this.language = language;
        }

        boolean console() {
            return true;
        }
    }

    /**
     * The console's error page: the console's header and stylesheet, everything in one language (the title
     * too, which problem+json keeps in English), and a way back to the console's home page.
     */
    private static void writeHtml(HttpServletResponse response, Problem problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        ConsoleAware console = (ConsoleAware) response;
        Messages messages = Messages.of(java.util.Locale.forLanguageTag(console.language));
        String home = console.contextPath + "/admin/index.xhtml";
        String css = console.contextPath + "/jakarta.faces.resource/console/console.css.xhtml";
        String titleKey = "console.error.title." + problem.status();
        String title = messages.get(titleKey);
        if (title.equals(titleKey)) {
            title = messages.get("console.error.title");
        }
        String heading = problem.status() + " " + title;
        String html = new ConsolePage(
                        console.language,
                        css,
                        heading,
                        messages.get("console.error.app"),
                        problem.detail(),
                        home,
                        messages.get("console.error.home"))
                .html();
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What the console's error page shows (templates/error/console.mustache, which escapes every value). */
    record ConsolePage(
            String language, String css, String heading, String app, String detail, String home, String homeLabel) {

        String html() {
            return Templates.render("error/console.mustache", this);
        }
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (response instanceof ConsoleAware console && console.console()) {
            writeHtml(response, problem);
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
