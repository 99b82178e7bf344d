package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.analytics.control.DriverAnalysis.Kind;
import app.resonance.analytics.control.DriverAnalysis.Status;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The driver analysis of read answers: the worked example's ranking, its sentence, and the refusals. */
class DriversTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);
    static final Messages DE = Messages.of(Locale.GERMAN);
    static final Drivers.Candidate NPS =
            new Drivers.Candidate("nps", Kind.QUESTION, QuestionType.NPS, "How likely…?", List.of());
    static final Drivers.Candidate SPEED =
            new Drivers.Candidate("speed", Kind.QUESTION, QuestionType.RATING, "Support speed", List.of());
    static final Drivers.Candidate ONBOARDING =
            new Drivers.Candidate("onboarding", Kind.QUESTION, QuestionType.RATING, "Onboarding", List.of());
    static final Drivers.Candidate PRICE_TOPIC =
            new Drivers.Candidate("topic:PRICE", Kind.TOPIC, null, "Price", List.of());

    /** The worked example of {@link RelativeImportanceTest} {@code times} times over. */
    static List<DriverReader.Answers> workedExample(int times) {
        List<DriverReader.Answers> answers = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < 8; i++) {
                answers.add(new DriverReader.Answers(
                        (int) RelativeImportanceTest.SCORE[i],
                        Map.of(
                                "speed", (int) RelativeImportanceTest.SPEED[i],
                                "onboarding", (int) RelativeImportanceTest.ONBOARDING[i]),
                        Map.of(),
                        Set.of()));
            }
        }
        return answers;
    }

    /** Repeating the responses changes no centred sum's ratio: the shares are the worked example's. */
    @Test
    void theWorkedExampleRankedWithItsSentence() {
        var analysis = Drivers.analyse(
                NPS, List.of(SPEED, ONBOARDING), workedExample(5), new ReportingRules(30, false), EN, 1000, 18);
        assertEquals(Status.RANKED, analysis.status());
        assertEquals(40, analysis.responses());
        assertEquals(30, analysis.requiredResponses());
        assertEquals(14347.0 / 14868, analysis.rSquared(), RelativeImportanceTest.EXACT);
        assertEquals(
                List.of("speed", "onboarding"),
                analysis.drivers().stream().map(DriverAnalysis.Driver::key).toList());
        assertEquals(443159.0 / 614544, analysis.drivers().get(0).importance(), RelativeImportanceTest.EXACT);
        assertEquals(449551.0 / 1843632, analysis.drivers().get(1).importance(), RelativeImportanceTest.EXACT);
        assertEquals(
                (443159.0 / 614544) / (14347.0 / 14868),
                analysis.drivers().get(0).share(),
                RelativeImportanceTest.EXACT);
        assertEquals(
                "\"Support speed\" matters most; then \"Onboarding\" with these 40 responses; together the drivers"
                        + " explain 96 % of the differences in the score.",
                analysis.sentence());
    }

    @Test
    void sentencesInBothLanguages() {
        var speed = driver("Support speed", Kind.TOPIC, 1);
        var onboarding = driver("Onboarding", Kind.TOPIC, 2);
        var price = driver("Price", Kind.TOPIC, 2);
        assertEquals(
                "Support speed matters most; onboarding and Price cannot be told apart with these 180 responses;"
                        + " together the drivers explain 34 % of the differences in the score.",
                Drivers.sentence(List.of(speed, driver("onboarding", Kind.TOPIC, 2), price), 180, 0.34, EN));
        assertEquals(
                "Support speed zählt am meisten; Onboarding und Price lassen sich nicht unterscheiden – bei diesen 180"
                        + " Antworten; zusammen erklären die Treiber 34 % der Unterschiede im Wert.",
                Drivers.sentence(List.of(speed, onboarding, price), 180, 0.34, DE));
        assertEquals(
                "Support speed, Onboarding and Price matter most and cannot be told apart with these 1,800 responses;"
                        + " together the drivers explain 5 % of the differences in the score.",
                Drivers.sentence(
                        List.of(speed, driver("Onboarding", Kind.TOPIC, 1), driver("Price", Kind.TOPIC, 1)),
                        1800,
                        0.05,
                        EN));
    }

    @Test
    void refusesBelowTheReportingMinimum() {
        var analysis = Drivers.analyse(
                NPS, List.of(SPEED, ONBOARDING), workedExample(3), new ReportingRules(30, false), EN, 1000, 18);
        assertEquals(Status.NOT_ENOUGH_RESPONSES, analysis.status());
        assertEquals(24, analysis.responses());
        assertEquals(30, analysis.requiredResponses());
        assertEquals(List.of(), analysis.drivers());
        assertEquals(null, analysis.rSquared());
        assertEquals("Too few responses to rank the drivers: 24 of the 30 needed.", analysis.sentence());
    }

    /** Two columns need 20 responses whatever the reporting minimum; 16 are too few. */
    @Test
    void refusesBelowTenResponsesPerColumn() {
        var analysis = Drivers.analyse(
                NPS, List.of(SPEED, ONBOARDING), workedExample(2), new ReportingRules(5, false), DE, 1000, 18);
        assertEquals(Status.NOT_ENOUGH_RESPONSES, analysis.status());
        assertEquals(20, analysis.requiredResponses());
        assertEquals("Zu wenige Antworten, um die Treiber zu ordnen: 16 von 20 nötigen.", analysis.sentence());
    }

    @Test
    void hidesAnAnonymousSurveysFewResponses() {
        var analysis = Drivers.analyse(
                NPS, List.of(SPEED), workedExample(1).subList(0, 4), new ReportingRules(1, true), EN, 1000, 18);
        assertEquals(Status.HIDDEN_FOR_ANONYMITY, analysis.status());
        assertEquals(0, analysis.responses());
    }

    /** A topic mentioned by fewer than five responses is no column; with nothing else there is nothing to rank. */
    @Test
    void refusesWithoutDrivers() {
        List<DriverReader.Answers> answers = new ArrayList<>(workedExample(5));
        for (int i = 0; i < 4; i++) {
            answers.set(i, new DriverReader.Answers(3, Map.of(), Map.of(), Set.of("PRICE")));
        }
        var analysis = Drivers.analyse(NPS, List.of(PRICE_TOPIC), answers, new ReportingRules(30, false), EN, 1000, 18);
        assertEquals(Status.NO_DRIVERS, analysis.status());
        assertEquals(
                "No question or topic has enough answers on both sides to explain \"How likely…?\" with.",
                analysis.sentence());
    }

    /** Responses without a rating driver are left out; a choice question's options together are one driver. */
    @Test
    void choiceQuestionsAndMissingRatings() {
        var plan = new Drivers.Candidate(
                "plan", Kind.QUESTION, QuestionType.SINGLE_CHOICE, "Plan", List.of("a", "b", "c", "rare"));
        List<DriverReader.Answers> answers = new ArrayList<>();
        String[] groups = {"a", "a", "a", "b", "b", "b", "c", "c"};
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 8; i++) {
                answers.add(new DriverReader.Answers(
                        (int) RelativeImportanceTest.SCORE[i],
                        Map.of("speed", (int) RelativeImportanceTest.SPEED[i]),
                        Map.of("plan", Set.of(groups[i])),
                        Set.of()));
            }
        }
        answers.add(new DriverReader.Answers(0, Map.of(), Map.of("plan", Set.of("rare")), Set.of()));
        var analysis = Drivers.analyse(NPS, List.of(SPEED, plan), answers, new ReportingRules(30, false), EN, 0, 18);
        assertEquals(40, analysis.responses());
        // columns: speed, and options a, b, c ("rare" only in the response without a speed rating)
        assertEquals(40, analysis.requiredResponses());
        assertEquals(Status.RANKED, analysis.status());
        double both = RelativeImportanceTest.ols3(
                RelativeImportanceTest.columns(
                        RelativeImportanceTest.SPEED,
                        new double[] {1, 1, 1, 0, 0, 0, 0, 0},
                        new double[] {0, 0, 0, 1, 1, 1, 0, 0}),
                RelativeImportanceTest.SCORE);
        assertEquals(both, analysis.rSquared(), RelativeImportanceTest.EXACT);
        // plan alone explains 328/504 (the groups' means), speed alone 529/651
        double plan2 = (328.0 / 504 + both - 529.0 / 651) / 2;
        var planDriver = analysis.drivers().stream()
                .filter(d -> d.key().equals("plan"))
                .findFirst()
                .orElseThrow();
        assertEquals(plan2, planDriver.importance(), RelativeImportanceTest.EXACT);
    }

    private static DriverAnalysis.Driver driver(String label, Kind kind, int tier) {
        return new DriverAnalysis.Driver(label, kind, null, label, 0.1, 0.0, 0.2, 0.3, tier);
    }
}
