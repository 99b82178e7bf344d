package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.control.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The template a support lead starts a reply from, in every respondent language: the subject names the survey, the
 * body greets the customer by name, refers to their answer (the survey and the day, written as the language writes a
 * date), leaves two empty lines for the lead's words and closes with the lead's name.
 */
class CustomerReplyTemplateTest {

    static final LocalDate ANSWERED = LocalDate.of(2026, 11, 23);

    @Test
    void theEnglishTemplateGreetsByNameAndRefersToTheAnswer() {
        var template = CustomerReplies.compose(
                "en", "anna@example.test", "Anna Berg", "Customer survey 2026", ANSWERED, "Sabine Support");
        assertEquals("en", template.language());
        assertEquals("anna@example.test", template.recipient());
        assertEquals("Anna Berg", template.customerName());
        assertEquals("Your feedback on \"Customer survey 2026\"", template.subject());
        assertEquals("""
                Hello Anna Berg,

                thank you for your answer of November 23, 2026 to our survey "Customer survey 2026".



                Kind regards
                Sabine Support""", template.body());
    }

    @Test
    void theGermanTemplateWritesTheDateTheGermanWay() {
        var template = CustomerReplies.compose(
                "de", "anna@example.test", "Anna Berg", "Kundenumfrage 2026", ANSWERED, "Sabine Support");
        assertEquals("Ihr Feedback zu „Kundenumfrage 2026“", template.subject());
        assertEquals("""
                Hallo Anna Berg,

                vielen Dank für Ihre Antwort vom 23. November 2026 auf unsere Umfrage „Kundenumfrage 2026“.



                Freundliche Grüße
                Sabine Support""", template.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fr | Votre avis sur « Enquête » | Bonjour Anna, | merci pour votre réponse du 23 novembre 2026 à notre enquête « Enquête ». | Cordialement
            it | Il Suo feedback su «Enquête» | Gentile Anna, | grazie per la Sua risposta del 23 novembre 2026 al nostro sondaggio «Enquête». | Cordiali saluti
            es | Su opinión sobre «Enquête» | Estimado/a Anna: | Gracias por su respuesta del 23 de noviembre de 2026 a nuestra encuesta «Enquête». | Atentamente
            nl | Uw feedback over ‘Enquête’ | Beste Anna, | hartelijk dank voor uw antwoord van 23 november 2026 op onze enquête ‘Enquête’. | Met vriendelijke groet
            pl | Państwa opinia o ankiecie „Enquête” | Dzień dobry, Anna! | Dziękujemy za Państwa odpowiedź z dnia 23 listopada 2026 w ankiecie „Enquête”. | Z poważaniem
            """)
    void everyFurtherRespondentLanguageHasItsOwnTemplate(
            String language, String subject, String greeting, String reference, String closing) {
        var template = CustomerReplies.compose(language, "anna@example.test", "Anna", "Enquête", ANSWERED, "Sabine");
        assertEquals(subject, template.subject());
        assertEquals(greeting + "\n\n" + reference + "\n\n\n\n" + closing + "\nSabine", template.body());
    }

    @Test
    void everyRespondentLanguageIsCovered() {
        // the two tests above: en, de, and the five further languages
        assertEquals(List.of("de", "en", "fr", "it", "es", "nl", "pl"), Messages.RESPONDENT_LANGUAGES);
    }

    @Test
    void withoutAnAnswerTheTemplateRefersToTheSurveyAlone() {
        var template = CustomerReplies.compose("en", "a@example.test", "Anna", "Onboarding", null, "Sabine");
        assertEquals(
                "Hello Anna,\n\nthank you for your answer to our survey \"Onboarding\".\n\n\n\nKind regards\nSabine",
                template.body());
    }

    @Test
    void whatTheNameOrTitleHoldsStaysText() {
        // MessageFormat must not read braces or quotes in a customer's name or a survey title as a pattern
        var template = CustomerReplies.compose("en", "a@example.test", "<b>Anna</b> {0}", "It's {1}", null, "S");
        assertEquals("Your feedback on \"It's {1}\"", template.subject());
        assertEquals(
                "Hello <b>Anna</b> {0},", template.body().lines().findFirst().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"de-CH,de", "fr_FR,fr", "PL,pl", "pt-BR,", "'',"})
    void aLocaleStandsForItsRespondentLanguage(String locale, String language) {
        assertEquals(Optional.ofNullable(language), CustomerReplies.respondentLanguage(locale));
    }
}
