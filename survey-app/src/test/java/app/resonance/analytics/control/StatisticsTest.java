package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every statistic against worked examples computed by hand (values to 1e-9). */
class StatisticsTest {

    static final double EXACT = 1e-9;
    static final ReportingRules RULES = ReportingRules.standard();

    /** 100 respondents: 50 promoters, 30 passives, 20 detractors. */
    static final ScoreCounts FIFTY_THIRTY_TWENTY = ScoreCounts.of(2, 2, 2, 2, 4, 4, 4, 15, 15, 25, 25);

    @Test
    void npsIsPromotersMinusDetractorsWithItsStandardErrorAndMargin() {
        assertEquals(50, FIFTY_THIRTY_TWENTY.between(9, 10));
        assertEquals(20, FIFTY_THIRTY_TWENTY.between(0, 6));
        Estimate nps = NpsCalculator.estimate(FIFTY_THIRTY_TWENTY, RULES);
        assertEquals(Visibility.SHOWN, nps.visibility());
        assertEquals(100L, nps.responses());
        assertEquals(30.0, nps.value(), EXACT);
        // sqrt((0.5 + 0.2 - 0.3²) / 100) = sqrt(0.0061) = 0.0781024967...
        assertEquals(7.810249675906654, nps.standardError(), EXACT);
        assertEquals(15.307808075042669, nps.marginOfError(), EXACT);
        assertEquals(14.692191924957331, nps.low(), EXACT);
        assertEquals(45.30780807504267, nps.high(), EXACT);
    }

    @Test
    void sevenAndEightArePassivesSixIsADetractorNineAPromoter() {
        Estimate nps = NpsCalculator.estimate(
                ScoreCounts.of(0, 0, 0, 0, 0, 0, 10, 10, 10, 10, 0), new ReportingRules(1, false));
        assertEquals(40L, nps.responses());
        assertEquals(0.0, nps.value(), EXACT); // 10 promoters (9), 10 detractors (6)
        assertTrue(NpsCalculator.isDetractor(6));
        assertFalse(NpsCalculator.isDetractor(7));
        assertTrue(NpsCalculator.isPromoter(9));
        assertFalse(NpsCalculator.isPromoter(8));
    }

    @Test
    void allPromotersIsOneHundredWithoutAnyUncertainty() {
        Estimate nps = NpsCalculator.estimate(40, 0, 0, RULES);
        assertEquals(100.0, nps.value(), EXACT);
        assertEquals(0.0, nps.standardError(), EXACT);
        assertEquals(0.0, nps.marginOfError(), EXACT);
        assertEquals(100.0, nps.low(), EXACT);
        assertEquals(100.0, nps.high(), EXACT);
        assertEquals(-100.0, NpsCalculator.estimate(0, 0, 35, RULES).value(), EXACT);
    }

    @Test
    void theIntervalNeverLeavesTheScale() {
        // 29 promoters, 1 detractor: 93.33 ± 9.1 would reach past 100.
        Estimate nps = NpsCalculator.estimate(29, 0, 1, RULES);
        assertEquals(93.33333333333333, nps.value(), EXACT);
        assertEquals(100.0, nps.high(), EXACT);
        assertTrue(nps.low() < nps.value());
    }

    @Test
    void noResponsesIsNotEnoughResponsesAndNeverANumber() {
        Estimate nps = NpsCalculator.estimate(ScoreCounts.empty(), RULES);
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, nps.visibility());
        assertEquals(0L, nps.responses());
        assertNull(nps.value());
        assertNull(nps.standardError());
        assertNull(nps.marginOfError());
        assertNull(CsatCalculator.estimate(ScoreCounts.empty(), RULES).value());
        assertNull(
                MeanCalculator.estimate(Metric.CES, ScoreCounts.empty(), RULES).value());
    }

    @Test
    void belowTheMinimumIsNotEnoughResponsesAtTheMinimumItIsShown() {
        Estimate below = NpsCalculator.estimate(29, 0, 0, RULES);
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, below.visibility());
        assertEquals(29L, below.responses());
        assertNull(below.value());
        assertEquals(Visibility.SHOWN, NpsCalculator.estimate(30, 0, 0, RULES).visibility());

        ReportingRules ten = new ReportingRules(10, false);
        assertEquals(Visibility.SHOWN, NpsCalculator.estimate(5, 3, 2, ten).visibility());
        assertEquals(10.0 * 3, NpsCalculator.estimate(5, 3, 2, ten).value(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> new ReportingRules(0, false));
    }

    @Test
    void anAnonymousSurveyNeverShowsAGroupOfFewerThanFiveNotEvenItsSize() {
        ReportingRules lenient = new ReportingRules(1, true);
        Estimate four = NpsCalculator.estimate(4, 0, 0, lenient);
        assertEquals(Visibility.HIDDEN_FOR_ANONYMITY, four.visibility());
        assertNull(four.responses());
        assertNull(four.value());
        Estimate five = NpsCalculator.estimate(5, 0, 0, lenient);
        assertEquals(Visibility.SHOWN, five.visibility());
        assertEquals(100.0, five.value(), EXACT);
        // The same four in a survey that is not anonymous are merely a small group.
        assertEquals(
                Visibility.SHOWN,
                NpsCalculator.estimate(4, 0, 0, new ReportingRules(1, false)).visibility());
        // With the default minimum the anonymous group of 12 is "not enough", but its size may be shown.
        Estimate twelve = NpsCalculator.estimate(12, 0, 0, RULES.forSurvey(true));
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, twelve.visibility());
        assertEquals(12L, twelve.responses());
    }

    @Test
    void csatIsTheShareOfFourAndFiveWithItsMargin() {
        // 100 answers: 5 ones, 5 twos, 10 threes, 30 fours, 50 fives: 80 % satisfied.
        Estimate csat = CsatCalculator.estimate(ScoreCounts.of(0, 5, 5, 10, 30, 50), RULES);
        assertEquals(100L, csat.responses());
        assertEquals(80.0, csat.value(), EXACT);
        assertEquals(4.0, csat.standardError(), EXACT);
        assertEquals(7.839855938160214, csat.marginOfError(), EXACT);
        assertEquals(72.16014406183979, csat.low(), EXACT);
        assertEquals(87.83985593816021, csat.high(), EXACT);
        Estimate all = CsatCalculator.estimate(0, 30, RULES);
        assertEquals(0.0, all.value(), EXACT);
        assertEquals(0.0, all.low(), EXACT);
    }

    @Test
    void cesIsTheMeanWithATConfidenceInterval() {
        // Ten 3s, ten 5s, ten 7s: mean 5, s² = 80/29, se = sqrt(80/29/30), t(0.975, 29) = 2.0452296421.
        Estimate ces = MeanCalculator.estimate(Metric.CES, ScoreCounts.of(0, 0, 0, 10, 0, 10, 0, 10), RULES);
        assertEquals(30L, ces.responses());
        assertEquals(5.0, ces.value(), EXACT);
        assertEquals(0.3032392174315614, ces.standardError(), EXACT);
        assertEquals(0.6201938361481533, ces.marginOfError(), 1e-8);
        assertEquals(4.379806163851847, ces.low(), 1e-8);
        assertEquals(5.620193836148153, ces.high(), 1e-8);
    }

    @Test
    void aMeanOfIdenticalAnswersHasNoSpread() {
        Estimate ces = MeanCalculator.estimate(Metric.CES, ScoreCounts.of(0, 0, 0, 0, 0, 0, 0, 30), RULES);
        assertEquals(7.0, ces.value(), EXACT);
        assertEquals(0.0, ces.standardError(), EXACT);
        assertEquals(7.0, ces.high(), EXACT);
        Estimate one = MeanCalculator.estimate(Metric.CES, ScoreCounts.ofScores(4), new ReportingRules(1, false));
        assertEquals(4.0, one.value(), EXACT);
        assertNull(one.standardError(), "one answer has no standard error");
    }

    @Test
    void aDropFromThirtyToMinusTenIsSignificant() {
        Estimate before = NpsCalculator.estimate(50, 30, 20, RULES);
        Estimate after = NpsCalculator.estimate(30, 30, 40, RULES);
        Significance change = ChangeTest.compare(before, after);
        assertEquals(-40.0, change.difference(), EXACT);
        assertEquals(11.40175425099138, change.standardError(), EXACT);
        assertEquals(-3.5082320772281173, change.z(), EXACT);
        assertEquals(0.00045109534761422765, change.pValue(), 1e-12);
        assertTrue(change.significant());
    }

    @Test
    void aDropOfTenPointsOnAHundredEachIsChance() {
        Significance change = ChangeTest.compare(
                NpsCalculator.estimate(50, 30, 20, RULES), NpsCalculator.estimate(45, 30, 25, RULES));
        assertEquals(-10.0, change.difference(), EXACT);
        assertEquals(11.269427669584644, change.standardError(), EXACT);
        assertEquals(-0.8873565094161139, change.z(), EXACT);
        assertEquals(0.37488699045279694, change.pValue(), 1e-12);
        assertFalse(change.significant());
    }

    @Test
    void aChangeWithTooFewResponsesOnOneSideIsNeverTestedNorSignificant() {
        Significance change =
                ChangeTest.compare(NpsCalculator.estimate(50, 30, 20, RULES), NpsCalculator.estimate(0, 0, 20, RULES));
        assertFalse(change.testable());
        assertNull(change.z());
        assertFalse(change.significant());
    }

    @Test
    void allPromotersAgainstAllDetractorsIsCertain() {
        Significance change =
                ChangeTest.compare(NpsCalculator.estimate(30, 0, 0, RULES), NpsCalculator.estimate(0, 0, 30, RULES));
        assertEquals(-200.0, change.difference(), EXACT);
        assertEquals(0.0, change.pValue(), EXACT);
        assertTrue(change.significant());
        Significance same =
                ChangeTest.compare(NpsCalculator.estimate(30, 0, 0, RULES), NpsCalculator.estimate(40, 0, 0, RULES));
        assertEquals(1.0, same.pValue(), EXACT);
        assertFalse(same.significant());
    }

    @Test
    void cesChangesAreTestedOnTheMeans() {
        Estimate before = MeanCalculator.estimate(Metric.CES, ScoreCounts.of(0, 0, 0, 10, 0, 10, 0, 10), RULES);
        Estimate after = MeanCalculator.estimate(Metric.CES, ScoreCounts.of(0, 0, 0, 20, 0, 10, 0, 0), RULES);
        Significance change = ChangeTest.compare(before, after);
        // after: twenty 3s and ten 5s, mean 11/3, s² = (20·(4/9) + 10·(16/9)) / 29 = 80/87
        double seAfter = Math.sqrt(80.0 / 87 / 30);
        assertEquals(11.0 / 3 - 5, change.difference(), EXACT);
        assertEquals(Math.sqrt(80.0 / 29 / 30 + seAfter * seAfter), change.standardError(), EXACT);
        assertTrue(change.significant());
    }

    @Test
    void scoreCountsAddUpAndRefuseImpossibleScores() {
        ScoreCounts counts = ScoreCounts.ofScores(0, 10, 10, 7).plus(ScoreCounts.ofScores(3));
        assertEquals(5, counts.n());
        assertEquals(30, counts.sum());
        assertEquals(0 + 100 + 100 + 49 + 9, counts.sumOfSquares());
        assertEquals(2, counts.count(10));
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.ofScores(11));
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.of(-1));
    }
}
