package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.distribution.control.RespondentMix.Count;
import app.resonance.distribution.control.RespondentMix.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the response-skew test, computed by hand. */
class RespondentMixTest {

    /**
     * Enterprise: 40 reached, 20 answered; Business: 60 reached, 15 answered. 35 of 100 answered, so the expected
     * counts are 14 / 26 and 21 / 39; chi-square = 36/14 + 36/26 + 36/21 + 36/39 = 6.593407, df 1, p =
     * erfc(sqrt(6.593407 / 2)) = 0.010236: Enterprise customers answered more (50 % against 25 %).
     */
    @Test
    void twoPlansThatAnsweredAtDifferentRatesAreSkewed() {
        RespondentMix mix =
                RespondentMix.of("plan", List.of(new Count("Enterprise", 40, 20), new Count("Business", 60, 15)));
        assertEquals(6.593407, mix.chiSquare(), 1e-6);
        assertEquals(1, mix.degreesOfFreedom());
        assertEquals(0.010236, mix.pValue(), 1e-6);
        assertEquals(Verdict.SKEWED, mix.verdict());
        var enterprise = mix.groups().get(0);
        assertEquals("Enterprise", enterprise.value());
        assertEquals(0.4, enterprise.shareOfReached(), 1e-12);
        assertEquals(20.0 / 35, enterprise.shareOfAnswered(), 1e-12);
        assertEquals(0.5, enterprise.responseRate(), 1e-12);
        assertEquals(0.25, mix.groups().get(1).responseRate(), 1e-12);
    }

    /** 10, 9 and 11 of 30 each: expected 10 / 20 each; chi-square 0 + 1/10 + 1/20 + 1/10 + 1/20 = 0.3, df 2, p = e^-0.15. */
    @Test
    void threeRegionsThatAnsweredAlikeAreBalanced() {
        RespondentMix mix = RespondentMix.of(
                "region", List.of(new Count("DACH", 30, 10), new Count("Nordics", 30, 9), new Count("UK", 30, 11)));
        assertEquals(0.3, mix.chiSquare(), 1e-12);
        assertEquals(2, mix.degreesOfFreedom());
        assertEquals(Math.exp(-0.15), mix.pValue(), 1e-9);
        assertEquals(Verdict.BALANCED, mix.verdict());
    }

    /** 7 customers: every expected count of "answered" is under 5, so the approximation is not trusted. */
    @Test
    void tooFewCustomersForTheTestSayTooFew() {
        RespondentMix mix = RespondentMix.of("plan", List.of(new Count("Starter", 3, 1), new Count("Business", 4, 3)));
        assertEquals(Verdict.TOO_FEW, mix.verdict());
        assertEquals(1, mix.degreesOfFreedom(), "the statistic is still shown");
    }

    @Test
    void oneValueOrNobodyAnsweringLeavesNothingToTest() {
        var one = RespondentMix.of("plan", List.of(new Count("Business", 80, 20), new Count("Starter", 0, 0)));
        assertEquals(Verdict.TOO_FEW, one.verdict());
        assertNull(one.pValue());
        assertEquals(1, one.groups().size(), "values the wave did not reach are left out");
        var silent = RespondentMix.of("plan", List.of(new Count("Business", 80, 0), new Count("Starter", 20, 0)));
        assertEquals(Verdict.TOO_FEW, silent.verdict());
        assertEquals(0, silent.groups().get(0).shareOfAnswered());
    }

    /** Customers without the attribute form a group of their own (null value). */
    @Test
    void customersWithoutTheAttributeAreAGroupOfTheirOwn() {
        var mix = RespondentMix.of("lifecycleStage", List.of(new Count(null, 50, 10), new Count("renewal", 50, 30)));
        assertNull(mix.groups().get(0).value());
        assertEquals(Verdict.SKEWED, mix.verdict());
    }
}
