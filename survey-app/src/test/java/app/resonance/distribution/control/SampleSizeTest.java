package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The planner's sample sizes against a worked example computed by hand. */
class SampleSizeTest {

    /*
     * Business: 200 NPS answers last year, 100 promoters and 60 detractors: pP = 0.5, pD = 0.3,
     * var = 0.5 + 0.3 - 0.2^2 = 0.76. 400 invitations, 100 answered: rate 0.25. 5,000 reachable. Target ±5 at 95 %.
     * n0 = (196)^2 * 0.76 / 25 = 38416 * 0.76 / 25 = 1167.8464
     * FPC: n = 1167.8464 / (1 + 1166.8464 / 5000) = 1167.8464 / 1.23336928 = 946.87 -> 947
     * invite = ceil(947 / 0.25) = 3788 (under 5,000: no cap); expected answers 3788 * 0.25 = 947
     * margin = 196 * sqrt(0.76 / 947 * (5000 - 947) / 4999) = 196 * sqrt(0.000802534 * 0.810762) = 4.99959
     */
    @Test
    void businessNeeds947AnswersSo3788Invitations() {
        var plan = SampleSize.plan(new SampleSize.History(200, 100, 60, 400, 100), 5000, 5, 95);
        assertEquals(0.76, plan.variance(), 1e-12);
        assertEquals(0.25, plan.responseRate(), 1e-12);
        assertEquals(947, plan.needed());
        assertEquals(3788, plan.toInvite());
        assertFalse(plan.capped());
        assertFalse(plan.basedOnPrior());
        assertEquals(947.0, plan.expectedResponses(), 1e-9);
        assertEquals(4.99959, plan.expectedMargin(), 1e-5);
    }

    /*
     * Enterprise: 40 answers, 30 promoters, 2 detractors: pP = 0.75, pD = 0.05, var = 0.8 - 0.7^2 = 0.31.
     * 80 invitations, 40 answered: rate 0.5. Only 300 reachable. Target ±5 at 95 %.
     * n0 = 38416 * 0.31 / 25 = 476.3584; n = 476.3584 / (1 + 475.3584 / 300) = 476.3584 / 2.584528 = 184.31 -> 185
     * invite = ceil(185 / 0.5) = 370 > 300: the cap binds, 300 invited, 150 answers expected,
     * margin = 196 * sqrt(0.31 / 150 * (300 - 150) / 299) = 196 * sqrt(0.31 / 299) = 196 * 0.0321994 = 6.31105
     */
    @Test
    void enterpriseHitsTheCapAndExpectsAWiderMargin() {
        var plan = SampleSize.plan(new SampleSize.History(40, 30, 2, 80, 40), 300, 5, 95);
        assertEquals(0.31, plan.variance(), 1e-12);
        assertEquals(185, plan.needed());
        assertEquals(300, plan.toInvite());
        assertTrue(plan.capped());
        assertEquals(150.0, plan.expectedResponses(), 1e-9);
        assertEquals(6.31105, plan.expectedMargin(), 1e-5);
    }

    /*
     * A new segment: 10 answers (under 30) and no invitations: the prior, var 1 (worst case) and rate 0.2.
     * 2,000 reachable, target ±10 at 90 % (z = 1.645):
     * n0 = 164.5^2 * 1 / 100 = 270.6025; n = 270.6025 / (1 + 269.6025 / 2000) = 270.6025 / 1.13480125 = 238.46 -> 239
     * invite = ceil(239 / 0.2) = 1195; expected 239 answers, margin = 164.5 * sqrt(1 / 239 * 1761 / 1999) = 9.98712
     */
    @Test
    void thinHistoryUsesTheWorstCasePrior() {
        var plan = SampleSize.plan(new SampleSize.History(10, 9, 0, 0, 0), 2000, 10, 90);
        assertTrue(plan.priorSpread());
        assertTrue(plan.priorRate());
        assertTrue(plan.basedOnPrior());
        assertEquals(1.0, plan.variance(), 1e-12);
        assertEquals(0.2, plan.responseRate(), 1e-12);
        assertEquals(239, plan.needed());
        assertEquals(1195, plan.toInvite());
        assertEquals(9.98712, plan.expectedMargin(), 1e-5);
    }

    /* Enough answers but only 20 invitations: the spread is the segment's own, the rate the prior's 0.2. */
    @Test
    void fewInvitationsUseThePriorRateOnly() {
        var plan = SampleSize.plan(new SampleSize.History(200, 100, 60, 20, 10), 5000, 5, 95);
        assertFalse(plan.priorSpread());
        assertTrue(plan.priorRate());
        assertEquals(947, plan.needed());
        assertEquals(4735, plan.toInvite(), "947 / 0.2");
    }

    @Test
    void nobodyReachableMeansNoPlanAndNoMargin() {
        var plan = SampleSize.plan(new SampleSize.History(200, 100, 60, 400, 100), 0, 5, 95);
        assertEquals(0, plan.toInvite());
        assertNull(plan.expectedMargin());
        assertThrows(IllegalArgumentException.class, () -> SampleSize.z(80));
        // 100 promoters, 60 detractors of 200 with 947 answers of 5,000 as above
        assertEquals(4.99959, SampleSize.margin(0.76, 947, 5000, 95), 1e-5);
        assertEquals(2.576, SampleSize.z(99));
    }
}
