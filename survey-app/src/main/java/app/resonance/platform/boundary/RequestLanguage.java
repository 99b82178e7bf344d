package app.resonance.platform.boundary;

import app.resonance.platform.control.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language a request asks for (Accept-Language): German or English, for respondents one of seven. */
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

    /**
     * The language a respondent's request asks for (the public submit API, the widget): the first of its
     * Accept-Language that is one of {@link Messages#RESPONDENT_LANGUAGES}, else English.
     */
    public static String respondent(HttpHeaders headers) {
        if (headers != null) {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if (Messages.RESPONDENT_LANGUAGES.contains(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return "en";
    }

    public static Messages respondentMessages(HttpHeaders headers) {
        return Messages.respondent(respondent(headers));
    }
}
