package app.resonance.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.Crosstab;
import app.resonance.surveys.entity.QuestionType;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A crosstab's numbers that may not be shown are written as null; a missing test is left out, with why. */
class CrosstabJsonTest {

    @Test
    void missingNumbersAreWrittenAsNull() throws Exception {
        var cell = new Crosstab.Cell("LINK", null, null, null, null, null, null, Crosstab.Direction.NONE);
        var json = new CrosstabJson(
                "s",
                "q",
                null,
                QuestionType.MULTIPLE_CHOICE,
                "channel",
                "Europe/Berlin",
                "2026-01-01",
                "2026-01-31",
                30,
                CrosstabJson.HOLM,
                0,
                true,
                false,
                List.of(new Crosstab.Column(
                        "LINK", "LINK", 3L, app.resonance.analytics.control.Visibility.NOT_ENOUGH_RESPONSES)),
                List.of(new Crosstab.Row("a", "A", 0, List.of(cell))),
                null,
                Crosstab.Omission.OVERLAPPING_ROWS,
                List.of());
        try (var jsonb = JsonbBuilder.create()) {
            String text = jsonb.toJson(json);
            // Yasson leaves a null object out, whatever @JsonbNillable says: no chiSquare, the omission says why.
            assertTrue(!text.contains("\"chiSquare\":"), text);
            assertTrue(text.contains("\"chiSquareOmitted\":\"OVERLAPPING_ROWS\""), text);
            assertTrue(text.contains("\"count\":null"), text);
            assertTrue(text.contains("\"adjustedPValue\":null"), text);
        }
    }
}
