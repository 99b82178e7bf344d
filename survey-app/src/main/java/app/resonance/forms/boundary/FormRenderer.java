package app.resonance.forms.boundary;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders the public pages from Mustache templates (resources under {@code forms/}). Mustache escapes
 * every value as HTML: nothing a respondent or an admin wrote can become markup.
 */
final class FormRenderer {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("forms");
    private static final Mustache FORM = FACTORY.compile("form.mustache");
    private static final Mustache MESSAGE = FACTORY.compile("message.mustache");

    private FormRenderer() {}

    static void form(HttpServletResponse response, int status, FormView.Form form) throws IOException {
        write(response, status, FORM, form);
    }

    static void message(HttpServletResponse response, int status, FormView.Message message) throws IOException {
        write(response, status, MESSAGE, message);
    }

    private static void write(HttpServletResponse response, int status, Mustache template, Object scope)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Object frame = scope instanceof FormView.Form f ? f.frame() : ((FormView.Message) scope).frame();
        Writer writer = response.getWriter();
        // The frame's values (language, texts) and the page's own values are both in scope.
        template.execute(writer, new Object[] {frame, scope});
        writer.flush();
    }
}
