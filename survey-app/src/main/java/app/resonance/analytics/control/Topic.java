package app.resonance.analytics.control;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * A topic comments are tagged with: its key (stable, used in filters and the API), its name in German and
 * English, and its keywords and phrases per language. A keyword is one word, matched in all its forms (stemmed)
 * and, in German, also inside compound words; a phrase is a sequence of words matched in that order. A disabled
 * topic tags nothing. The topics with ids below {@value #FIRST_CUSTOM_ID} are the former fixed themes: editable,
 * not removable.
 */
public record Topic(
        long id,
        String key,
        String nameDe,
        String nameEn,
        List<String> keywordsDe,
        List<String> keywordsEn,
        List<String> phrasesDe,
        List<String> phrasesEn,
        boolean enabled)
        implements Serializable {

    public static final long FIRST_CUSTOM_ID = 50;

    public Topic {
        keywordsDe = List.copyOf(keywordsDe);
        keywordsEn = List.copyOf(keywordsEn);
        phrasesDe = List.copyOf(phrasesDe);
        phrasesEn = List.copyOf(phrasesEn);
    }

    public boolean builtIn() {
        return id < FIRST_CUSTOM_ID;
    }

    public String name(Locale locale) {
        return "de".equals(locale.getLanguage()) ? nameDe : nameEn;
    }

    /** The seven former fixed themes as the migration seeds them (V36): ids 1-7, the themes' keys. */
    public static final List<Topic> DEFAULTS = List.of(
            seed(
                    1,
                    "SUPPORT",
                    "Support",
                    "Support",
                    List.of(
                            "Support",
                            "Hilfe",
                            "Helpdesk",
                            "Hotline",
                            "Ticket",
                            "Antwort",
                            "geantwortet",
                            "Rückmeldung",
                            "Kundendienst",
                            "Kundenservice",
                            "Anfrage"),
                    List.of("support", "helpdesk", "hotline", "ticket", "answer", "respond", "reply"),
                    List.of(),
                    List.of("help desk", "service desk", "customer service")),
            seed(
                    2,
                    "PRICE",
                    "Preis",
                    "Price",
                    List.of("Preis", "teuer", "Kosten", "günstig", "Rechnung", "Lizenz"),
                    List.of("price", "pricing", "expensive", "cost", "cheap", "invoice", "license", "licence"),
                    List.of(),
                    List.of()),
            seed(
                    3,
                    "COMMUNICATION",
                    "Kommunikation",
                    "Communication",
                    List.of("Kommunikation", "Kontakt", "Anruf", "gemeldet", "informiert", "niemand"),
                    List.of("communication", "communicate", "contact", "call", "informed", "nobody", "email"),
                    List.of("Check-in"),
                    List.of("got back", "check-in", "kept us informed")),
            seed(
                    4,
                    "PRODUCT_QUALITY",
                    "Produktqualität",
                    "Product quality",
                    List.of("Fehler", "Absturz", "abgestürzt", "zuverlässig", "Qualität", "stabil", "kaputt"),
                    List.of("bug", "crash", "error", "reliable", "reliability", "quality", "stable", "broken"),
                    List.of("lädt langsam", "App ist langsam", "Software ist langsam"),
                    List.of("loads slowly", "slow to load", "app is slow", "software is slow")),
            seed(
                    5,
                    "ONBOARDING",
                    "Einführung",
                    "Onboarding",
                    List.of("Onboarding", "Einrichtung", "Einführung", "Einarbeitung"),
                    List.of("onboarding", "setup"),
                    List.of(),
                    List.of("set up", "getting started")),
            seed(
                    6,
                    "USABILITY",
                    "Bedienbarkeit",
                    "Ease of use",
                    List.of("einfach", "intuitiv", "umständlich", "kompliziert", "bedienen", "Bedienung"),
                    List.of("easy", "intuitive", "clumsy", "complicated", "confusing", "usability", "usable"),
                    List.of(),
                    List.of()),
            seed(
                    7,
                    "REPORTING",
                    "Berichte und Dashboards",
                    "Reports and dashboards",
                    List.of("Bericht", "Dashboard", "Export", "Excel", "Auswertung"),
                    List.of("report", "reporting", "dashboard", "export", "excel"),
                    List.of(),
                    List.of()));

    private static Topic seed(
            long id,
            String key,
            String nameDe,
            String nameEn,
            List<String> keywordsDe,
            List<String> keywordsEn,
            List<String> phrasesDe,
            List<String> phrasesEn) {
        return new Topic(id, key, nameDe, nameEn, keywordsDe, keywordsEn, phrasesDe, phrasesEn, true);
    }
}
