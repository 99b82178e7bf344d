package app.resonance.platform.entity;

import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;

/** A text in German and English; either may be missing while a survey is a draft. */
@Embeddable
public class LocalizedText {

    private String de;
    private String en;

    protected LocalizedText() {}

    public LocalizedText(String de, String en) {
        this.de = de;
        this.en = en;
    }

    public String de() {
        return de;
    }

    public String en() {
        return en;
    }

    /** The text in the given language, falling back to the other one when it is missing. */
    public String in(Locale locale) {
        String wanted = "de".equals(locale.getLanguage()) ? de : en;
        String other = "de".equals(locale.getLanguage()) ? en : de;
        return wanted == null || wanted.isBlank() ? other : wanted;
    }

    public boolean isBlank() {
        return (de == null || de.isBlank()) && (en == null || en.isBlank());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other && Objects.equals(de, other.de) && Objects.equals(en, other.en);
    }

    @Override
    public int hashCode() {
        return Objects.hash(de, en);
    }
}
