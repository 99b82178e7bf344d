package app.resonance.surveys.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void betweenIncludesBothBounds() {
        var detractors = new Condition("nps", ConditionOperator.BETWEEN, List.of("0", "6"));
        assertTrue(detractors.matches(true, List.of("0")));
        assertTrue(detractors.matches(true, List.of("6")));
        assertFalse(detractors.matches(true, List.of("7")));
        assertFalse(detractors.matches(false, List.of()));
    }

    @Test
    void anyOfAndNoneOfCompareChosenOptions() {
        var anyOf = new Condition("topics", ConditionOperator.ANY_OF, List.of("price", "support"));
        var noneOf = new Condition("topics", ConditionOperator.NONE_OF, List.of("price"));
        assertTrue(anyOf.matches(true, List.of("product", "support")));
        assertFalse(anyOf.matches(true, List.of("product")));
        assertTrue(noneOf.matches(true, List.of("product")));
        assertFalse(noneOf.matches(true, List.of("price", "product")));
        assertFalse(noneOf.matches(false, List.of()), "an unanswered question matches no condition but ANSWERED");
    }

    @Test
    void answeredNeedsAnAnswerOnly() {
        var answered = new Condition("comment", ConditionOperator.ANSWERED, List.of());
        assertTrue(answered.matches(true, List.of()));
        assertFalse(answered.matches(false, List.of()));
    }
}
