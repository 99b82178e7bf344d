package app.resonance.digests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.analytics.control.ChangeTest;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.Visibility;
import app.resonance.digests.entity.Cadence;
import app.resonance.platform.control.Messages;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The digest mail's words in English and German, and its HTML with every value escaped. */
class DigestMailTest {

    static final String NAME = "Q4 <script>alert(1)</script> & \"more\"";

    /** NPS 10.0 (se 5, n 100) before, 30.0 (se 5, n 120) now: z = 20 / 7.07 = 2.83, p = 0.005, significant. */
    static DigestMail.Summary summary(Estimate previous) {
        Estimate now = new Estimate(Metric.NPS, 120L, Visibility.SHOWN, 30.0, 5.0, 9.8, 20.2, 39.8);
        LocalDate from = LocalDate.parse("2026-11-30");
        LocalDate to = LocalDate.parse("2026-12-06");
        return new DigestMail.Summary(
                Cadence.WEEKLY,
                NAME,
                new DigestSchedule.Period(from, to),
                TrendAnalysis.Periods.of(from, to),
                "How happy are you with Resonance?",
                "Business plan",
                "NPS",
                new TrendAnalysis.SegmentFigure(7L, now, previous, ChangeTest.compare(previous, now)),
                4,
                2,
                "http://localhost:8080/admin/dashboard.xhtml?survey=relationship-nps&segment=business");
    }

    static Estimate before() {
        return new Estimate(Metric.NPS, 100L, Visibility.SHOWN, 10.0, 5.0, 9.8, 0.2, 19.8);
    }

    @Test
    void theEnglishTextSaysTheFigureTheChangeTheAlertsAndTheOverdueTasks() {
        Messages en = Messages.of(Locale.ENGLISH);
        assertEquals("Weekly digest: " + NAME + " (2026-W49)", DigestMail.subject(summary(before()), en));
        assertEquals(
                "Weekly digest of the saved view \"" + NAME + "\"\n\n"
                        + "Period: 2026-11-30 to 2026-12-06 (2026-W49)\n"
                        + "Survey: How happy are you with Resonance?\n"
                        + "Segment: Business plan\n"
                        + "NPS: 30.0 ± 9.8 (n = 120)\n"
                        + "Previous period (2026-11-23 to 2026-11-29): 10.0 ± 9.8 (n = 100)\n"
                        + "Alerts raised in the period: 4\n"
                        + "Overdue follow-up tasks now: 2\n\n"
                        + "The change of +20.0 points is significant (p = 0.005): very unlikely to be chance.\n\n"
                        + "The PDF report of the view is attached.\n"
                        + "Open the dashboard: http://localhost:8080/admin/dashboard.xhtml?survey=relationship-nps"
                        + "&segment=business\n",
                DigestMail.text(summary(before()), en));
    }

    @Test
    void theGermanTextUsesGermanNumbersAndWords() {
        Messages de = Messages.of(Locale.GERMAN);
        Estimate few = new Estimate(Metric.NPS, 12L, Visibility.NOT_ENOUGH_RESPONSES, null, null, null, null, null);
        String text = DigestMail.text(summary(few), de);
        assertEquals(
                "Monatsbericht: x (2026-11)",
                DigestMail.subject(
                        new DigestMail.Summary(
                                Cadence.MONTHLY,
                                "x",
                                new DigestSchedule.Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                                TrendAnalysis.Periods.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                                "s",
                                "g",
                                "NPS",
                                summary(few).figure(),
                                0,
                                0,
                                "l"),
                        de));
        assertTrue(text.startsWith("Wochenbericht der gespeicherten Ansicht „" + NAME + "“\n\n"), text);
        assertTrue(text.contains("\nNPS: 30,0 ± 9,8 (n = 120)\n"), text);
        assertTrue(
                text.contains("\nVorheriger Zeitraum (2026-11-23 bis 2026-11-29): Zu wenige Antworten (n = 12)\n"),
                text);
        assertTrue(text.contains("\nKeine Aussage: zu wenige Antworten vor oder nach der Maßnahme.\n"), text);
        assertTrue(text.contains("\nIm Zeitraum ausgelöste Alarme: 4\nJetzt überfällige Folgeaufgaben: 2\n"), text);
    }

    @Test
    void theHtmlEscapesEveryValue() {
        String html = DigestMail.html(summary(before()), Messages.of(Locale.ENGLISH));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&quot;Q4 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;&quot;"), html);
        assertTrue(html.contains("<td>30.0 ± 9.8 (n = 120)</td>"), html);
        assertTrue(
                html.contains(
                        "href=\"http://localhost:8080/admin/dashboard.xhtml?survey=relationship-nps&amp;segment=business\""),
                html);
    }
}
