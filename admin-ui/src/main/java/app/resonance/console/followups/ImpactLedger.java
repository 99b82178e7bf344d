package app.resonance.console.followups;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Figures;
import app.resonance.surveys.entity.Survey;
import java.util.List;

/**
 * The impact ledger of the effectiveness page: every trend marker (an action taken) with its measured before/after
 * effect, as the dashboard's "did it work?" and the marker impact of the API measure it ({@link
 * TrendAnalysis#beforeAfter}, the marker's survey and segment, the default window on each side).
 */
public final class ImpactLedger {

    /** One action: its day, label, where it was measured, the figure before and after, the change and its test. */
    public record Entry(
            String date, String label, String where, String before, String after, String change, boolean significant) {}

    private ImpactLedger() {}

    static List<Entry> of(List<TrendMarker> markers, AnalyticsQueries queries, TrendAnalysis analysis) {
        return markers.stream()
                .sorted((a, b) -> b.date().compareTo(a.date()))
                .map(m -> entry(m, queries, analysis))
                .toList();
    }

    private static Entry entry(TrendMarker m, AnalyticsQueries queries, TrendAnalysis analysis) {
        String where = m.survey().map(Survey::slug).orElse("")
                + m.segment().map(g -> " · " + g.name().in(Faces.locale())).orElse("");
        var input = new AnalyticsQuery.Input(
                        m.survey().map(Survey::slug).orElse(null),
                        null,
                        null,
                        m.segment().map(g -> g.key()).orElse(null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .on(m.date());
        var read = queries.read(input, 1, m.date());
        if (!read.valid()) {
            String none = Faces.text("effectiveness.ledger.notMeasured");
            return new Entry(m.date().toString(), m.label(), where, none, none, "", false);
        }
        AnalyticsQuery q = read.query();
        var result = analysis.beforeAfter(q.filter(), m.date(), q.days(), q.rules());
        var change = result.change();
        String verdict = change.testable()
                ? Figures.signed(change.difference(), Faces.locale()) + " ("
                        + Figures.p(change.pValue(), Faces.locale()) + ")"
                : Faces.text("dashboard.notEnoughShort");
        return new Entry(
                m.date().toString(),
                m.label(),
                where,
                figure(result.before()),
                figure(result.after()),
                verdict,
                change.significant());
    }

    private static String figure(Estimate e) {
        return e.shown()
                ? Figures.value(e, Faces.locale()) + " " + Figures.margin(e, Faces.locale())
                : Faces.text("dashboard.notEnoughShort");
    }
}
