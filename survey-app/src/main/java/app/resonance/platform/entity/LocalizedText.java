package app.resonance.platform.entity;

import app.resonance.platform.control.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Embeddable;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text in German and English, and optionally in the further respondent languages (French, Italian, Spanish,
 * Dutch, Polish), which are kept together as one small JSON object ({@code {"fr":"…","pl":"…"}}) in one column;
 * any may be missing while a survey is a draft.
 */
@Embeddable
public class LocalizedText {

    /** The languages besides German and English that a text can carry, in the order they are stored. */
    public static final List<String> MORE_LANGUAGES = List.of("fr", "it", "es", "nl", "pl");

    private String de;
    private String en;
    private String more;

    protected LocalizedText() {}

    public LocalizedText(String de, String en) {
        this.de = de;
        this.en = en;
    }

    /** German, English and the further languages' texts by code ({@code "fr"}); blank ones are left out. */
    public LocalizedText(String de, String en, Map<String, String> others) {
        this(de, en);
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        boolean any = false;
        for (String code : MORE_LANGUAGES) {
            String text = others == null ? null : others.get(code);
            if (text != null && !text.isBlank()) {
                json.add(code, text);
                any = true;
            }
        }
        this.more = any ? json.build().toString() : null;
    }

    public String de() {
        return de;
    }

    public String en() {
        return en;
    }

    /** The texts in the further languages by code, in {@link #MORE_LANGUAGES} order; empty when there are none. */
    public Map<String, String> others() {
        if (more == null || more.isBlank()) {
            return Map.of();
        }
        var object = Jsonp.createReader(new StringReader(more)).readObject();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String code : MORE_LANGUAGES) {
            if (object.get(code) instanceof JsonString text) {
                texts.put(code, text.getString());
            }
        }
        return Collections.unmodifiableMap(texts);
    }

    /** The text in exactly this language ("de", "fr"), or null when it has none. */
    public String exactly(String language) {
        if ("de".equals(language)) {
            return de;
        }
        if ("en".equals(language)) {
            return en;
        }
        return others().get(language);
    }

    /** The text in the language, else in English, else in German (a draft may lack either). */
    public String in(String language) {
        for (String candidate : new String[] {exactly(language), en, de}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return exactly(language);
    }

    /** The text in the given language, falling back to English, then German, when it is missing. */
    public String in(Locale locale) {
        return in(locale.getLanguage());
    }

    public boolean isBlank() {
        return (de == null || de.isBlank()) && (en == null || en.isBlank()) && others().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other
                && Objects.equals(de, other.de)
                && Objects.equals(en, other.en)
                && Objects.equals(others(), other.others());
    }

    @Override
    public int hashCode() {
        return Objects.hash(de, en, others());
    }
}
