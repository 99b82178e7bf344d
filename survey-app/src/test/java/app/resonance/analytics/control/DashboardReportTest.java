package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.Messages;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF report read back with PDFBox's text extraction: the figures, withheld ones, markers, both languages. */
class DashboardReportTest {

    static final ReportingRules RULES = ReportingRules.standard();
    // 50 promoters, 30 passives, 20 detractors: NPS 30, SE = 100 * sqrt((0.5 + 0.2 - 0.09) / 100) = 7.81, margin 15.3
    static final Estimate TOTAL =
            Estimator.estimate(Metric.NPS, ScoreCounts.of(20, 0, 0, 0, 0, 0, 0, 30, 0, 50, 0), RULES);
    static final Estimate FEW = Estimator.estimate(Metric.NPS, ScoreCounts.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 0), RULES);
    static final Estimate BEFORE =
            Estimator.estimate(Metric.NPS, ScoreCounts.of(60, 0, 0, 0, 0, 0, 0, 20, 0, 20, 0), RULES);

    static DashboardReport.Content content() {
        return content("Check-in calls started 🎉");
    }

    static DashboardReport.Content content(String firstMarkerLabel) {
        LocalDate march = LocalDate.of(2026, 3, 1);
        TrendMarker calls =
                new TrendMarker(null, null, LocalDate.of(2026, 3, 15), firstMarkerLabel, null, "lead", Instant.EPOCH);
        TrendMarker mail = new TrendMarker(
                null, null, LocalDate.of(2026, 4, 10), "New mail template", null, "lead", Instant.EPOCH);
        return new DashboardReport.Content(
                "Customer relationship",
                "Business plan",
                "EMAIL",
                "de",
                march,
                LocalDate.of(2026, 4, 20),
                Granularity.MONTH,
                LocalDate.of(2026, 4, 21),
                TOTAL,
                List.of(
                        new TrendPoint(march, LocalDate.of(2026, 3, 31), "2026-03", BEFORE),
                        new TrendPoint(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "2026-04", TOTAL)),
                LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 4, 20),
                List.of(new TrendAnalysis.SegmentFigure(7L, TOTAL, BEFORE, ChangeTest.compare(BEFORE, TOTAL))),
                Map.of(7L, "Business plan"),
                List.of(
                        new DashboardReport.MarkerImpact(
                                calls,
                                new TrendAnalysis.BeforeAfter(
                                        LocalDate.of(2026, 1, 14),
                                        LocalDate.of(2026, 3, 14),
                                        LocalDate.of(2026, 3, 15),
                                        LocalDate.of(2026, 5, 13),
                                        BEFORE,
                                        TOTAL,
                                        ChangeTest.compare(BEFORE, TOTAL))),
                        new DashboardReport.MarkerImpact(
                                mail,
                                new TrendAnalysis.BeforeAfter(
                                        LocalDate.of(2026, 2, 9),
                                        LocalDate.of(2026, 4, 9),
                                        LocalDate.of(2026, 4, 10),
                                        LocalDate.of(2026, 6, 8),
                                        TOTAL,
                                        FEW,
                                        ChangeTest.compare(TOTAL, FEW)))),
                // The worked example of ChoiceSharesTest: support 25.0 % ± 13.4 of 40; a question below 30.
                List.of(
                        new DashboardReport.ChoiceSection(
                                "What to improve first",
                                ChoiceShares.of(
                                        ChoiceSharesTest.OPTIONS,
                                        Map.of("support", 10L, "price", 30L),
                                        40,
                                        false,
                                        new ReportingRules(30, false))),
                        new DashboardReport.ChoiceSection(
                                "Channels used",
                                ChoiceShares.of(
                                        ChoiceSharesTest.OPTIONS,
                                        Map.of("support", 3L),
                                        12,
                                        true,
                                        new ReportingRules(30, false)))),
                // The worked example of MatrixSummaryTest: speed's mean 3.4 ± 0.6 of 10; design below 30.
                List.of(new DashboardReport.MatrixSection(
                        "Rate these aspects",
                        MatrixSummary.of(
                                MatrixSummaryTest.ROWS.subList(0, 2),
                                MatrixSummaryTest.COLUMNS,
                                Map.of(
                                        "speed", Map.of("fair", 2L, "good", 3L, "very", 4L, "excellent", 1L),
                                        "design", Map.of("poor", 3L)),
                                new ReportingRules(5, false)))),
                // The demo's loop (README): 59 of 66 called detractors recovered, 829 of 1,114 without a call
                new DashboardReport.LoopSection(
                        LocalDate.of(2025, 12, 8),
                        LocalDate.of(2026, 12, 7),
                        new DashboardReport.Recovery(
                                66, Visibility.SHOWN, 59L, 59 / 66.0, 0.7968769124835199, 0.9476665274452051),
                        new DashboardReport.Recovery(
                                1114, Visibility.SHOWN, 829L, 829 / 1114.0, 0.7177339910543215, 0.7689182043061118),
                        59 / 66.0 - 829 / 1114.0,
                        0.006150505432469709,
                        true));
    }

    static byte[] pdf(Locale locale) throws Exception {
        var out = new ByteArrayOutputStream();
        new DashboardReport(Messages.of(locale)).write(content(), out);
        return out.toByteArray();
    }

    static String text(Locale locale) throws Exception {
        try (var pdf = Loader.loadPDF(pdf(locale))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theEnglishReportNamesSurveyFiltersDateAndSaysWhetherEachActionWorked() throws Exception {
        assertEquals(30.0, TOTAL.value(), 1e-9);
        assertEquals(15.3, Math.round(TOTAL.marginOfError() * 10) / 10.0, 1e-9);
        String text = text(Locale.ENGLISH);
        assertTrue(text.contains("Customer relationship: Recommendation (NPS)"), "the title, not the slug: " + text);
        assertTrue(text.contains("made on 2026-04-21"), text);
        assertTrue(
                text.contains(
                        "Survey: Customer relationship · Segment: Business plan · Channel: email · Language: German"),
                text);
        assertTrue(text.contains("Period: 2026-03-01 to 2026-04-20, per month"), text);
        assertTrue(text.contains("30.0 ± 15.3 (n = 100)"), text);
        // the chart's legend and the partial month, in the table too
        assertTrue(text.contains("95 % interval"), text);
        assertTrue(text.contains("partial period (*)"), text);
        assertTrue(text.contains("2026-04*"), "the chart's label of the partial month: " + text);
        assertTrue(text.contains("2026-04 (partial) 30.0 ± 15.3 100"), text);
        assertTrue(text.contains("2026-03 -40.0 ± "), text);
        // each action: before/after and the verdict in words; what the font cannot draw is a ?
        // the emoji the standard font cannot draw is left out, not printed as "?"
        assertTrue(text.contains("1. 2026-03-15: Check-in calls started\n"), text);
        assertFalse(text.contains("?"), text);
        assertTrue(text.contains("Before (2026-01-14 to 2026-03-14): -40.0 ± "), text);
        assertTrue(text.contains("From the action (2026-03-15 to 2026-05-13): 30.0 ± 15.3"), text);
        assertTrue(
                text.contains("The change of +70.0 points is significant (p < 0.001): very unlikely to be chance."),
                text);
        assertTrue(text.contains("2. 2026-04-10: New mail template"), text);
        assertTrue(text.contains("No verdict: too few responses before or after the action."), text);
        // the segment table says which days it compares
        assertTrue(text.contains("2026-02-20 to 2026-04-20 against 2025-12-22 to 2026-02-19."), text);
        assertTrue(text.contains("Business plan 30.0 ± 15.3 (n = 100) -40.0 ± "), text);
        assertTrue(text.contains("+70.0 * significant (p < 0.05)"), text);
        assertFalse(text.contains("relationship-nps"), text);
        // each choice question: n, and per option who chose it and the share with its margin, or why there is none
        assertTrue(text.contains("Choice questions"), text);
        assertTrue(text.contains("What to improve first\nAnswered by 40 respondents; one option each."), text);
        assertTrue(text.contains("Support 10 25.0 % ± 13.4"), text);
        assertTrue(text.contains("Price 30 75.0 % ± 13.4"), text);
        assertTrue(text.contains("Speed 0 0.0 % ± 0.0"), text);
        assertTrue(text.contains("Channels used\nNot enough responses"), text);
        // each matrix question row by row: the mean with its margin and n, or why there is none
        assertTrue(text.contains("Matrix questions, row by row"), text);
        assertTrue(text.contains("Rate these aspects\nScale: 1 = Poor to 5 = Excellent"), text);
        assertTrue(text.contains("Speed 3.4 ± 0.6 10"), text);
        assertTrue(text.contains("Design Not enough responses 3"), text);
        // the loop: both groups' recovery with the Wilson interval, the difference in words, and the caveat
        assertTrue(text.contains("Follow-up effectiveness (all surveys)"), text);
        assertTrue(text.contains("Tasks closed from 2025-12-08 to 2026-12-07"), text);
        assertTrue(text.contains("With a follow-up 89.4 % (79.7-94.8 %) 59 / 66"), text);
        assertTrue(text.contains("Without a follow-up 74.4 % (71.8-76.9 %) 829 / 1114"), text);
        assertTrue(
                text.contains("Difference +15.0 percentage points (with a follow-up minus without), p = 0.006:"
                        + " significant (two-proportion z test)."),
                text);
        assertTrue(text.contains("Observational, not an experiment"), text);
    }

    @Test
    void theGermanReportWritesGermanTextsAndDecimalCommas() throws Exception {
        String text = text(Locale.GERMAN);
        assertTrue(text.contains("Customer relationship: Weiterempfehlung (NPS)"), text);
        assertTrue(text.contains("erstellt am 2026-04-21"), text);
        assertTrue(
                text.contains(
                        "Umfrage: Customer relationship · Segment: Business plan · Kanal: E-Mail · Sprache: Deutsch"),
                text);
        assertTrue(text.contains("Zeitraum: 2026-03-01 bis 2026-04-20, pro Monat"), text);
        assertTrue(text.contains("30,0 ± 15,3 (n = 100)"), text);
        assertTrue(text.contains("2026-04 (unvollständig) 30,0 ± 15,3 100"), text);
        assertTrue(
                text.contains("Die Veränderung um +70,0 Punkte ist signifikant (p < 0,001): sehr wahrscheinlich kein"
                        + " Zufall."),
                text);
        assertTrue(text.contains("Keine Aussage: zu wenige Antworten vor oder nach der Maßnahme."), text);
        assertTrue(text.contains("signifikant (p < 0,05)"), text);
        assertTrue(text.contains("Auswahlfragen"), text);
        assertTrue(text.contains("Von 40 Personen beantwortet; je eine Option."), text);
        assertTrue(text.contains("Support 10 25,0 % ± 13,4"), text);
        assertTrue(text.contains("Wirkung der Nachverfolgung (alle Umfragen)"), text);
        assertTrue(text.contains("Mit Nachverfolgung 89,4 % (79,7-94,8 %) 59 / 66"), text);
        assertTrue(text.contains("Unterschied +15,0 Prozentpunkte (mit Nachverfolgung minus ohne), p = 0,006:"), text);
        assertTrue(text.contains("Beobachtet, kein Experiment"), text);
    }

    /**
     * A marker's title as people type it (or paste it from a mail): no-break and narrow spaces, a non-breaking
     * hyphen, typographic quotes and dash, an accent the font lacks, an emoji. The report prints the title exactly
     * as readable text; before, every character outside the standard font's WinAnsi set became a "?".
     */
    @Test
    void aMarkerTitleWithTypographicCharactersIsPrintedExactly() throws Exception {
        String label = "Check\u2011in\u00a0calls\u202fstarted \u2013 \u201eBusiness\u201c, Szőke 🎉\uFE0F";
        var out = new ByteArrayOutputStream();
        new DashboardReport(Messages.of(Locale.GERMAN)).write(content(label), out);
        String text;
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("1. 2026-03-15: Check-in calls started \u2013 \u201eBusiness\u201c, Szoke\n"), text);
        assertFalse(text.contains("?"), text);
    }

    /** The first page as a picture (target/report-en.png, target/report-de.png) for a person to look at. */
    @Test
    void theFirstPageIsDrawnWithTheChart() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            try (var pdf = Loader.loadPDF(pdf(locale))) {
                var image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 110);
                javax.imageio.ImageIO.write(
                        image, "png", new java.io.File("target/report-" + locale.getLanguage() + ".png"));
                // the band is drawn: light blue pixels in the chart's area
                int band = 0;
                for (int x = 0; x < image.getWidth(); x++) {
                    for (int y = 0; y < image.getHeight(); y++) {
                        if ((image.getRGB(x, y) & 0xFFFFFF) == 0xCCE0F7) {
                            band++;
                        }
                    }
                }
                assertTrue(band > 500, "band pixels: " + band);
            }
        }
    }
}
