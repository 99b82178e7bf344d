package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.Visibility;
import app.resonance.followups.control.ClosedLoopEffectiveness.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closed-loop statistics on a worked example computed by hand (z = z(0.975) = 1.959963984540054, z² =
 * 3.841458820694124; t(0.975, 4) = 2.776445105197794), with a reporting minimum of 5.
 *
 * <p>Followed up, five detractors: 2→3, 4→7, 3→7, 5→10, 1→8. Recovered (7 or more later): 4 of 5.
 * Changes +1, +3, +4, +5, +7: mean 20 / 5 = 4; squares of deviations 9 + 1 + 0 + 1 + 9 = 20, s² = 20 / 4 = 5,
 * standard error sqrt(5 / 5) = 1; t interval 4 ± 2.776445105197794 = [1.223554894802206, 6.776445105197794].
 *
 * <p>Wilson for 4 of 5: p = 0.8, z²/n = 0.7682917641388248, denominator 1.7682917641388248; centre (0.8 +
 * 0.3841458820694124) / 1.7682917641388248 = 0.6696552605650475; half 1.959963984540054 · sqrt(0.16 / 5 + 3.841458820694124
 * / 100) / 1.7682917641388248 = 0.2941206308025223; interval [0.3755346297625252, 0.9637758913675698].
 *
 * <p>Not followed up, five detractors: 2→2, 5→4, 6→8, 3→3, 0→1. Recovered: 1 of 5, p = 0.2, Wilson [0.0362241086324302,
 * 0.6244653702374748] (the mirror of 4 of 5: 1 - 0.9637758913675698, 1 - 0.3755346297625252). Changes 0, -1, +2, 0,
 * +1: mean 0.4; sum of squares 6, s² = (6 - 5 · 0.16) / 4 = 1.3, standard error sqrt(1.3 / 5) = sqrt(0.26) =
 * 0.5099019513592785; interval 0.4 ± 2.776445105197794 · 0.5099019513592785 = [-1.0157147769822727,
 * 1.8157147769822726].
 *
 * <p>Two-proportion z test: pooled p = (4 + 1) / 10 = 0.5; standard error sqrt(0.5 · 0.5 · (1/5 + 1/5)) = sqrt(0.1) =
 * 0.31622776601683794; difference 0.8 - 0.2 = 0.6; z = 0.6 / 0.31622776601683794 = 1.8973665961010275; p = 2 · (1 -
 * Φ(1.8973665961010275)) = 0.057779571123597245: not significant at 0.05.
 */
class RecoveryStatisticsTest {

    static final ReportingRules FIVE = new ReportingRules(5, false);
    static final double EXACT = 1e-12;

    static final List<Pair> FOLLOWED_UP = List.of(
            new Pair("Sabine", "Enterprise DACH", "Detractor", "DONE", 2, 3),
            new Pair("Sabine", "Enterprise DACH", "Detractor", "DONE", 4, 7),
            new Pair("Sabine", null, "Detractor", "DONE", 3, 7),
            new Pair("Admin", null, null, "DONE", 5, 10),
            new Pair("Admin", null, null, "CANCELLED", 1, 8));

    static final List<Pair> NOT_FOLLOWED_UP = List.of(
            new Pair(null, null, null, null, 2, 2),
            new Pair(null, null, null, null, 5, 4),
            new Pair(null, null, null, null, 6, 8),
            new Pair(null, null, null, null, 3, 3),
            new Pair(null, null, null, null, 0, 1));

    @Test
    void fourOfFiveFollowedUpDetractorsRecoveredWithTheWilsonIntervalAndTheMeanChangeWithItsTInterval() {
        var group = ClosedLoopEffectiveness.group(null, FOLLOWED_UP, FIVE);
        assertEquals(5, group.pairs());
        var rate = group.recovery();
        assertEquals(Visibility.SHOWN, rate.visibility());
        assertEquals(5, rate.detractors());
        assertEquals(4, rate.recovered());
        assertEquals(0.8, rate.value(), EXACT);
        assertEquals(0.3755346297625252, rate.low(), EXACT);
        assertEquals(0.9637758913675698, rate.high(), EXACT);
        var change = group.change();
        assertEquals(4.0, change.value(), EXACT);
        assertEquals(1.0, change.standardError(), EXACT);
        assertEquals(1.223554894802206, change.low(), EXACT);
        assertEquals(6.776445105197794, change.high(), EXACT);
    }

    @Test
    void oneOfFiveWithoutAFollowUpRecoveredAndTheDifferenceIsNotSignificant() {
        var followed = ClosedLoopEffectiveness.group(null, FOLLOWED_UP, FIVE);
        var none = ClosedLoopEffectiveness.group(null, NOT_FOLLOWED_UP, FIVE);
        assertEquals(0.2, none.recovery().value(), EXACT);
        assertEquals(0.0362241086324302, none.recovery().low(), EXACT);
        assertEquals(0.6244653702374748, none.recovery().high(), EXACT);
        assertEquals(0.4, none.change().value(), EXACT);
        assertEquals(0.5099019513592785, none.change().standardError(), EXACT);
        assertEquals(-1.0157147769822727, none.change().low(), EXACT);
        assertEquals(1.8157147769822726, none.change().high(), EXACT);

        var test = RecoveryStatistics.compare(followed.recovery(), none.recovery());
        assertTrue(test.testable());
        assertEquals(0.6, test.difference(), EXACT);
        assertEquals(1.8973665961010275, test.z(), EXACT);
        assertEquals(0.057779571123597245, test.pValue(), EXACT);
        assertFalse(test.significant());
    }

    @Test
    void twiceTheCasesMakeTheSameDifferenceSignificant() {
        // 8 of 10 against 2 of 10: pooled 0.5, se sqrt(0.25 · 0.2) = 0.22360679774997896, z = 0.6 / se =
        // 2.6832815729997477, p = 0.007290358091535638
        var test =
                RecoveryStatistics.compare(RecoveryStatistics.rate(8, 10, FIVE), RecoveryStatistics.rate(2, 10, FIVE));
        assertEquals(2.6832815729997477, test.z(), EXACT);
        assertEquals(0.007290358091535638, test.pValue(), EXACT);
        assertTrue(test.significant());
    }

    @Test
    void belowTheMinimumNoRateNoMeanAndNoTestAreShownOnlyTheCount() {
        var groups = ClosedLoopEffectiveness.groups(FOLLOWED_UP, Pair::assignee, FIVE);
        // largest group first: Sabine 3, Admin 2, both below the minimum of 5
        assertEquals(
                List.of("Sabine", "Admin"),
                groups.stream().map(ClosedLoopEffectiveness.Group::key).toList());
        var sabine = groups.get(0);
        assertEquals(3, sabine.pairs());
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, sabine.recovery().visibility());
        assertNull(sabine.recovery().value());
        assertNull(sabine.recovery().recovered());
        assertNull(sabine.recovery().low());
        assertNull(sabine.change().value());
        var test = RecoveryStatistics.compare(sabine.recovery(), RecoveryStatistics.rate(1, 5, FIVE));
        assertFalse(test.testable());
        assertNull(test.pValue());
        // the tasks without a team form their group, listed after the named ones of the same size
        var teams = ClosedLoopEffectiveness.groups(FOLLOWED_UP, Pair::team, FIVE);
        assertEquals(3, teams.get(0).pairs());
        assertNull(teams.get(0).key());
        assertEquals("Enterprise DACH", teams.get(1).key());
    }

    @Test
    void aPassiveOrPromoterBeforeCountsForTheChangeButNotForTheRecovery() {
        var group = ClosedLoopEffectiveness.group(
                null,
                List.of(
                        new Pair(null, null, null, null, 8, 6),
                        new Pair(null, null, null, null, 6, 7),
                        new Pair(null, null, null, null, 6, 6)),
                new ReportingRules(2, false));
        // detractors 2 (6→7 recovered, 6→6 not): 1 of 2; changes -2, +1, 0: mean -1/3
        assertEquals(3, group.pairs());
        assertEquals(2, group.recovery().detractors());
        assertEquals(0.5, group.recovery().value(), EXACT);
        assertEquals(-1.0 / 3, group.change().value(), EXACT);
    }

    @Test
    void thePeriodIsTheLast365DaysUnlessFromAndToSayOtherwiseAndBadDaysAreNamed() {
        var today = java.time.LocalDate.of(2026, 12, 7);
        var standard = ClosedLoopEffectiveness.period(null, " ", today);
        assertTrue(standard.valid());
        // 365 days including today: 2025-12-08 .. 2026-12-07
        assertEquals(java.time.LocalDate.of(2025, 12, 8), standard.from());
        assertEquals(today, standard.to());
        var march = ClosedLoopEffectiveness.period("2026-03-01", "2026-03-31", today);
        assertEquals(java.time.LocalDate.of(2026, 3, 1), march.from());
        assertEquals(java.time.LocalDate.of(2026, 3, 31), march.to());
        assertEquals(
                java.util.Map.of("from", "fromAfterTo"),
                ClosedLoopEffectiveness.period("2026-03-02", "2026-03-01", today)
                        .complaints());
        assertEquals(
                List.of("to", "from"),
                List.copyOf(ClosedLoopEffectiveness.period("2026-02-30", "tomorrow", today)
                        .complaints()
                        .keySet()));
    }
}
