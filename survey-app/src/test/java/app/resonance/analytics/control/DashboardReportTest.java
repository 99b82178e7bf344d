package app.resonance.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        LocalDate march = LocalDate.of(2026, 3, 1);
        return new DashboardReport.Content(
                "relationship-nps",
                "Business plan",
                march,
                LocalDate.of(2026, 4, 30),
                Granularity.MONTH,
                TOTAL,
                List.of(
                        new TrendPoint(march, LocalDate.of(2026, 3, 31), "2026-03", TOTAL),
                        new TrendPoint(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), "2026-04", FEW)),
                List.of(new TrendAnalysis.SegmentFigure(7L, TOTAL, BEFORE, ChangeTest.compare(BEFORE, TOTAL))),
                Map.of(7L, "Business plan"),
                List.of(new TrendMarker(
                        null,
                        null,
                        LocalDate.of(2026, 3, 15),
                        "Check-in calls started 🎉",
                        null,
                        "lead",
                        Instant.EPOCH)));
    }

    static String text(Locale locale) throws Exception {
        var out = new ByteArrayOutputStream();
        new DashboardReport(Messages.of(locale)).write(content(), out);
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theEnglishReportHasTheFiguresWithNAndMarginAndNoNumberForTooFewResponses() throws Exception {
        assertEquals(30.0, TOTAL.value(), 1e-9);
        assertEquals(15.3, Math.round(TOTAL.marginOfError() * 10) / 10.0, 1e-9);
        String text = text(Locale.ENGLISH);
        assertTrue(
                text.contains("Survey relationship-nps, segment Business plan, 2026-03-01 to 2026-04-30, per month"),
                text);
        assertTrue(text.contains("30.0 ± 15.3 (n = 100)"), text);
        assertTrue(text.contains("2026-03 30.0 ± 15.3 100"), text);
        assertTrue(text.contains("2026-04 Not enough responses 12"), text);
        // before: 20 - 60 = -40; change +70.0, clearly significant
        assertTrue(text.contains("Business plan 30.0 ± 15.3 (n = 100) -40.0 ± "), text);
        assertTrue(text.contains("+70.0 * significant (p < 0.05)"), text);
        assertTrue(text.contains("2026-03-15 Check-in calls started ?"), "what the font cannot draw is a ?: " + text);
    }

    @Test
    void theGermanReportWritesGermanTextsAndDecimalCommas() throws Exception {
        String text = text(Locale.GERMAN);
        assertTrue(
                text.contains("Umfrage relationship-nps, Segment Business plan, 2026-03-01 bis 2026-04-30, pro Monat"),
                text);
        assertTrue(text.contains("30,0 ± 15,3 (n = 100)"), text);
        assertTrue(text.contains("2026-04 Zu wenige Antworten 12"), text);
        assertTrue(text.contains("signifikant (p < 0,05)"), text);
    }
}
