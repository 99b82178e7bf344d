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
                "Score: , $1 \\",
                Piping.render("Score: {answer:missing}, $1 \\", "en", version(), FormValues.empty(), null));
    }
}
