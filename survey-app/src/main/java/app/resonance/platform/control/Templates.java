package app.resonance.platform.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * HTML written by the application outside JSF (mails, the console's error page) comes from Mustache templates
 * under {@code templates/}, and every value in them is escaped by {@link #escape}, the one HTML escape of
 * these pages: a name, a title or a comment a respondent wrote can never become markup. Triple braces (no
 * escaping) are not used in these templates.
 *
 * <p>The public forms have their own templates (under {@code forms/}) with Mustache's built-in escaping, which
 * also writes {@code =} and {@code `} as character references; the values here are the same text either way.
 */
public final class Templates {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Templates() {}

    /** Renders the template (a path under {@code templates/}) with the scope's values, each escaped. */
    public static String render(String template, Object scope) {
        StringWriter out = new StringWriter();
        FACTORY.compile(template).execute(out, scope);
        return out.toString();
    }

    /** The HTML escape of text in elements and quoted attributes: {@code & < > " '}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
