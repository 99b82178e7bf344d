package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.platform.entity.LocalizedText;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.SurveyKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a crosstab accepts: its own question and grouping, and the analytics filters read as everywhere. */
class CrosstabsTest {

    static final app.resonance.surveys.entity.Survey CHOICES = AnalyticsQueryTest.survey(
            "choices",
            SurveyKind.CUSTOM,
            false,
            QuestionType.SINGLE_CHOICE,
            QuestionType.MULTIPLE_CHOICE,
            QuestionType.MATRIX,
            QuestionType.SHORT_TEXT);

    static {
        var matrix = Crosstabs.question(CHOICES, "matrix").orElseThrow();
        matrix.addOption(OptionRole.ROW, "speed", new LocalizedText("Tempo", "Speed"));
        matrix.addOption(OptionRole.COLUMN, "1", new LocalizedText("Schlecht", "Poor"));
    }

    @Test
    void theFiltersOfASurveyWithoutAnyScoreQuestionAreRead() {
        var context = new AnalyticsQuery.Context(
                slug -> Optional.ofNullable(Map.of("choices", CHOICES).get(slug)),
                key -> Optional.empty(),
                AnalyticsQueryTest.context().zone(),
                AnalyticsQueryTest.TODAY,
                anonymous -> new ReportingRules(30, anonymous));
        var input = new AnalyticsQuery.Input("choices", null, null, null, "email", "de", null, null, null, null, null);
        // The trend's reading asks for a score question the survey does not have...
        assertEquals(
                List.of("metric"),
                AnalyticsQuery.read(input, 90, context).complaints().stream()
                        .map(AnalyticsQuery.Complaint::field)
                        .toList());
        // ... the crosstab's reads the same filters without it.
        var read = AnalyticsQuery.readFilters(input, 90, context);
        assertTrue(read.valid(), read.complaints().toString());
        assertEquals("EMAIL", read.query().filter().channel());
        assertEquals("de", read.query().filter().locale());
        assertEquals(
                AnalyticsQueryTest.TODAY.minusDays(89), read.query().filter().from());
        assertNull(read.query().filter().questionKey());
    }

    @Test
    void theQuestionAndTheGroupingAreChecked() {
        assertEquals(List.of(), complaints("single_choice", "plan"));
        assertEquals(List.of(), complaints("multiple_choice", "question:single_choice"));
        assertEquals(List.of("question:required", "by:required"), complaints(null, " "));
        assertEquals(List.of("question:unknownQuestion", "by:oneOf"), complaints("nps", "weather"));
        assertEquals(List.of("question:crosstabQuestion"), complaints("short_text", "channel"));
        // A matrix is counted row by row: the row is required, must be one of the matrix's, and no other
        // question takes one.
        assertEquals(List.of("row:crosstabMatrixRow"), complaints("matrix", null, "channel"));
        assertEquals(List.of("row:unknownMatrixRow"), complaints("matrix", "price", "channel"));
        assertEquals(List.of(), complaints("matrix", "speed", "channel"));
        assertEquals(List.of("row:crosstabNotMatrix"), complaints("single_choice", "speed", "channel"));
        assertEquals(List.of("by:crosstabGroup"), complaints("single_choice", null, "question:matrix"));
        assertEquals(List.of("by:unknownQuestion"), complaints("single_choice", "question:nosuch"));
        assertEquals(List.of("by:crosstabGroup"), complaints("single_choice", "question:short_text"));
        assertEquals(List.of("by:crosstabSameQuestion"), complaints("single_choice", "question:single_choice"));
        assertFalse(Crosstabs.countable(QuestionType.LONG_TEXT));
    }

    private static List<String> complaints(String question, String by) {
        return complaints(question, null, by);
    }

    private static List<String> complaints(String question, String row, String by) {
        return Crosstabs.check(CHOICES, question, row, by).stream()
                .map(c -> c.field() + ":" + c.code())
                .toList();
    }
}
