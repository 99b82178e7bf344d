package app.resonance.forms.boundary;

import app.resonance.distribution.control.SuppressionList;
import app.resonance.platform.control.Messages;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The unsubscribe link of every invitation ({@code /unsubscribe/TOKEN}, the token signs the address). A GET only shows
 * a page with a button, because mail scanners follow links; the POST of that button unsubscribes, and so does the
 * one-click POST of a mail client (RFC 8058: body {@code List-Unsubscribe=One-Click}, no session, no CSRF token: the
 * token in the address is the authentication). Both answer 200 with the page that says it is done. German or English.
 */
@WebServlet(urlPatterns = "/unsubscribe/*")
@MultipartConfig(maxFileSize = 1024, maxRequestSize = 4096)
public class UnsubscribeServlet extends HttpServlet {

    private static final Mustache PAGE = new DefaultMustacheFactory("forms").compile("unsubscribe.mustache");

    @Inject
    SuppressionList suppressions;

    /** What the page shows besides the frame; without an action there is no button. */
    record Page(String heading, String text, String action, String button) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = Pages.language(request, null);
        Optional<String> address = address(request);
        if (address.isEmpty()) {
            invalid(request, response, lang);
        } else if (suppressions.active(address.get()).isPresent()) {
            show(request, response, 200, lang, "unsubscribe.done", address.get(), false);
        } else {
            show(request, response, 200, lang, "unsubscribe.confirm", address.get(), true);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = Pages.language(request, null);
        Optional<String> address = address(request);
        if (address.isEmpty()) {
            invalid(request, response, lang);
            return;
        }
        boolean oneClick = "One-Click".equals(request.getParameter("List-Unsubscribe"));
        suppressions.unsubscribe(address.get(), oneClick ? SuppressionList.ONE_CLICK : SuppressionList.LINK);
        show(request, response, 200, lang, "unsubscribe.done", address.get(), false);
    }

    private Optional<String> address(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token = info.startsWith("/") ? info.substring(1) : info;
        return token.matches("[A-Za-z0-9_-]{1,600}\\.[A-Za-z0-9_-]{43}")
                ? suppressions.addressOf(token)
                : Optional.empty();
    }

    private static void invalid(HttpServletRequest request, HttpServletResponse response, String lang)
            throws IOException {
        show(request, response, 404, lang, "unsubscribe.invalid", "", false);
    }

    private static void show(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String lang,
            String key,
            String address,
            boolean confirm)
            throws IOException {
        Messages messages = Messages.respondent(lang);
        String self = request.getContextPath()
                + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        List<FormView.Language> languages = Messages.RESPONDENT_LANGUAGES.stream()
                .map(code -> new FormView.Language(
                        code, Messages.LANGUAGE_NAMES.get(code), self + "?lang=" + code, code.equals(lang)))
                .toList();
        String heading = messages.get(key + ".heading");
        var frame = new FormView.Frame(
                lang,
                request.getContextPath(),
                heading,
                true,
                languages,
                Pages.texts(messages),
                request.getContextPath() + "/privacy?lang=" + lang);
        var page = new Page(
                heading,
                messages.get(key + ".text", address),
                confirm ? self + "?lang=" + lang : null,
                messages.get("unsubscribe.button"));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", lang);
        Writer writer = response.getWriter();
        PAGE.execute(writer, new Object[] {frame, page});
        writer.flush();
    }
}
