package app.resonance.platform.control;

import app.resonance.platform.entity.LocalizedText;

/** A German and an English text, as JSON: {@code {"de": "...", "en": "..."}}. */
public record Texts(String de, String en) {

    public static Texts of(LocalizedText text) {
        return text == null ? null : new Texts(text.de(), text.en());
    }

    public LocalizedText toEntity() {
        return new LocalizedText(blankToNull(de), blankToNull(en));
    }

    public String in(String language) {
        return "de".equals(language) ? de : en;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
