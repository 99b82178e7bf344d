package app.resonance.surveys.control;

import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.HiddenFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a survey's settings, naming every bad field. */
public final class SurveySettingsValidator {

    static final int MAX_ORIGINS = 20;

    private SurveySettingsValidator() {}

    public static List<FieldError> validate(SurveySettings settings, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (settings.opensAt() != null
                && settings.closesAt() != null
                && !settings.closesAt().isAfter(settings.opensAt())) {
            errors.add(messages.error("closesAt", "closesBeforeOpens"));
        }
        if (settings.responseLimit() != null && settings.responseLimit() < 1) {
            errors.add(messages.error("responseLimit", "positive"));
        }
        if (settings.answerPolicy() != null) {
            try {
                AnswerPolicy.valueOf(settings.answerPolicy());
            } catch (IllegalArgumentException e) {
                errors.add(messages.error("answerPolicy", "oneOf", "SINGLE_ANSWER, CHANGEABLE"));
            }
        }
        if (settings.contactKind() != null) {
            try {
                ContactKind.valueOf(settings.contactKind());
            } catch (IllegalArgumentException e) {
                errors.add(messages.error("contactKind", "oneOf", "RELATIONSHIP, TRANSACTIONAL"));
            }
        }
        List<String> origins = settings.allowedOrigins() == null ? List.of() : settings.allowedOrigins();
        if (origins.size() > MAX_ORIGINS) {
            errors.add(messages.error("allowedOrigins", "tooMany", MAX_ORIGINS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i) == null ? null : origin(origins.get(i));
            if (origin == null) {
                errors.add(messages.error("allowedOrigins[" + i + "]", "origin"));
            } else if (!seen.add(origin)) {
                errors.add(messages.error("allowedOrigins[" + i + "]", "duplicate"));
            }
        }
        hiddenFields(settings.hiddenFields(), errors, messages);
        return errors;
    }

    private static void hiddenFields(List<String> names, List<FieldError> errors, Messages messages) {
        if (names == null) {
            return;
        }
        if (names.size() > HiddenFields.MAX_FIELDS) {
            errors.add(messages.error("hiddenFields", "tooMany", HiddenFields.MAX_FIELDS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !HiddenFields.NAME.matcher(name).matches()) {
                errors.add(messages.error("hiddenFields[" + i + "]", "hiddenFieldName"));
            } else if (!seen.add(name)) {
                errors.add(messages.error("hiddenFields[" + i + "]", "duplicate"));
            }
        }
    }

    /**
     * The canonical form of an origin ({@code https://shop.example.com[:port]}, lower case, no path), or
     * null if the text is not an http(s) origin.
     */
    public static String origin(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
