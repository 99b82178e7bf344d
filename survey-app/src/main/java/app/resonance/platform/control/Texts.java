package app.resonance.platform.control;

import app.resonance.platform.entity.LocalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text in German and English and optionally in French, Italian, Spanish, Dutch and Polish, as JSON: {@code
 * {"de": "...", "en": "...", "fr": "..."}}.
 */
public record Texts(String de, String en, String fr, String it, String es, String nl, String pl)
        implements java.io.Serializable {

    /** A German and an English text only. */
    public static Texts of(String de, String en) {
        return new Texts(de, en, null, null, null, null, null);
    }

    public static Texts of(LocalizedText text) {
        if (text == null) {
            return null;
        }
        Map<String, String> o = text.others();
        return new Texts(text.de(), text.en(), o.get("fr"), o.get("it"), o.get("es"), o.get("nl"), o.get("pl"));
    }

    public LocalizedText toEntity() {
        Map<String, String> others = new LinkedHashMap<>();
        others.put("fr", blankToNull(fr));
        others.put("it", blankToNull(it));
        others.put("es", blankToNull(es));
        others.put("nl", blankToNull(nl));
        others.put("pl", blankToNull(pl));
        return new LocalizedText(blankToNull(de), blankToNull(en), others);
    }

    /**
     * These texts with the German and English ones replaced (the console's designer edits those two): the further
     * languages are kept. Null when no language has a text.
     */
    public static Texts edited(Texts kept, String de, String en) {
        Texts edited = kept == null ? of(de, en) : new Texts(de, en, kept.fr, kept.it, kept.es, kept.nl, kept.pl);
        boolean empty = java.util.stream.Stream.of(
                        edited.de, edited.en, edited.fr, edited.it, edited.es, edited.nl, edited.pl)
                .allMatch(t -> t == null || t.isBlank());
        return empty ? null : edited;
    }

    /** These texts with the one in this language (one of the seven) replaced; null or blank removes it. */
    public Texts with(String language, String text) {
        String t = text == null || text.isBlank() ? null : text;
        return switch (language) {
            case "de" -> new Texts(t, en, fr, it, es, nl, pl);
            case "en" -> new Texts(de, t, fr, it, es, nl, pl);
            case "fr" -> new Texts(de, en, t, it, es, nl, pl);
            case "it" -> new Texts(de, en, fr, t, es, nl, pl);
            case "es" -> new Texts(de, en, fr, it, t, nl, pl);
            case "nl" -> new Texts(de, en, fr, it, es, t, pl);
            case "pl" -> new Texts(de, en, fr, it, es, nl, t);
            default -> throw new IllegalArgumentException("Not a respondent language: " + language);
        };
    }

    /** The text in exactly this language, or null. */
    public String in(String language) {
        return switch (language) {
            case "de" -> de;
            case "fr" -> fr;
            case "it" -> it;
            case "es" -> es;
            case "nl" -> nl;
            case "pl" -> pl;
            default -> en;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
