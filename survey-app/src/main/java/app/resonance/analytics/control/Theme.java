package app.resonance.analytics.control;

import java.util.List;
import java.util.Locale;

/**
 * Topic tags of comments, found by keywords in German and English. A comment has a theme when a word of
 * its lower-cased text starts with one of the theme's keywords ("help" finds "help" and "helpdesk", not
 * "unhelpful"; "kontakt" finds "Kontaktaufnahme"). A keyword ending in "=" is a whole word only ("help="
 * finds "help" but not "helped").
 */
public enum Theme {
    SUPPORT(
            "support",
            "help=",
            "helpdesk",
            "help desk",
            "ticket",
            "hotline",
            "service desk",
            "answer",
            "respond",
            "reply",
            "hilfe",
            "antwort",
            "geantwortet",
            "rückmeldung",
            "kundendienst"),
    PRICE(
            "price",
            "pricing",
            "expensive",
            "cost",
            "cheap",
            "invoice",
            "licen",
            "preis",
            "teuer",
            "kosten",
            "günstig",
            "rechnung",
            "lizenz"),
    COMMUNICATION(
            "communicat",
            "contact",
            "call",
            "inform",
            "got back",
            "nobody",
            "email",
            "check-in",
            "kommunikation",
            "kontakt",
            "anruf",
            "gemeldet",
            "informiert",
            "niemand"),
    PRODUCT_QUALITY(
            "bug",
            "crash",
            "error",
            "reliab",
            "quality",
            "stable",
            "broken",
            "slow",
            "fehler",
            "absturz",
            "zuverlässig",
            "qualität",
            "stabil",
            "kaputt",
            "langsam"),
    ONBOARDING("onboarding", "setup", "set up", "getting started", "einrichtung", "einführung", "einarbeitung"),
    USABILITY(
            "easy",
            "intuitive",
            "clumsy",
            "complicated",
            "confusing",
            "usab",
            "einfach",
            "intuitiv",
            "umständlich",
            "kompliziert",
            "bedien"),
    REPORTING("report", "dashboard", "export", "excel", "bericht", "auswertung");

    private final List<String> keywords;

    Theme(String... keywords) {
        this.keywords = List.of(keywords);
    }

    /** The keywords as plain text, for a substring pre-filter in SQL. */
    public List<String> keywords() {
        return keywords.stream()
                .map(k -> k.endsWith("=") ? k.substring(0, k.length() - 1) : k)
                .toList();
    }

    public boolean matches(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String keyword : keywords) {
            boolean wholeWord = keyword.endsWith("=");
            String word = wholeWord ? keyword.substring(0, keyword.length() - 1) : keyword;
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                int end = at + word.length();
                boolean starts = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                boolean ends = !wholeWord || end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (starts && ends) {
                    return true;
                }
            }
        }
        return false;
    }

    public static List<Theme> of(String text) {
        return java.util.Arrays.stream(values()).filter(t -> t.matches(text)).toList();
    }
}
