package app.resonance.followups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.RollupUpdater.ScoreChange;
import app.resonance.followups.entity.AlertAction;
import app.resonance.followups.entity.AlertKind;
import app.resonance.followups.entity.AlertRuleKind;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matching of one alert rule, with exact cases at the edges of thresholds, windows and quiet hours. */
class AlertRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static AlertRule rule(long id, AlertRuleKind kind, String type, Integer threshold) {
        return new AlertRule(
                id,
                "r",
                kind,
                type,
                threshold,
                null,
                List.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.BOTH,
                null,
                null,
                false);
    }

    static ScoreChange change(String type, Integer before, Integer after) {
        return new ScoreChange(42, 7, "q", type, before, after);
    }

    static AlertRule.Facts facts(Integer previousNps, LocalDate renewal, String comment) {
        return new AlertRule.Facts(7, Set.of(3L), "WIDGET", previousNps, renewal, TODAY, 90, comment);
    }

    @Test
    void aLowScoreRuleFiresWhenTheScoreComesToLieAtOrBelowItsThreshold() {
        AlertRule csat = rule(51, AlertRuleKind.LOW_SCORE, "CSAT", 2);
        assertTrue(csat.triggeredBy(change("CSAT", null, 2)), "new score at the threshold");
        assertTrue(csat.triggeredBy(change("CSAT", null, 1)));
        assertTrue(csat.triggeredBy(change("CSAT", 4, 2)), "changed from above");
        assertFalse(csat.triggeredBy(change("CSAT", null, 3)), "above the threshold");
        assertFalse(csat.triggeredBy(change("CSAT", 1, 2)), "was low already: fired before");
        assertFalse(csat.triggeredBy(change("NPS", null, 2)), "another question type");
        assertFalse(csat.triggeredBy(change("CSAT", 2, null)), "an answer removed");
        assertEquals(AlertKind.LOW_SCORE, csat.alertKind());
        assertEquals(
                AlertKind.DETRACTOR, rule(1, AlertRuleKind.LOW_SCORE, "NPS", 6).alertKind());
    }

    @Test
    void theDefaultDetractorRuleIsTheFormerFixedRule() {
        AlertRule detractor = rule(1, AlertRuleKind.LOW_SCORE, "NPS", 6);
        assertTrue(detractor.triggeredBy(change("NPS", null, 6)));
        assertTrue(detractor.triggeredBy(change("NPS", 7, 0)));
        assertFalse(detractor.triggeredBy(change("NPS", null, 7)));
        assertFalse(detractor.triggeredBy(change("NPS", 3, 5)));
        assertEquals("DETRACTOR:response:42", detractor.dedupKey("response:42"));
        assertEquals(
                "rule:51:response:42",
                rule(51, AlertRuleKind.LOW_SCORE, "NPS", 6).dedupKey("response:42"));
    }

    @Test
    void promoterTurnedDetractorNeedsAPreviousNineOrTen() {
        AlertRule rule = rule(2, AlertRuleKind.PROMOTER_TO_DETRACTOR, null, null);
        assertTrue(rule.triggeredBy(change("NPS", null, 3)));
        assertFalse(rule.triggeredBy(change("CSAT", null, 1)));
        assertTrue(rule.fires(facts(9, null, null)));
        assertTrue(rule.fires(facts(10, null, null)));
        assertFalse(rule.fires(facts(8, null, null)));
        assertFalse(rule.fires(facts(null, null, null)), "no previous score");
    }

    @Test
    void renewalAtRiskCountsTheWindowFromTodayInclusive() {
        AlertRule configured = rule(3, AlertRuleKind.RENEWAL_AT_RISK, null, null);
        assertTrue(configured.fires(facts(null, TODAY, null)));
        assertTrue(configured.fires(facts(null, TODAY.plusDays(90), null)));
        assertFalse(configured.fires(facts(null, TODAY.plusDays(91), null)));
        assertFalse(configured.fires(facts(null, TODAY.minusDays(1), null)), "renewed already");
        assertFalse(configured.fires(facts(null, null, null)));
        AlertRule thirty = new AlertRule(
                60,
                "r",
                AlertRuleKind.RENEWAL_AT_RISK,
                null,
                null,
                30,
                List.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.TASK,
                null,
                null,
                false);
        assertTrue(thirty.fires(facts(null, TODAY.plusDays(30), null)));
        assertFalse(thirty.fires(facts(null, TODAY.plusDays(31), null)));
    }

    @Test
    void aKeywordRuleFindsAnyOfItsKeywordsIgnoringCase() {
        AlertRule rule = new AlertRule(
                52,
                "r",
                AlertRuleKind.KEYWORD,
                null,
                null,
                null,
                List.of("cancel", "Data Loss"),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.NOTIFY,
                null,
                null,
                false);
        assertTrue(rule.triggeredBy(change("CSAT", null, 5)), "any new score lets the comment be read");
        assertTrue(rule.fires(facts(null, null, "We will CANCEL next month")));
        assertTrue(rule.fires(facts(null, null, "after the data loss in May")));
        assertFalse(rule.fires(facts(null, null, "all good")));
        assertFalse(rule.fires(facts(null, null, null)));
        assertEquals(AlertKind.KEYWORD, rule.alertKind());
    }

    @Test
    void theScopeLimitsSurveysSegmentsAndChannels() {
        AlertRule scoped = new AlertRule(
                53,
                "r",
                AlertRuleKind.LOW_SCORE,
                "CSAT",
                2,
                null,
                List.of(),
                Set.of(7L, 8L),
                Set.of(3L, 4L),
                Set.of("WIDGET"),
                AlertAction.BOTH,
                null,
                null,
                false);
        assertTrue(scoped.fires(facts(null, null, null)));
        assertFalse(scoped.fires(new AlertRule.Facts(9, Set.of(3L), "WIDGET", null, null, TODAY, 90, null)));
        assertFalse(scoped.fires(new AlertRule.Facts(7, Set.of(5L), "WIDGET", null, null, TODAY, 90, null)));
        assertFalse(scoped.fires(new AlertRule.Facts(7, Set.of(), "WIDGET", null, null, TODAY, 90, null)));
        assertFalse(scoped.fires(new AlertRule.Facts(7, Set.of(4L), "EMAIL", null, null, TODAY, 90, null)));
    }

    @Test
    void aPausedRuleIsNeverTriggered() {
        AlertRule paused = new AlertRule(
                1,
                "r",
                AlertRuleKind.LOW_SCORE,
                "NPS",
                6,
                null,
                List.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.BOTH,
                null,
                null,
                true);
        assertFalse(paused.triggeredBy(change("NPS", null, 0)));
    }

    @Test
    void quietHoursHoldNotificationsUntilTheyEnd() {
        AlertRule night = new AlertRule(
                54,
                "r",
                AlertRuleKind.LOW_SCORE,
                "NPS",
                6,
                null,
                List.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.BOTH,
                LocalTime.of(22, 0),
                LocalTime.of(7, 0),
                false);
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), night.notifyAt(Instant.parse("2026-11-23T22:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), night.notifyAt(Instant.parse("2026-11-24T06:59:00Z")));
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), night.notifyAt(Instant.parse("2026-11-24T07:00:00Z")));
        assertEquals(Instant.parse("2026-11-23T21:59:00Z"), night.notifyAt(Instant.parse("2026-11-23T21:59:00Z")));
        AlertRule lunch = new AlertRule(
                55,
                "r",
                AlertRuleKind.LOW_SCORE,
                "NPS",
                6,
                null,
                List.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AlertAction.BOTH,
                LocalTime.of(12, 0),
                LocalTime.of(13, 30),
                false);
        assertEquals(Instant.parse("2026-11-23T13:30:00Z"), lunch.notifyAt(Instant.parse("2026-11-23T12:00:00Z")));
        assertEquals(Instant.parse("2026-11-23T13:30:00Z"), lunch.notifyAt(Instant.parse("2026-11-23T13:30:00Z")));
        assertEquals(Instant.parse("2026-11-23T11:00:00Z"), lunch.notifyAt(Instant.parse("2026-11-23T11:00:00Z")));
        assertEquals(
                Instant.parse("2026-11-23T11:00:00Z"),
                rule(1, AlertRuleKind.LOW_SCORE, "NPS", 6).notifyAt(Instant.parse("2026-11-23T11:00:00Z")));
    }

    @Test
    void aDraftsErrorsNameTheirFields() {
        Messages en = Messages.of(Locale.ENGLISH);
        assertEquals(List.of(), fields(draft("LOW_SCORE", "CSAT", 2, null, "BOTH", "22:00", "07:00"), en));
        assertEquals(List.of("threshold"), fields(draft("LOW_SCORE", "CSAT", 6, null, null, null, null), en));
        assertEquals(List.of("questionType"), fields(draft("LOW_SCORE", "MATRIX", 2, null, null, null, null), en));
        assertEquals(List.of("kind"), fields(draft("SOMETHING", null, null, null, null, null, null), en));
        assertEquals(List.of("keywords"), fields(draft("KEYWORD", null, null, List.of(" "), null, null, null), en));
        assertEquals(
                List.of("action"), fields(draft("KEYWORD", null, null, List.of("refund"), "CALL", null, null), en));
        assertEquals(
                List.of("quietEnd"), fields(draft("PROMOTER_TO_DETRACTOR", null, null, null, null, "22:00", null), en));
        assertEquals(
                List.of("quietStart"),
                fields(draft("PROMOTER_TO_DETRACTOR", null, null, null, null, "7:00", "08:00"), en));
        assertEquals(
                "At most 100 characters.",
                AlertRuleEditor.validate(
                                new AlertRuleEditor.Draft(
                                        "x".repeat(101),
                                        "RENEWAL_AT_RISK",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                en)
                        .get(0)
                        .message());
    }

    static AlertRuleEditor.Draft draft(
            String kind, String type, Integer threshold, List<String> keywords, String action, String from, String to) {
        return new AlertRuleEditor.Draft(
                "Rule", kind, type, threshold, null, keywords, null, null, List.of("WIDGET"), action, from, to, null);
    }

    static List<String> fields(AlertRuleEditor.Draft draft, Messages messages) {
        return AlertRuleEditor.validate(draft, messages).stream()
                .map(FieldError::field)
                .toList();
    }
}
