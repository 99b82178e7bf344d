package app.resonance.forms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.control.FormValues;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import app.resonance.surveys.entity.SurveyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipingTest {

    static SurveyVersion version() {
        SurveyVersion v = new Survey("pipe", SurveyKind.NPS, false, Instant.EPOCH).latestVersion();
        v.addQuestion("nps", QuestionType.NPS, true, new LocalizedText("NPS", "NPS"));
        v.addQuestion("topics", QuestionType.MULTIPLE_CHOICE, false, new LocalizedText("Themen", "Topics"))
                .addOption(OptionRole.OPTION, "price", new LocalizedText("Preis", "Price"))
                .addOption(OptionRole.OPTION, "support", new LocalizedText("Support", "Support"));
        return v;
    }

    static final FormValues ANSWERS =
            FormValues.of(Map.of("q.nps", List.of("4"), "q.topics", List.of("price", "support")));

    @Test
    void earlierAnswersAndTheCustomersNameAreFilledIn() {
        assertEquals(
                "Thank you, Anna Schmidt. Why a 4? You chose Price, Support.",
                Piping.render(
                        "Thank you, {customer.name}. Why a {answer:nps}? You chose {answer:topics}.",
                        "en",
                        version(),
                        ANSWERS,
                        "Anna Schmidt"));
        assertEquals(
                "Sie wählten Preis, Support.",
                Piping.render("Sie wählten {answer:topics}.", "de", version(), ANSWERS, null));
    }

    @Test
    void withoutANameTheGreetingStaysGrammatical() {
        assertEquals(
                "Thank you. Why?", Piping.render("Thank you, {customer.name}. Why?", "en", version(), ANSWERS, ""));
    }

    @Test
    void unansweredOrUnknownQuestionsPipeNothingAndSpecialCharactersStayText() {
        assertEquals(
                "Score: $1 \\",
                Piping.render("Score: {answer:missing} $1 \\", "en", version(), FormValues.empty(), null));
    }

    @Test
    void aPlaceholderWithoutAValueIsNeverShownAndTheSentenceReadsWithoutIt() {
        FormValues none = FormValues.empty();
        // The author's fallback after a bar, in each language.
        assertEquals(
                "What is the main reason for your score out of 10?",
                Piping.render(
                        "What is the main reason for your {answer:nps|score} out of 10?", "en", version(), none, null));
        assertEquals(
                "Was ist der wichtigste Grund für Ihre 4 von 10?",
                Piping.render(
                        "Was ist der wichtigste Grund für Ihre {answer:nps|Bewertung} von 10?",
                        "de",
                        version(),
                        ANSWERS,
                        null));
        // Parentheses go with the placeholder, a comma before it too.
        assertEquals(
                "Danke. Was ist der wichtigste Grund für Ihre Bewertung?",
                Piping.render(
                        "Danke, {customer.name}. Was ist der wichtigste Grund für Ihre Bewertung ({answer:nps} von 10)?",
                        "de",
                        version(),
                        none,
                        null));
        assertEquals(
                "Thank you, Anna. What is the main reason for your score (4 out of 10)?",
                Piping.render(
                        "Thank you, {customer.name}. What is the main reason for your score ({answer:nps} out of 10)?",
                        "en",
                        version(),
                        ANSWERS,
                        "Anna"));
        // Without a rule that fits, the placeholder alone goes and no space is left before the question mark.
        assertEquals("Why a?", Piping.render("Why a {answer:nps}, {customer.name}?", "en", version(), none, null));
        assertEquals(
                "Why a score like this?",
                Piping.render("Why a {answer:nps|score like this}, {customer.name}?", "en", version(), none, " "));
    }

    @Test
    void anEventsAttributesArePipedAndAMissingOneIsLeftOut() {
        Map<String, String> event = Map.of("ticket_id", "48213", "agent", "Mia");
        assertEquals(
                "How did Mia solve ticket 48213?",
                Piping.render(
                        "How did {event.agent|we} solve ticket {event.ticket_id}?",
                        "en",
                        version(),
                        FormValues.empty(),
                        null,
                        event));
        assertEquals(
                "How did we solve your ticket?",
                Piping.render(
                        "How did {event.agent|we} solve your ticket ({event.ticket_id})?",
                        "en",
                        version(),
                        FormValues.empty(),
                        null,
                        Map.of()));
    }
}
