package app.resonance.platform.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * User-visible texts of the survey app from the {@code app.resonance.messages} bundles. The console and the
 * admin API speak German or English ({@link #of}); respondents (public forms, widget, invitation mails, the
 * public submit API's validation messages) also French, Italian, Spanish, Dutch and Polish ({@link
 * #respondent}), whose bundles hold only the respondent keys and fall back to English for the rest. Never
 * falls back to the server's default locale: a request in English gets English.
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** The languages respondents can be asked in, as ISO 639-1 codes; German and English are the console's too. */
    public static final List<String> RESPONDENT_LANGUAGES = List.of("de", "en", "fr", "it", "es", "nl", "pl");

    /** Each respondent language's name in itself, for the language picker of the public pages. */
    public static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "en", "English",
            "de", "Deutsch",
            "fr", "Fran\u00e7ais",
            "it", "Italiano",
            "es", "Espa\u00f1ol",
            "nl", "Nederlands",
            "pl", "Polski");

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
    private static final Map<String, Messages> RESPONDENT = RESPONDENT_LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(code -> code, code -> switch (code) {
                case "en" -> ENGLISH;
                case "de" -> GERMAN;
                default -> new Messages(Locale.forLanguageTag(code));
            }));

    /** The texts for a respondent: one of {@link #RESPONDENT_LANGUAGES}, English for any other locale. */
    public static Messages respondent(Locale locale) {
        return locale == null ? ENGLISH : RESPONDENT.getOrDefault(locale.getLanguage(), ENGLISH);
    }

    /** The texts for a respondent asking in the language {@code code} ("fr"); English for an unknown code. */
    public static Messages respondent(String code) {
        return code == null ? ENGLISH : RESPONDENT.getOrDefault(code, ENGLISH);
    }

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
