package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.resonance.analytics.control.CrosstabCounts.Label;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A matrix row by row, checked against a worked example computed by hand. */
class MatrixSummaryTest {

    static final List<Label> COLUMNS = List.of(
            new Label("poor", "Poor"),
            new Label("fair", "Fair"),
            new Label("good", "Good"),
            new Label("very", "Very good"),
            new Label("excellent", "Excellent"));

    static final List<Label> ROWS =
            List.of(new Label("speed", "Speed"), new Label("design", "Design"), new Label("price", "Price"));

    @Test
    void eachRowHasItsSpreadAndMeanWithMargins() {
        // Speed: 10 respondents chose fair 2, good 3, very good 4, excellent 1 (positions 2, 3, 4, 5).
        //   mean = (2*2 + 3*3 + 4*4 + 5*1) / 10 = 34 / 10 = 3.4
        //   squares = 2*(2-3.4)^2 + 3*(3-3.4)^2 + 4*(4-3.4)^2 + 1*(5-3.4)^2 = 3.92 + 0.48 + 1.44 + 2.56 = 8.4
        //   s^2 = 8.4 / 9 = 0.933333; standard error = sqrt(0.933333 / 10) = 0.305505
        //   margin = 1.959964 * 0.305505 = 0.598779
        //   very good: share 4/10 = 0.4, margin 1.959964 * sqrt(0.4 * 0.6 / 10) = 1.959964 * 0.154919 = 0.303636
        // Design: 3 respondents, below the minimum of 5: suppressed. Price: nobody answered it.
        // An answer in a column the matrix no longer has ("old") is not counted.
        var summary = MatrixSummary.of(
                ROWS,
                COLUMNS,
                Map.of(
                        "speed", Map.of("fair", 2L, "good", 3L, "very", 4L, "excellent", 1L, "old", 7L),
                        "design", Map.of("poor", 3L)),
                new ReportingRules(5, false));
        var speed = summary.rows().get(0);
        assertEquals(Visibility.SHOWN, speed.visibility());
        assertEquals(10L, speed.respondents());
        assertEquals(3.4, speed.mean(), 1e-9);
        assertEquals(0.598779, speed.meanMarginOfError(), 1e-6);
        assertEquals(0L, speed.cells().get(0).count());
        assertEquals(0.0, speed.cells().get(0).share());
        assertEquals(0.0, speed.cells().get(0).marginOfError());
        assertEquals(4L, speed.cells().get(3).count());
        assertEquals(0.4, speed.cells().get(3).share(), 1e-12);
        assertEquals(0.303636, speed.cells().get(3).marginOfError(), 1e-6);
        assertEquals("Very good", speed.cells().get(3).label());

        var design = summary.rows().get(1);
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, design.visibility());
        assertEquals(3L, design.respondents());
        assertNull(design.mean());
        assertNull(design.cells().get(0).count());

        var price = summary.rows().get(2);
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, price.visibility());
        assertEquals(0L, price.respondents());
    }

    @Test
    void anAnonymousSurveysSmallRowDoesNotEvenSayHowMany() {
        var summary = MatrixSummary.of(
                ROWS.subList(0, 1), COLUMNS, Map.of("speed", Map.of("good", 4L)), new ReportingRules(1, true));
        assertEquals(Visibility.HIDDEN_FOR_ANONYMITY, summary.rows().get(0).visibility());
        assertNull(summary.rows().get(0).respondents());
    }
}
