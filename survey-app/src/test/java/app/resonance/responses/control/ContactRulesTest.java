package app.resonance.responses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.responses.control.ContactRules.Asked;
import app.resonance.responses.control.ContactRules.Limits;
import app.resonance.responses.entity.ContactSkip.Reason;
import app.resonance.surveys.entity.ContactKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contact rules as a customer would meet them: overall 30 days, relationship 90, transactional 14. */
class ContactRulesTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Limits LIMITS = new Limits(30, 90, 14);

    static Asked daysAgo(long days, ContactKind kind) {
        return new Asked(NOW.minus(Duration.ofDays(days)), kind);
    }

    @Test
    void anyContactWithinTheOverallLimitHoldsEveryKindBack() {
        var asked = List.of(daysAgo(29, ContactKind.TRANSACTIONAL));
        assertEquals(Optional.of(Reason.CONTACTED_RECENTLY), LIMITS.heldBack(ContactKind.RELATIONSHIP, asked, NOW));
        assertEquals(Optional.of(Reason.CONTACTED_RECENTLY), LIMITS.heldBack(ContactKind.TRANSACTIONAL, asked, NOW));
        // exactly 30 days ago is the limit's first day still; a second later it is over
        var edge = List.of(new Asked(NOW.minus(Duration.ofDays(30)), ContactKind.TRANSACTIONAL));
        assertEquals(Optional.of(Reason.CONTACTED_RECENTLY), LIMITS.heldBack(ContactKind.TRANSACTIONAL, edge, NOW));
        var over = List.of(new Asked(NOW.minus(Duration.ofDays(30)).minusSeconds(1), ContactKind.TRANSACTIONAL));
        assertEquals(Optional.empty(), LIMITS.heldBack(ContactKind.TRANSACTIONAL, over, NOW));
    }

    @Test
    void aRelationshipSurveyWaitsNinetyDaysForTheLastRelationshipSurveyButNotForATransactionalOne() {
        var relationship45 = List.of(daysAgo(45, ContactKind.RELATIONSHIP));
        assertEquals(
                Optional.of(Reason.SAME_KIND_RECENTLY), LIMITS.heldBack(ContactKind.RELATIONSHIP, relationship45, NOW));
        assertEquals(
                Optional.empty(),
                LIMITS.heldBack(ContactKind.TRANSACTIONAL, relationship45, NOW),
                "after a support case the customer may be asked about it");
        assertEquals(
                Optional.empty(),
                LIMITS.heldBack(ContactKind.RELATIONSHIP, List.of(daysAgo(91, ContactKind.RELATIONSHIP)), NOW));
        assertEquals(
                Optional.empty(),
                LIMITS.heldBack(ContactKind.RELATIONSHIP, List.of(daysAgo(45, ContactKind.TRANSACTIONAL)), NOW));
    }

    @Test
    void theOverallReasonIsNamedWhenBothRulesHold() {
        var both = List.of(daysAgo(60, ContactKind.RELATIONSHIP), daysAgo(3, ContactKind.RELATIONSHIP));
        assertEquals(Optional.of(Reason.CONTACTED_RECENTLY), LIMITS.heldBack(ContactKind.RELATIONSHIP, both, NOW));
        assertEquals(Optional.empty(), LIMITS.heldBack(ContactKind.RELATIONSHIP, List.of(), NOW));
    }
}
