package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.Crosstab.Direction;
import app.resonance.analytics.control.Crosstab.Omission;
import app.resonance.analytics.control.CrosstabCounts.Label;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The crosstab's statistics on worked examples computed by hand (the arithmetic is in the comments), checked to
 * six decimals, the precision the numbers are printed with.
 */
class CrosstabStatisticsTest {

    static final double PRINTED = 5e-7;

    static final List<Label> BANDS = List.of(
            new Label("detractor", "Detractors"), new Label("passive", "Passives"), new Label("promoter", "Promoters"));
    static final List<Label> CHANNELS =
            List.of(new Label("LINK", "LINK"), new Label("EMAIL", "EMAIL"), new Label("WIDGET", "WIDGET"));

    /**
     * NPS by channel: LINK 20 / 10 / 10 of 40, EMAIL 10 / 15 / 25 of 50, WIDGET 2 / 3 / 5 of 10 (below the minimum
     * of 30: suppressed, left out of every test).
     */
    static CrosstabCounts workedExample() {
        return new CrosstabCounts(
                BANDS,
                CHANNELS,
                Map.of(
                        "detractor", Map.of("LINK", 20L, "EMAIL", 10L, "WIDGET", 2L),
                        "passive", Map.of("LINK", 10L, "EMAIL", 15L, "WIDGET", 3L),
                        "promoter", Map.of("LINK", 10L, "EMAIL", 25L, "WIDGET", 5L)),
                Map.of("LINK", 40L, "EMAIL", 50L, "WIDGET", 10L),
                Map.of("detractor", 32L, "passive", 28L, "promoter", 40L),
                100,
                false,
                false);
    }

    @Test
    void workedExampleByChannel() {
        Crosstab table = CrosstabStatistics.of(workedExample(), ReportingRules.standard());
        assertWorkedExample(table);
    }

    /** The numbers of {@link #workedExample()}; the database test checks the same table counted from rows. */
    static void assertWorkedExample(Crosstab table) {
        // Columns: WIDGET has 10 < 30 respondents: suppressed, its size shown (not an anonymous survey).
        assertEquals(
                List.of("LINK", "EMAIL", "WIDGET"),
                table.columns().stream().map(Crosstab.Column::key).toList());
        assertEquals(Visibility.NOT_ENOUGH_RESPONSES, table.columns().get(2).visibility());
        assertEquals(10L, table.columns().get(2).respondents());
        var detractors = table.rows().get(0).cells();
        var passives = table.rows().get(1).cells();
        var promoters = table.rows().get(2).cells();
        // Row totals over the shown columns only: 20 + 10, 10 + 15, 10 + 25.
        assertEquals(
                List.of(30L, 25L, 35L),
                table.rows().stream().map(Crosstab.Row::respondents).toList());

        // LINK detractors: share 20/40 = 0.5, margin 1.959964 * sqrt(0.5 * 0.5 / 40) = 1.959964 * 0.0790569
        // = 0.154949. Rest of the row: EMAIL 10 of 50 (WIDGET is out). Pooled q = 30/90 = 1/3,
        // se = sqrt(1/3 * 2/3 * (1/40 + 1/50)) = sqrt(0.222222 * 0.045) = sqrt(0.01) = 0.1,
        // z = (0.5 - 0.2) / 0.1 = 3.0, p = 2 (1 - Phi(3)) = 0.002700.
        assertCell(detractors.get(0), 20, 0.5, 0.154949, 3.0, 0.002700);
        // EMAIL detractors: 10/50 = 0.2, margin 1.959964 * sqrt(0.2 * 0.8 / 50) = 0.110872, z = -3.0.
        assertCell(detractors.get(1), 10, 0.2, 0.110872, -3.0, 0.002700);
        // LINK passives: 10/40 = 0.25, margin 1.959964 * sqrt(0.25 * 0.75 / 40) = 0.134190; against EMAIL 15/50
        // = 0.3: q = 25/90 = 0.277778, se = sqrt(0.277778 * 0.722222 * 0.045) = 0.095015,
        // z = (0.25 - 0.3) / 0.095015 = -0.526235, p = 0.598725.
        assertCell(passives.get(0), 10, 0.25, 0.134190, -0.526235, 0.598725);
        // EMAIL passives: 15/50 = 0.3, margin 1.959964 * sqrt(0.3 * 0.7 / 50) = 0.127020.
        assertCell(passives.get(1), 15, 0.3, 0.127020, 0.526235, 0.598725);
        // LINK promoters: 10/40 = 0.25 against 25/50 = 0.5: q = 35/90 = 0.388889,
        // se = sqrt(0.388889 * 0.611111 * 0.045) = 0.103414, z = -0.25 / 0.103414 = -2.417469, p = 0.015629.
        assertCell(promoters.get(0), 10, 0.25, 0.134190, -2.417469, 0.015629);
        // EMAIL promoters: 25/50 = 0.5, margin 1.959964 * sqrt(0.25 / 50) = 0.138590.
        assertCell(promoters.get(1), 25, 0.5, 0.138590, 2.417469, 0.015629);

        // Holm over the m = 6 tested cells, p sorted: 0.002700, 0.002700, 0.015629, 0.015629, 0.598725, 0.598725.
        // Adjusted: 6 * 0.002700 = 0.016199; max(0.016199, 5 * 0.002700 = 0.013499) = 0.016199;
        // 4 * 0.0156289 = 0.062515; max(0.062515, 3 * 0.0156289 = 0.046887) = 0.062515; 2 * 0.598725 > 1: 1; 1.
        assertEquals(6, table.testedCells());
        assertEquals(0.016199, detractors.get(0).adjustedPValue(), PRINTED);
        assertEquals(0.016199, detractors.get(1).adjustedPValue(), PRINTED);
        assertEquals(0.062515, promoters.get(0).adjustedPValue(), PRINTED);
        assertEquals(0.062515, promoters.get(1).adjustedPValue(), PRINTED);
        assertEquals(1.0, passives.get(0).adjustedPValue(), PRINTED);
        // Significant after adjustment: the detractors only. The promoters' raw p of 0.0156 would have been.
        assertEquals(Direction.HIGHER, detractors.get(0).direction());
        assertEquals(Direction.LOWER, detractors.get(1).direction());
        assertEquals(Direction.NONE, promoters.get(0).direction());
        assertEquals(Direction.NONE, promoters.get(1).direction());
        // The suppressed column: no numbers at all.
        for (var row : table.rows()) {
            var widget = row.cells().get(2);
            assertNull(widget.count());
            assertNull(widget.share());
            assertNull(widget.z());
            assertEquals(Direction.NONE, widget.direction());
        }

        // Chi-square over LINK and EMAIL: row totals 30, 25, 35 of 90; column totals 40, 50.
        // Expected LINK: 30*40/90 = 13.333333, 25*40/90 = 11.111111, 35*40/90 = 15.555556;
        // EMAIL: 16.666667, 13.888889, 19.444444.
        // (O-E)^2/E: 44.444444/13.333333 = 3.333333, 1.234568/11.111111 = 0.111111, 30.864198/15.555556 =
        // 1.984127, 44.444444/16.666667 = 2.666667, 1.234568/13.888889 = 0.088889, 30.864198/19.444444 =
        // 1.587302; sum 9.771429. df = (3 - 1)(2 - 1) = 2, p = exp(-9.771429 / 2) = 0.007554.
        // No expected count below 5: no Cochran warning.
        var chi = table.chiSquare();
        assertEquals(9.771429, chi.statistic(), PRINTED);
        assertEquals(2, chi.degreesOfFreedom());
        assertEquals(0.007554, chi.pValue(), PRINTED);
        assertTrue(chi.significant());
        assertEquals(6, chi.cells());
        assertEquals(0, chi.cellsExpectingFewerThanFive());
        assertFalse(chi.sparse());
        assertNull(table.chiSquareOmitted());
    }

    static void assertCell(Crosstab.Cell cell, long count, double share, double margin, double z, double p) {
        assertEquals(count, cell.count());
        assertEquals(share, cell.share(), PRINTED);
        assertEquals(margin, cell.marginOfError(), PRINTED);
        assertEquals(z, cell.z(), PRINTED);
        assertEquals(p, cell.pValue(), PRINTED);
    }

    @Test
    void anAnonymousSurveyHidesEvenTheSizeOfASmallGroup() {
        // WIDGET has 10 respondents: with a minimum of 5 for the anonymous survey it is shown...
        Crosstab shown = CrosstabStatistics.of(workedExample(), new ReportingRules(5, true));
        assertEquals(Visibility.SHOWN, shown.columns().get(2).visibility());
        assertEquals(9, shown.testedCells());
        // ... and a group of 4 is hidden for anonymity: not even its size.
        var counts = workedExample();
        var small = new CrosstabCounts(
                counts.rows(),
                counts.columns(),
                counts.cells(),
                Map.of("LINK", 40L, "EMAIL", 50L, "WIDGET", 4L),
                counts.rowTotals(),
                94,
                false,
                false);
        Crosstab hidden = CrosstabStatistics.of(small, new ReportingRules(5, true));
        assertEquals(Visibility.HIDDEN_FOR_ANONYMITY, hidden.columns().get(2).visibility());
        assertNull(hidden.columns().get(2).respondents());
        assertEquals(6, hidden.testedCells());
    }

    @Test
    void multipleChoiceHasNoChiSquareAndTestsEachOptionAgainstTheRest() {
        // Options chosen by 30 of 40 and 10 of 40 respondents (A), 20 of 40 and 20 of 40 (B): shares overlap.
        var counts = new CrosstabCounts(
                List.of(new Label("a", "A"), new Label("b", "B")),
                List.of(new Label("x", "X"), new Label("y", "Y")),
                Map.of("a", Map.of("x", 30L, "y", 10L), "b", Map.of("x", 20L, "y", 20L)),
                Map.of("x", 40L, "y", 40L),
                Map.of("a", 40L, "b", 40L),
                80,
                true,
                false);
        Crosstab table = CrosstabStatistics.of(counts, ReportingRules.standard().forSurvey(false));
        assertNull(table.chiSquare());
        assertEquals(Omission.OVERLAPPING_ROWS, table.chiSquareOmitted());
        // A in X: 30/40 = 0.75 against 10/40 = 0.25; q = 0.5, se = sqrt(0.25 * (2/40)) = 0.111803,
        // z = 0.5 / 0.111803 = 4.472136, p = 0.00000774; Holm with m = 4: 4 * 0.00000774 = 0.000031.
        assertCell(table.rows().get(0).cells().get(0), 30, 0.75, 0.134190, 4.472136, 0.0000077);
        assertEquals(0.000031, table.rows().get(0).cells().get(0).adjustedPValue(), PRINTED);
        assertEquals(Direction.HIGHER, table.rows().get(0).cells().get(0).direction());
        // B in Y: 20/40 = 0.5, margin 1.959964 * sqrt(0.25 / 40) = 0.154949; against 0.5: z = 0, p = 1.
        assertCell(table.rows().get(1).cells().get(1), 20, 0.5, 0.154949, 0.0, 1.0);
    }

    @Test
    void overlappingColumnsCompareWithEveryoneOutsideTheColumn() {
        // Segment S holds 40 of 100 respondents; 30 of them are promoters, 50 of all 100 are.
        // Rest of the row: 50 - 30 = 20 of 100 - 40 = 60. q = 50/100 = 0.5,
        // se = sqrt(0.25 * (1/40 + 1/60)) = sqrt(0.25 * 0.041667) = 0.102062, z = (0.75 - 0.333333) / 0.102062
        // = 4.082483.
        var counts = new CrosstabCounts(
                List.of(new Label("promoter", "P"), new Label("other", "O")),
                List.of(new Label("s", "S")),
                Map.of("promoter", Map.of("s", 30L), "other", Map.of("s", 10L)),
                Map.of("s", 40L),
                Map.of("promoter", 50L, "other", 50L),
                100,
                false,
                true);
        Crosstab table = CrosstabStatistics.of(counts, ReportingRules.standard());
        assertEquals(4.082483, table.rows().get(0).cells().get(0).z(), PRINTED);
        assertEquals(Omission.OVERLAPPING_COLUMNS, table.chiSquareOmitted());
    }

    @Test
    void cochransRuleWarnsWhenMoreThanAFifthOfTheCellsExpectFewerThanFive() {
        // 2 x 2: X 30 / 2, Y 30 / 3 (n = 32 and 33, both shown). Row totals 60 and 5 of 65; expected for the
        // second row 5 * 32 / 65 = 2.461538 and 5 * 33 / 65 = 2.538462: 2 of 4 cells (50 %) below 5.
        var counts = new CrosstabCounts(
                List.of(new Label("a", "A"), new Label("b", "B")),
                List.of(new Label("x", "X"), new Label("y", "Y")),
                Map.of("a", Map.of("x", 30L, "y", 30L), "b", Map.of("x", 2L, "y", 3L)),
                Map.of("x", 32L, "y", 33L),
                Map.of("a", 60L, "b", 5L),
                65,
                false,
                false);
        var chi = CrosstabStatistics.of(counts, ReportingRules.standard()).chiSquare();
        assertEquals(2, chi.cellsExpectingFewerThanFive());
        assertTrue(chi.sparse());
        assertEquals(1, chi.degreesOfFreedom());
    }

    @Test
    void scoreBandsFollowTheMetrics() {
        var nps = ScoreBands.of(app.resonance.surveys.entity.QuestionType.NPS, 0, 10);
        assertEquals(
                List.of("detractor", "detractor", "passive", "passive", "promoter"),
                List.of(nps.band(0), nps.band(6), nps.band(7), nps.band(8), nps.band(9)));
        var csat = ScoreBands.of(app.resonance.surveys.entity.QuestionType.CSAT, 1, 5);
        assertEquals(
                List.of("dissatisfied", "neutral", "satisfied"), List.of(csat.band(2), csat.band(3), csat.band(4)));
        var rating = ScoreBands.of(app.resonance.surveys.entity.QuestionType.RATING, 1, 5);
        assertEquals("3", rating.band(3));
        assertNull(rating.band(6));
        var messages = app.resonance.platform.control.Messages.of(java.util.Locale.GERMAN);
        assertEquals("Kritiker (0-6)", nps.labels(messages).get(0).label());
    }

    @Test
    void crosstabByIsParsed() {
        assertEquals(
                new CrosstabBy(CrosstabBy.Kind.PLAN, null),
                CrosstabBy.parse(" Plan ").orElseThrow());
        assertEquals(
                new CrosstabBy(CrosstabBy.Kind.QUESTION, "focus"),
                CrosstabBy.parse("question:focus").orElseThrow());
        assertTrue(CrosstabBy.parse("question:").isEmpty());
        assertTrue(CrosstabBy.parse("weather").isEmpty());
        assertTrue(CrosstabBy.parse("QUESTION").isEmpty());
        assertEquals("lifecycle", CrosstabBy.parse("lifecycle").orElseThrow().text());
    }
}
