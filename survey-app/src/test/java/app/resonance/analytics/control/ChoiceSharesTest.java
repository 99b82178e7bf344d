package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.CrosstabCounts.Label;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A choice question's shares against a worked example: 40 respondents, 10 chose support, 30 price, none speed. */
class ChoiceSharesTest {

    static final List<Label> OPTIONS =
            List.of(new Label("support", "Support"), new Label("price", "Price"), new Label("speed", "Speed"));

    @Test
    void eachOptionsShareOfTheRespondentsHasItsMargin() {
        ChoiceShares shares = ChoiceShares.of(
                OPTIONS, Map.of("support", 10L, "price", 30L), 40, false, new ReportingRules(30, false));
        assertTrue(shares.shown());
        assertEquals(40L, shares.respondents());
        var support = shares.options().get(0);
        assertEquals(10L, support.count());
        assertEquals(0.25, support.share(), 1e-12);
        // 1.959964 · sqrt(0.25 · 0.75 / 40)
        assertEquals(0.13418956077878677, support.marginOfError(), 1e-12);
        assertEquals(0.75, shares.options().get(1).share(), 1e-12);
        assertEquals(0.13418956077878677, shares.options().get(1).marginOfError(), 1e-12);
        var speed = shares.options().get(2);
        assertEquals(0L, speed.count());
        assertEquals(0.0, speed.share(), 1e-12);
        assertEquals(0.0, speed.marginOfError(), 1e-12);
        assertEquals(
                List.of("support", "price", "speed"),
                shares.options().stream().map(MatrixSummary.Cell::column).toList());
    }

    @Test
    void multipleChoiceSharesAddUpToMoreThanOne() {
        ChoiceShares shares = ChoiceShares.of(
                OPTIONS, Map.of("support", 24L, "price", 30L, "speed", 10L), 40, true, new ReportingRules(30, false));
        assertTrue(shares.multiple());
        assertEquals(0.6, shares.options().get(0).share(), 1e-12);
        assertEquals(0.1518181574257992, shares.options().get(0).marginOfError(), 1e-12);
        assertEquals(
                1.6,
                shares.options().stream().mapToDouble(MatrixSummary.Cell::share).sum(),
                1e-12);
    }

    @Test
    void belowTheMinimumNoNumbersAndAnAnonymousSurveyBelowFiveNotEvenN() {
        ChoiceShares few = ChoiceShares.of(OPTIONS, Map.of("support", 29L), 29, false, new ReportingRules(30, false));
        assertFalse(few.shown());
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, few.visibility());
        assertEquals(29L, few.respondents());
        assertNull(few.options().get(0).count());
        assertNull(few.options().get(0).share());
        ChoiceShares anonymous =
                ChoiceShares.of(OPTIONS, Map.of("support", 4L), 4, false, new ReportingRules(30, true));
        assertEquals(Visibility.HIDDEN_FOR_ANONYMITY, anonymous.visibility());
        assertNull(anonymous.respondents());
    }
}
