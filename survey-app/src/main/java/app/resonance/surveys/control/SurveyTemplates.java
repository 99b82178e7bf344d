package app.resonance.surveys.control;

import app.resonance.platform.control.Texts;
import java.util.List;

/**
 * Ready-made starting points for the designer, in German and English: relationship NPS, post-support
 * CSAT, customer effort (CES), product feedback and employee NPS (anonymous). A template is a draft like
 * any other; the designer changes it freely before publishing.
 */
public final class SurveyTemplates {

    /** The templates' keys, in the order the designer offers them. */
    public static final List<String> KEYS =
            List.of("relationship-nps", "post-support-csat", "customer-effort", "product-feedback", "employee-enps");

    private SurveyTemplates() {}

    /** The template as a draft for a new survey with this slug; "blank" for a survey from scratch. */
    public static SurveyDraft draft(String template, String slug) {
        return switch (template) {
            case "relationship-nps" ->
                draft(
                        slug,
                        "NPS",
                        false,
                        t("Wie stehen Sie zu uns?", "How do you feel about us?"),
                        List.of(
                                nps(),
                                choice(
                                        "focus",
                                        t("Was sollten wir zuerst verbessern?", "What should we improve first?"),
                                        List.of(
                                                option("product", t("Produkt", "Product")),
                                                option("support", t("Support", "Support")),
                                                option("price", t("Preis", "Price")))),
                                text(
                                        "reason",
                                        t(
                                                "Was ist der wichtigste Grund für Ihre Bewertung?",
                                                "What is the main reason for your score?"))));
            case "post-support-csat" ->
                draft(
                        slug,
                        "CSAT",
                        false,
                        t("Ihr Support-Fall", "Your support case"),
                        List.of(
                                scale(
                                        "csat",
                                        "CSAT",
                                        t(
                                                "Wie zufrieden waren Sie mit unserer Hilfe?",
                                                "How satisfied were you with our help?")),
                                text(
                                        "comment",
                                        t("Was hätten wir besser machen können?", "What could we have done better?"))));
            case "customer-effort" ->
                draft(
                        slug,
                        "CES",
                        false,
                        t("Wie einfach war es?", "How easy was it?"),
                        List.of(
                                scale(
                                        "ces",
                                        "CES",
                                        t(
                                                "Es war einfach, mein Anliegen zu lösen.",
                                                "It was easy to get my issue resolved.")),
                                text("obstacle", t("Was hat es schwer gemacht?", "What made it hard?"))));
            case "product-feedback" ->
                draft(
                        slug,
                        "CUSTOM",
                        false,
                        t("Produkt-Feedback", "Product feedback"),
                        List.of(
                                question(
                                        "rating",
                                        "RATING",
                                        true,
                                        t(
                                                "Wie bewerten Sie das Produkt insgesamt?",
                                                "How do you rate the product overall?"),
                                        1,
                                        5,
                                        t("schlecht", "poor"),
                                        t("hervorragend", "excellent"),
                                        List.of(),
                                        List.of()),
                                question(
                                        "features",
                                        "MULTIPLE_CHOICE",
                                        false,
                                        t("Welche Funktionen nutzen Sie?", "Which features do you use?"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(
                                                option("reports", t("Berichte", "Reports")),
                                                option("api", t("API", "API")),
                                                option("mobile", t("Mobile App", "Mobile app"))),
                                        List.of()),
                                text("wish", t("Was wünschen Sie sich als Nächstes?", "What would you like next?"))));
            case "employee-enps" ->
                draft(
                        slug,
                        "ENPS",
                        true,
                        t("Mitarbeiterbefragung", "Employee survey"),
                        List.of(
                                question(
                                        "enps",
                                        "NPS",
                                        true,
                                        t(
                                                "Wie wahrscheinlich ist es, dass Sie uns als Arbeitgeber empfehlen?",
                                                "How likely are you to recommend us as an employer?"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        List.of()),
                                text("change", t("Was sollten wir ändern?", "What should we change?"))));
            default -> draft(slug, "CUSTOM", false, t("Neue Umfrage", "New survey"), List.of());
        };
    }

    private static SurveyDraft draft(String slug, String kind, boolean anonymous, Texts title, List<QuestionDraft> qs) {
        return new SurveyDraft(slug, kind, anonymous, title, null, List.of("de", "en"), "de", qs);
    }

    private static QuestionDraft nps() {
        return question(
                "nps",
                "NPS",
                true,
                t(
                        "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
                        "How likely are you to recommend us to a friend or colleague?"),
                null,
                null,
                t("unwahrscheinlich", "not likely"),
                t("sehr wahrscheinlich", "very likely"),
                List.of(),
                List.of());
    }

    private static QuestionDraft scale(String id, String type, Texts text) {
        return question(id, type, true, text, null, null, null, null, List.of(), List.of());
    }

    private static QuestionDraft choice(String id, Texts text, List<OptionDraft> options) {
        return question(id, "SINGLE_CHOICE", false, text, null, null, null, null, options, List.of());
    }

    private static QuestionDraft text(String id, Texts text) {
        return question(id, "LONG_TEXT", false, text, null, null, null, null, List.of(), List.of());
    }

    private static OptionDraft option(String id, Texts label) {
        return new OptionDraft(id, label);
    }

    private static QuestionDraft question(
            String id,
            String type,
            Boolean required,
            Texts text,
            Integer min,
            Integer max,
            Texts minLabel,
            Texts maxLabel,
            List<OptionDraft> options,
            List<OptionDraft> rows) {
        return new QuestionDraft(id, type, required, text, min, max, minLabel, maxLabel, options, rows, 1, null);
    }

    private static Texts t(String de, String en) {
        return Texts.of(de, en);
    }
}
