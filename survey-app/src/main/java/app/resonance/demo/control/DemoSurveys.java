package app.resonance.demo.control;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.Condition;
import app.resonance.surveys.entity.ConditionOperator;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo's four surveys, in German and English; the support CSAT also in French, Italian, Spanish, Dutch and Polish. */
final class DemoSurveys {

    private DemoSurveys() {}

    record OptionDef(OptionRole role, String code, LocalizedText label) {}

    record QuestionDef(
            String key,
            QuestionType type,
            boolean required,
            LocalizedText text,
            Integer min,
            Integer max,
            LocalizedText minLabel,
            LocalizedText maxLabel,
            List<OptionDef> options,
            int page,
            Condition showIf) {

        QuestionDef(
                String key,
                QuestionType type,
                boolean required,
                LocalizedText text,
                Integer min,
                Integer max,
                LocalizedText minLabel,
                LocalizedText maxLabel,
                List<OptionDef> options) {
            this(key, type, required, text, min, max, minLabel, maxLabel, options, 1, null);
        }

        QuestionDef on(int page) {
            return new QuestionDef(key, type, required, text, min, max, minLabel, maxLabel, options, page, showIf);
        }

        QuestionDef when(Condition condition) {
            return new QuestionDef(key, type, required, text, min, max, minLabel, maxLabel, options, page, condition);
        }
    }

    record Definition(
            String slug, String kind, LocalizedText title, LocalizedText intro, List<QuestionDef> questions) {}

    /** "slug/key" of every single-choice question, whose string answers are option codes, not texts. */
    static java.util.Set<String> singleChoiceKeys() {
        return all().stream()
                .flatMap(d -> d.questions().stream()
                        .filter(q -> q.type() == QuestionType.SINGLE_CHOICE)
                        .map(q -> d.slug() + "/" + q.key()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static LocalizedText t(String de, String en) {
        return new LocalizedText(de, en);
    }

    /** A text in all seven respondent languages: German, English, French, Italian, Spanish, Dutch, Polish. */
    private static LocalizedText t(String de, String en, String fr, String it, String es, String nl, String pl) {
        return new LocalizedText(de, en, Map.of("fr", fr, "it", it, "es", es, "nl", nl, "pl", pl));
    }

    private static QuestionDef scale(
            String key, QuestionType type, LocalizedText text, LocalizedText low, LocalizedText high) {
        return new QuestionDef(key, type, true, text, type.defaultMin(), type.defaultMax(), low, high, List.of());
    }

    private static QuestionDef text(String key, QuestionType type, LocalizedText text) {
        return new QuestionDef(key, type, false, text, null, null, null, null, List.of());
    }

    private static List<OptionDef> options(OptionRole role, String... codesAndLabels) {
        List<OptionDef> options = new ArrayList<>();
        for (int i = 0; i < codesAndLabels.length; i += 3) {
            options.add(new OptionDef(role, codesAndLabels[i], t(codesAndLabels[i + 1], codesAndLabels[i + 2])));
        }
        return options;
    }

    static List<Definition> all() {
        return List.of(
                new Definition(
                        "relationship-nps",
                        "NPS",
                        t("Wie zufrieden sind Sie mit Resonance?", "How happy are you with Resonance?"),
                        t("Zwei Minuten, die uns helfen, besser zu werden.", "Two minutes that help us get better."),
                        List.of(
                                scale(
                                        "nps",
                                        QuestionType.NPS,
                                        t(
                                                "Wie wahrscheinlich ist es, dass Sie uns einem Kollegen empfehlen?",
                                                "How likely are you to recommend us to a colleague?"),
                                        t("Überhaupt nicht wahrscheinlich", "Not at all likely"),
                                        t("Äußerst wahrscheinlich", "Extremely likely")),
                                new QuestionDef(
                                                "focus",
                                                QuestionType.SINGLE_CHOICE,
                                                false,
                                                t(
                                                        "Was ist Ihnen bei uns am wichtigsten?",
                                                        "What matters most to you about us?"),
                                                null,
                                                null,
                                                null,
                                                null,
                                                options(
                                                        OptionRole.OPTION,
                                                        "support",
                                                        "Support",
                                                        "Support",
                                                        "product",
                                                        "Produkt",
                                                        "Product",
                                                        "price",
                                                        "Preis",
                                                        "Price",
                                                        "onboarding",
                                                        "Einführung",
                                                        "Onboarding"))
                                        .on(2),
                                text(
                                                "reason",
                                                QuestionType.LONG_TEXT,
                                                t(
                                                        "Danke, {customer.name}. Was ist der wichtigste Grund für"
                                                                + " Ihre Bewertung ({answer:nps} von 10)?",
                                                        "Thank you, {customer.name}. What is the main reason for"
                                                                + " your score ({answer:nps} out of 10)?"))
                                        .on(2),
                                text(
                                                "improve",
                                                QuestionType.LONG_TEXT,
                                                t(
                                                        "Was sollten wir als Erstes verbessern?",
                                                        "What should we improve first?"))
                                        .on(2)
                                        .when(new Condition("nps", ConditionOperator.BETWEEN, List.of("0", "6"))))),
                new Definition(
                        "post-support-csat",
                        "CSAT",
                        // offered in all seven respondent languages: open /s/post-support-csat?lang=fr
                        t(
                                "Wie war Ihr Kontakt mit unserem Support?",
                                "How was your contact with our support?",
                                "Comment s’est passé votre échange avec notre support\u00a0?",
                                "Com’è andato il Suo contatto con il nostro supporto?",
                                "¿Qué tal fue su contacto con nuestro equipo de soporte?",
                                "Hoe was uw contact met onze support?",
                                "Jak oceniają Państwo kontakt z naszym działem wsparcia?"),
                        t(
                                "Danke, dass Sie uns kontaktiert haben.",
                                "Thank you for contacting us.",
                                "Merci de nous avoir contactés.",
                                "Grazie per averci contattato.",
                                "Gracias por ponerse en contacto con nosotros.",
                                "Bedankt dat u contact met ons hebt opgenomen.",
                                "Dziękujemy za kontakt z nami."),
                        List.of(
                                scale(
                                        "csat",
                                        QuestionType.CSAT,
                                        t(
                                                "Wie zufrieden waren Sie mit der Lösung Ihres Anliegens?",
                                                "How satisfied were you with how your request was resolved?",
                                                "Dans quelle mesure êtes-vous satisfait de la résolution de votre demande\u00a0?",
                                                "Quanto è soddisfatto di come è stata risolta la Sua richiesta?",
                                                "¿Qué grado de satisfacción tiene con la resolución de su solicitud?",
                                                "Hoe tevreden bent u over de manier waarop uw vraag is opgelost?",
                                                "Na ile są Państwo zadowoleni z rozwiązania swojego zgłoszenia?"),
                                        t(
                                                "Sehr unzufrieden",
                                                "Very dissatisfied",
                                                "Très insatisfait",
                                                "Per niente soddisfatto",
                                                "Muy insatisfecho",
                                                "Zeer ontevreden",
                                                "Bardzo niezadowoleni"),
                                        t(
                                                "Sehr zufrieden",
                                                "Very satisfied",
                                                "Très satisfait",
                                                "Molto soddisfatto",
                                                "Muy satisfecho",
                                                "Zeer tevreden",
                                                "Bardzo zadowoleni")),
                                scale(
                                        "ces",
                                        QuestionType.CES,
                                        t(
                                                "Wie einfach war es, Ihr Anliegen zu lösen?",
                                                "How easy was it to get your issue resolved?",
                                                "Dans quelle mesure a-t-il été facile de résoudre votre problème\u00a0?",
                                                "Quanto è stato facile risolvere il Suo problema?",
                                                "¿Qué tan fácil le resultó resolver su problema?",
                                                "Hoe gemakkelijk was het om uw probleem op te lossen?",
                                                "Jak łatwo było rozwiązać Państwa problem?"),
                                        t(
                                                "Sehr schwierig",
                                                "Very difficult",
                                                "Très difficile",
                                                "Molto difficile",
                                                "Muy difícil",
                                                "Zeer moeilijk",
                                                "Bardzo trudno"),
                                        t(
                                                "Sehr einfach",
                                                "Very easy",
                                                "Très facile",
                                                "Molto facile",
                                                "Muy fácil",
                                                "Zeer gemakkelijk",
                                                "Bardzo łatwo")),
                                text(
                                        "improve",
                                        QuestionType.SHORT_TEXT,
                                        t(
                                                "Was hätten wir besser machen können?",
                                                "What could we have done better?",
                                                "Qu’aurions-nous pu mieux faire\u00a0?",
                                                "Che cosa avremmo potuto fare meglio?",
                                                "¿Qué podríamos haber hecho mejor?",
                                                "Wat hadden we beter kunnen doen?",
                                                "Co mogliśmy zrobić lepiej?")))),
                new Definition(
                        "support-effort-ces",
                        "CES",
                        t("Wie viel Aufwand hatten Sie?", "How much effort did it take?"),
                        t("Eine Frage zu Ihrer letzten Anfrage.", "One question about your last request."),
                        List.of(
                                scale(
                                        "ces",
                                        QuestionType.CES,
                                        t(
                                                "Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu lösen.",
                                                "The company made it easy for me to handle my issue."),
                                        t("Stimme überhaupt nicht zu", "Strongly disagree"),
                                        t("Stimme voll zu", "Strongly agree")),
                                text(
                                        "comment",
                                        QuestionType.LONG_TEXT,
                                        t(
                                                "Möchten Sie uns noch etwas mitteilen?",
                                                "Anything else you would like to tell us?")))),
                new Definition(
                        "product-feedback",
                        "CUSTOM",
                        t("Produkt-Feedback", "Product feedback"),
                        t("Helfen Sie uns, das Produkt zu verbessern.", "Help us improve the product."),
                        List.of(
                                new QuestionDef(
                                        "rating",
                                        QuestionType.RATING,
                                        true,
                                        t(
                                                "Wie bewerten Sie das Produkt insgesamt?",
                                                "How do you rate the product overall?"),
                                        1,
                                        5,
                                        t("Schlecht", "Poor"),
                                        t("Ausgezeichnet", "Excellent"),
                                        List.of()),
                                new QuestionDef(
                                        "features",
                                        QuestionType.MULTIPLE_CHOICE,
                                        false,
                                        t("Welche Funktionen nutzen Sie?", "Which features do you use?"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        options(
                                                OptionRole.OPTION,
                                                "dashboards",
                                                "Dashboards",
                                                "Dashboards",
                                                "exports",
                                                "Exporte",
                                                "Exports",
                                                "integrations",
                                                "Integrationen",
                                                "Integrations",
                                                "mobile",
                                                "Mobile App",
                                                "Mobile app")),
                                new QuestionDef(
                                                "aspects",
                                                QuestionType.MATRIX,
                                                false,
                                                t("Wie bewerten Sie diese Aspekte?", "How do you rate these aspects?"),
                                                null,
                                                null,
                                                null,
                                                null,
                                                concat(
                                                        options(
                                                                OptionRole.ROW,
                                                                "speed",
                                                                "Geschwindigkeit",
                                                                "Speed",
                                                                "reliability",
                                                                "Zuverlässigkeit",
                                                                "Reliability",
                                                                "design",
                                                                "Gestaltung",
                                                                "Design"),
                                                        options(
                                                                OptionRole.COLUMN,
                                                                "1",
                                                                "Schlecht",
                                                                "Poor",
                                                                "2",
                                                                "Mäßig",
                                                                "Fair",
                                                                "3",
                                                                "Gut",
                                                                "Good",
                                                                "4",
                                                                "Sehr gut",
                                                                "Very good",
                                                                "5",
                                                                "Hervorragend",
                                                                "Excellent")))
                                        .on(2),
                                text(
                                                "wish",
                                                QuestionType.SHORT_TEXT,
                                                t(
                                                        "Was wünschen Sie sich als Nächstes?",
                                                        "What would you like to see next?"))
                                        .on(2))));
    }

    private static List<OptionDef> concat(List<OptionDef> a, List<OptionDef> b) {
        List<OptionDef> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
