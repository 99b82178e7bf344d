package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language a request asks for (Accept-Language): German or English. */
public final class RequestLanguage {

    private RequestLanguage() {}

    public static String of(HttpHeaders headers) {
        if (headers != null) {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if ("de".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return "en";
    }

    public static Messages messages(HttpHeaders headers) {
        return Messages.of(Locale.forLanguageTag(of(headers)));
    }
}
