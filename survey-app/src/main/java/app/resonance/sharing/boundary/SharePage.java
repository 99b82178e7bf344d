package app.resonance.sharing.boundary;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.platform.control.Messages;
import app.resonance.sharing.control.SharedViews;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the share page shows, as plain values the template escapes: the facts of the view, the latest and the
 * whole period's figure, the chart's geometry and the table (the chart's accessible alternative), and comments.
 */
final class SharePage {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final int LEFT = 56;
    static final int RIGHT = 704;
    static final int TOP = 16;
    static final int BOTTOM = 244;

    record Fact(String label, String value) {}

    record Figure(
            String id,
            String label,
            String period,
            boolean shown,
            String value,
            String margin,
            String withheld,
            String n) {}

    record Row(String rowClass, String period, String value, String margin, String n) {}

    record Comment(String day, String score, String text) {}

    record Points(String points) {}

    record Dot(String x, String y) {}

    record Tick(String x, String y, String anchor, String label) {}

    record Chart(
            int width,
            int height,
            int left,
            int right,
            int bottom,
            String zero,
            String title,
            String description,
            List<Tick> ticks,
            List<Points> bands,
            List<Points> lines,
            List<Dot> dots) {}

    private final SharedViews.Page page;
    private final Messages messages;
    private final NumberFormat one;

    SharePage(SharedViews.Page page, Messages messages) {
        this.page = page;
        this.messages = messages;
        this.one = NumberFormat.getNumberInstance(messages.locale());
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        one.setGroupingUsed(false);
    }

    private Metric metric() {
        return page.query().filter().metric();
    }

    private String metricName() {
        return messages.get("report.metric." + metric());
    }

    public String heading() {
        return page.name();
    }

    public String readOnly() {
        return messages.get("share.readOnly");
    }

    public List<Fact> facts() {
        var query = page.query();
        Locale locale = messages.locale();
        List<Fact> facts = new ArrayList<>();
        if (query.survey() != null) {
            facts.add(new Fact(
                    messages.get("share.survey"),
                    query.survey()
                            .publishedVersion()
                            .map(v -> v.title().in(locale))
                            .orElse(query.survey().slug())));
        }
        facts.add(new Fact(
                messages.get("report.segment"),
                query.segment() == null
                        ? messages.get("analytics.allResponses")
                        : query.segment().name().in(locale)));
        facts.add(new Fact(messages.get("share.metric"), metricName()));
        facts.add(new Fact(
                messages.get("report.period"),
                messages.get(
                        "share.range",
                        query.filter().from().toString(),
                        query.filter().to().toString(),
                        messages.get("report.granularity." + query.granularity()))));
        return facts;
    }

    public String figuresHeading() {
        return messages.get("share.figures");
    }

    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        page.latest()
                .ifPresent(p -> figures.add(
                        figure("latest", messages.get("share.latest", metricName()), label(p), p.estimate())));
        figures.add(figure(
                "total",
                messages.get("share.total", metricName()),
                messages.get(
                        "share.range.short",
                        page.query().filter().from().toString(),
                        page.query().filter().to().toString()),
                page.total()));
        return figures;
    }

    private Figure figure(String id, String label, String period, Estimate e) {
        return new Figure(
                id,
                label,
                period,
                e.shown(),
                e.shown() ? value(e) : null,
                e.shown() ? one.format(e.marginOfError()) : null,
                e.shown() ? null : ShareServlet.withheld(e, messages),
                e.responses() == null ? "–" : String.valueOf(e.responses()));
    }

    private String value(Estimate e) {
        return one.format(e.value()) + (metric() == Metric.CSAT ? " %" : "");
    }

    private String label(TrendPoint p) {
        return ShareServlet.partial(p, page) ? p.label() + " *" : p.label();
    }

    public String trendHeading() {
        return messages.get("share.trend", metricName());
    }

    public String minimumNote() {
        return messages.get("share.minimumNote", page.query().rules().minimumResponses());
    }

    public String tableCaption() {
        return messages.get("share.table");
    }

    public String colPeriod() {
        return messages.get("report.period");
    }

    public String colValue() {
        return metricName();
    }

    public String colMargin() {
        return messages.get("share.margin");
    }

    public List<Row> rows() {
        return page.points().stream()
                .map(p -> new Row(
                        p.estimate().shown() ? "shown" : "withheld",
                        label(p),
                        p.estimate().shown() ? value(p.estimate()) : ShareServlet.withheld(p.estimate(), messages),
                        p.estimate().shown() ? "± " + one.format(p.estimate().marginOfError()) : "",
                        p.estimate().responses() == null
                                ? "–"
                                : String.valueOf(p.estimate().responses())))
                .toList();
    }

    public boolean withComments() {
        return page.withComments();
    }

    public String commentsHeading() {
        return messages.get("share.comments");
    }

    public boolean hasComments() {
        return !page.comments().isEmpty();
    }

    public List<Comment> comments() {
        return page.comments().stream()
                .map(c -> new Comment(
                        c.day().toString(),
                        c.score() == null ? null : messages.get("share.score", c.score()),
                        c.text()))
                .toList();
    }

    public String noComments() {
        return messages.get("share.noComments");
    }

    public String footer() {
        return messages.get("share.footer", page.zone());
    }

    /** The trend drawn: the 95 % band and the line through the shown periods (gaps where one is withheld). */
    public Chart chart() {
        List<TrendPoint> points = page.points();
        List<TrendPoint> shown =
                points.stream().filter(p -> p.estimate().shown()).toList();
        if (shown.isEmpty()) {
            return null;
        }
        double low = shown.stream().mapToDouble(p -> p.estimate().low()).min().orElse(0);
        double high = shown.stream().mapToDouble(p -> p.estimate().high()).max().orElse(0);
        if (metric() == Metric.NPS) {
            low = Math.max(-100, low);
            high = Math.min(100, high);
        }
        double pad = Math.max(1, (high - low) * 0.05);
        double min = low - pad;
        double max = high + pad;
        List<Points> bands = new ArrayList<>();
        List<Points> lines = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= points.size(); i++) {
            boolean visible = i < points.size() && points.get(i).estimate().shown();
            if (visible) {
                run.add(i);
                Estimate e = points.get(i).estimate();
                dots.add(new Dot(coordinate(x(i, points.size())), coordinate(y(e.value(), min, max))));
            } else if (!run.isEmpty()) {
                StringBuilder line = new StringBuilder();
                StringBuilder band = new StringBuilder();
                for (int j : run) {
                    Estimate e = points.get(j).estimate();
                    append(line, x(j, points.size()), y(e.value(), min, max));
                    append(band, x(j, points.size()), y(Math.min(max, e.high()), min, max));
                }
                for (int k = run.size() - 1; k >= 0; k--) {
                    int j = run.get(k);
                    append(
                            band,
                            x(j, points.size()),
                            y(Math.max(min, points.get(j).estimate().low()), min, max));
                }
                lines.add(new Points(line.toString()));
                bands.add(new Points(band.toString()));
                run.clear();
            }
        }
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(String.valueOf(LEFT - 6), coordinate(y(max, min, max) + 4), "end", one.format(max)));
        ticks.add(new Tick(String.valueOf(LEFT - 6), coordinate(y(min, min, max)), "end", one.format(min)));
        ticks.add(new Tick(
                String.valueOf(LEFT),
                String.valueOf(BOTTOM + 20),
                "start",
                points.get(0).label()));
        ticks.add(new Tick(
                String.valueOf(RIGHT),
                String.valueOf(BOTTOM + 20),
                "end",
                points.get(points.size() - 1).label()));
        String zero = min < 0 && max > 0 ? coordinate(y(0, min, max)) : null;
        return new Chart(
                WIDTH,
                HEIGHT,
                LEFT,
                RIGHT,
                BOTTOM,
                zero,
                trendHeading(),
                messages.get("share.chartDescription"),
                ticks,
                bands,
                lines,
                dots);
    }

    static double x(int index, int count) {
        return LEFT + (RIGHT - LEFT) * (index + 0.5) / count;
    }

    static double y(double value, double min, double max) {
        return BOTTOM - (BOTTOM - TOP) * (value - min) / (max - min);
    }

    private static void append(StringBuilder out, double x, double y) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(coordinate(x)).append(',').append(coordinate(y));
    }

    static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
