package app.resonance.sharing.boundary;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.control.Visibility;
import app.resonance.platform.control.Messages;
import app.resonance.sharing.control.SharedViews;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of a share link ({@code /share/{token}}) for people without an account: the saved view's latest period
 * and whole period, its trend as a chart (inline SVG, no script) and as a table, and comments only if the link
 * includes them, everything escaped. German or English ({@code ?lang=}, else the browser's preference). An
 * expired or revoked link answers 410, an unknown one 404, each with a short page that tells nothing more.
 * Never indexed: {@code X-Robots-Tag} and the robots meta tag.
 */
@WebServlet(urlPatterns = "/share/*")
public class ShareServlet extends HttpServlet {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("share");
    private static final Mustache PAGE = TEMPLATES.compile("page.mustache");
    private static final Mustache MESSAGE = TEMPLATES.compile("message.mustache");

    @Inject
    SharedViews views;

    /** A language to switch to. */
    record Language(String code, String name, String href, boolean current) {}

    /** What every page shares. */
    record Frame(String lang, String base, String pageTitle, String languageLabel, List<Language> languages) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = language(request);
        Messages messages = Messages.of(Locale.forLanguageTag(lang));
        String token =
                request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String self = request.getContextPath() + "/share/" + token;
        response.setHeader("X-Robots-Tag", SharedViewResource.ROBOTS);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", lang);
        response.setHeader("Vary", "Accept-Language");
        response.setContentType("text/html;charset=UTF-8");
        SharedViews.Shown shown = views.open(token);
        Writer writer = response.getWriter();
        if (shown instanceof SharedViews.Shown.Found found) {
            SharePage page = new SharePage(found.page(), messages);
            response.setStatus(HttpServletResponse.SC_OK);
            PAGE.execute(writer, new Object[] {frame(request, lang, messages, page.heading(), self), page});
        } else {
            boolean gone = shown instanceof SharedViews.Shown.Gone;
            String key = gone ? "share.gone" : "share.unknown";
            String heading = messages.get(key + ".heading");
            response.setStatus(gone ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
            MESSAGE.execute(writer, new Object[] {
                frame(request, lang, messages, heading, self),
                Map.of("heading", heading, "text", messages.get(key + ".text"))
            });
        }
        writer.flush();
    }

    /** The language asked for with {@code ?lang=}, else the browser's first of German and English, else English. */
    static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if ("de".equals(asked) || "en".equals(asked)) {
            return asked;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("de") || locale.getLanguage().equals("en")) {
                return locale.getLanguage();
            }
        }
        return "en";
    }

    private static Frame frame(HttpServletRequest request, String lang, Messages messages, String title, String self) {
        List<Language> languages = new ArrayList<>();
        for (String code : List.of("de", "en")) {
            languages.add(new Language(
                    code, Messages.LANGUAGE_NAMES.getOrDefault(code, code), self + "?lang=" + code, code.equals(lang)));
        }
        return new Frame(
                lang, request.getContextPath(), title + " – Resonance", messages.get("share.language"), languages);
    }

    /** A figure as the page shows it. */
    static String withheld(Estimate e, Messages messages) {
        return e.visibility() == Visibility.HIDDEN_FOR_ANONYMITY
                ? messages.get("analytics.hiddenForAnonymity")
                : messages.get("analytics.notEnoughResponses");
    }

    /** Whether a period covers only some of its days. */
    static boolean partial(TrendPoint p, SharedViews.Page page) {
        return p.partial(page.query().granularity());
    }
}
