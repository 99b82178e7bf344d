package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A topic's rise against a worked example, computed by hand (pooled two-proportion z, p = erfc(|z|/√2), Holm over
 * the topics tested): 100 comments in each window; Support 10 → 25, Price 20 → 12, Communication 5 → 11.
 */
class TopicRiseTest {

    static final double EPS = 1e-9;

    @Test
    void onlyTheTopicWhoseRiseSurvivesHolmRose() {
        var tests = TopicRise.tests(
                summary(100, Map.of("SUPPORT", 10L, "PRICE", 20L, "COMMUNICATION", 5L)),
                summary(100, Map.of("SUPPORT", 25L, "PRICE", 12L, "COMMUNICATION", 11L)),
                new ReportingRules(30, false));
        Map<String, TopicRise.Comparison> byKey = new LinkedHashMap<>();
        tests.forEach(t -> byKey.put(t.topicKey(), t));
        // Support: pooled 35/200, se sqrt(0.175 · 0.825 · 0.02), z = 0.15 / se
        TopicRise.Comparison support = byKey.get("SUPPORT");
        assertEquals(2.7914526311954124, support.z(), EPS);
        assertEquals(0.00524720373911565, support.pValue(), EPS);
        assertEquals(3 * 0.00524720373911565, support.adjustedP(), EPS);
        assertEquals(0.25, support.share(), EPS);
        assertEquals(0.10, support.previousShare(), EPS);
        assertTrue(support.rose());
        // Communication 5 → 11: p 0.1179 alone would not pass either; Holm's second step doubles it
        TopicRise.Comparison communication = byKey.get("COMMUNICATION");
        assertEquals(1.5638581054280605, communication.z(), EPS);
        assertEquals(2 * 0.11785089502136517, communication.adjustedP(), EPS);
        assertFalse(communication.rose());
        // Price fell: its adjusted p is raised to the step before (monotone), and a fall is no rise
        TopicRise.Comparison price = byKey.get("PRICE");
        assertEquals(-1.5430334996209194, price.z(), EPS);
        assertEquals(2 * 0.11785089502136517, price.adjustedP(), EPS);
        assertFalse(price.rose());
        assertEquals(
                List.of("SUPPORT"),
                TopicRise.rises(
                                summary(100, Map.of("SUPPORT", 10L, "PRICE", 20L, "COMMUNICATION", 5L)),
                                summary(100, Map.of("SUPPORT", 25L, "PRICE", 12L, "COMMUNICATION", 11L)),
                                new ReportingRules(30, false))
                        .stream()
                        .map(TopicRise.Comparison::topicKey)
                        .toList());
    }

    @Test
    void aSignificantRiseWithoutTheAdjustmentIsNotEnoughAmongManyTopics() {
        // p = 0.0052 alone; among ten tested topics Holm makes it 0.052: no alert
        Map<String, Long> before = new LinkedHashMap<>(Map.of("SUPPORT", 10L));
        Map<String, Long> now = new LinkedHashMap<>(Map.of("SUPPORT", 25L));
        for (int i = 0; i < 9; i++) {
            before.put("T" + i, 30L);
            now.put("T" + i, 30L);
        }
        var tests = TopicRise.tests(summary(100, before), summary(100, now), new ReportingRules(30, false));
        TopicRise.Comparison support = tests.stream()
                .filter(t -> t.topicKey().equals("SUPPORT"))
                .findFirst()
                .orElseThrow();
        assertEquals(10 * 0.00524720373911565, support.adjustedP(), EPS);
        assertFalse(support.rose());
        assertTrue(TopicRise.rises(summary(100, before), summary(100, now), new ReportingRules(30, false))
                .isEmpty());
    }

    @Test
    void windowsBelowTheMinimumAreNotTestedAndATopicNamedNowhereIsLeftOut() {
        assertTrue(TopicRise.tests(
                        summary(29, Map.of("SUPPORT", 1L)),
                        summary(100, Map.of("SUPPORT", 60L)),
                        new ReportingRules(30, false))
                .isEmpty());
        assertTrue(TopicRise.tests(
                        summary(100, Map.of("SUPPORT", 1L)),
                        summary(29, Map.of("SUPPORT", 29L)),
                        new ReportingRules(30, false))
                .isEmpty());
        var tests = TopicRise.tests(
                summary(100, Map.of("SUPPORT", 0L, "PRICE", 0L)),
                summary(100, Map.of("SUPPORT", 35L, "PRICE", 0L)),
                new ReportingRules(30, false));
        assertEquals(
                List.of("SUPPORT"),
                tests.stream().map(TopicRise.Comparison::topicKey).toList());
        assertEquals(7.347367418872822e-11, tests.get(0).pValue(), 1e-15);
        assertTrue(tests.get(0).rose());
    }

    static Comments.ThemeSummary summary(long comments, Map<String, Long> mentions) {
        return new Comments.ThemeSummary(
                comments,
                mentions.entrySet().stream()
                        .map(e -> new Comments.ThemeCount(
                                new Topic(
                                        1,
                                        e.getKey(),
                                        e.getKey(),
                                        e.getKey(),
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        true),
                                e.getValue(),
                                Map.of(),
                                Map.of(),
                                Map.of(),
                                Map.of()))
                        .toList(),
                Map.of(),
                Map.of());
    }
}
