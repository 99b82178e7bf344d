package app.resonance.forms.boundary;

import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the application itself ({@code /}): a small page in German or English (the browser's
 * preference, {@code ?lang=} to switch) that leads to the console, the API documentation and, in the
 * demo, the open public forms.
 */
@WebServlet(urlPatterns = "")
public class LandingServlet extends HttpServlet {

    private static final Mustache LANDING = new DefaultMustacheFactory("forms").compile("landing.mustache");

    @Inject
    SurveyCatalog surveys;

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean demo;

    /** What the page shows besides the frame. */
    record Landing(
            String intro,
            String consoleLabel,
            String consoleHref,
            String consoleHint,
            String apiLabel,
            String apiHref,
            String apiHint,
            String formsHeading,
            boolean hasForms,
            List<FormView.Link> forms) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the landing page is the product's, not a survey's: German or English like the console
        String lang = "de".equals(Pages.language(request, null)) ? "de" : "en";
        Messages messages = Messages.of(Locale.forLanguageTag(lang));
        String base = request.getContextPath();
        List<FormView.Link> forms = demo
                ? surveys.all().stream()
                        .filter(Survey::isOpen)
                        .map(s -> new FormView.Link(
                                base + "/s/" + s.slug() + "?lang=" + lang,
                                s.publishedVersion()
                                        .map(v -> v.title().in(Locale.forLanguageTag(lang)))
                                        .orElse(s.slug())))
                        .toList()
                : List.of();
        List<FormView.Language> languages = List.of(
                new FormView.Language("de", "Deutsch", base + "/?lang=de", "de".equals(lang)),
                new FormView.Language("en", "English", base + "/?lang=en", "en".equals(lang)));
        String title = messages.get("landing.title");
        var frame = new FormView.Frame(
                lang, base, title, true, languages, Pages.texts(messages), base + "/privacy?lang=" + lang);
        var landing = new Landing(
                messages.get("landing.intro"),
                messages.get("landing.console"),
                base + "/admin/",
                messages.get("landing.consoleHint"),
                messages.get("landing.api"),
                base + "/openapi",
                messages.get("landing.apiHint"),
                messages.get("landing.forms"),
                !forms.isEmpty(),
                forms);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", lang);
        response.setHeader("Vary", "Accept-Language");
        Writer writer = response.getWriter();
        LANDING.execute(writer, new Object[] {frame, landing, Map.of("heading", title)});
        writer.flush();
    }
}
