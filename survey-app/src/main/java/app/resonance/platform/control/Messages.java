package app.resonance.platform.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible texts of the survey app from the {@code app.resonance.messages} bundles, in German or
 * English. Never falls back to the server's default locale: a request in English gets English.
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    private static final String BUNDLE = "app.resonance.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                locale,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** German for a German locale, English for everything else. */
    public static Messages of(Locale locale) {
        boolean german = locale != null && "de".equals(locale.getLanguage());
        return german ? GERMAN : ENGLISH;
    }

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final Messages GERMAN = new Messages(Locale.GERMAN);

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A field error whose message is the bundle text for {@code code}. */
    public FieldError error(String field, String code, Object... args) {
        return new FieldError(field, code, get("error." + code, args));
    }

    /**
     * Checks a free-text field typed by an admin or support lead: required or not, at most {@code max}
     * characters, no control characters or lone surrogates. Adds at most one error for the field.
     */
    public void checkText(String field, String value, boolean required, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(error(field, "required"));
            }
        } else if (value.length() > max) {
            errors.add(error(field, "tooLong", max));
        } else if (!TextRules.isClean(value)) {
            errors.add(error(field, "badCharacters"));
        }
    }
}
