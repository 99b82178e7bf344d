package app.resonance.platform.control;

import app.resonance.platform.entity.LocalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text in German and English and optionally in French, Italian, Spanish, Dutch and Polish, as JSON: {@code
 * {"de": "...", "en": "...", "fr": "..."}}.
 */
public record Texts(String de, String en, String fr, String it, String es, String nl, String pl) {

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
