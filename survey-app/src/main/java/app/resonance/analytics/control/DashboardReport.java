package app.resonance.analytics.control;

import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The dashboard as a PDF a support lead sends to management (Apache PDFBox): the survey's title, the filters
 * and the day it was made; the headline figure with n and margin of error; the trend drawn with its 95 %
 * band, partial periods and the marked actions; for every action its before/after result and whether the
 * change is significant, in words; the trend table; the segments with the period they cover against the one
 * before. Withheld figures say why, never a number. Texts from survey-app's messages (de, en).
 */
public final class DashboardReport {

    /** An action on the trend with the figure in the days before it against the days from it. */
    public record MarkerImpact(TrendMarker marker, TrendAnalysis.BeforeAfter impact) {}

    /** What the report shows; built from the same control classes as the dashboard. */
    public record Content(
            String survey,
            String segment,
            String channel,
            String locale,
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            LocalDate made,
            Estimate total,
            List<TrendPoint> trend,
            LocalDate segmentsFrom,
            LocalDate segmentsTo,
            List<TrendAnalysis.SegmentFigure> segments,
            Map<Long, String> segmentNames,
            List<MarkerImpact> markers) {}

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float CHART_HEIGHT = 170;
    private static final float[] BLUE = {0.05f, 0.33f, 0.62f};
    private static final float[] BAND = {0.80f, 0.88f, 0.97f};
    private static final float[] ORANGE = {0.70f, 0.36f, 0f};
    private static final float[] GRID = {0.85f, 0.85f, 0.85f};
    private static final float[] GREY = {0.30f, 0.33f, 0.38f};

    private final Messages messages;
    private final NumberFormat one;
    private final NumberFormat three;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDDocument document;
    private PDPageContentStream stream;
    private float y;
    private float width;

    public DashboardReport(Messages messages) {
        this.messages = messages;
        this.one = format(1);
        this.three = format(3);
    }

    private NumberFormat format(int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        return format;
    }

    public void write(Content content, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            newPage();
            Metric metric = content.total().metric();
            text(bold, 16, MARGIN, messages.get("report.heading", content.survey(), metricName(metric)));
            paragraph(
                    regular,
                    9,
                    messages.get("report.title") + " · " + messages.get("report.made", date(content.made())));
            y -= 4;
            paragraph(
                    regular,
                    10,
                    messages.get(
                            "report.filters",
                            content.survey(),
                            content.segment(),
                            content.channel() == null
                                    ? messages.get("report.allChannels")
                                    : messages.get("report.channel." + content.channel()),
                            content.locale() == null
                                    ? messages.get("report.allLanguages")
                                    : messages.get("report.language." + content.locale())));
            paragraph(
                    regular,
                    10,
                    messages.get(
                            "report.range",
                            date(content.from()),
                            date(content.to()),
                            messages.get("report.granularity." + content.granularity())));
            heading(messages.get("report.total"));
            row(new float[] {0, 200}, metricName(metric), figure(content.total()));
            heading(messages.get("report.chart"));
            chart(content);
            heading(messages.get("report.markers"));
            if (content.markers().isEmpty()) {
                row(new float[] {0}, messages.get("report.noMarkers"));
            }
            int number = 1;
            for (MarkerImpact m : content.markers()) {
                paragraph(
                        bold,
                        9,
                        messages.get(
                                "report.markerLine",
                                String.valueOf(number++),
                                date(m.marker().date()),
                                m.marker().label()));
                var impact = m.impact();
                paragraph(
                        regular,
                        9,
                        messages.get(
                                "report.markerResult",
                                date(impact.beforeFrom()),
                                date(impact.beforeTo()),
                                figure(impact.before()),
                                date(impact.afterFrom()),
                                date(impact.afterTo()),
                                figure(impact.after())));
                paragraph(regular, 9, verdict(impact.change()));
                y -= 4;
            }
            heading(messages.get("report.trend"));
            float[] columns = {0, 110, 230, 350};
            boldRow(
                    columns,
                    messages.get("report.period"),
                    messages.get("report.value"),
                    messages.get("report.margin"),
                    "n");
            for (TrendPoint point : content.trend()) {
                Estimate e = point.estimate();
                row(
                        columns,
                        point.label()
                                + (point.partial(content.granularity()) ? " " + messages.get("report.partial") : ""),
                        value(e),
                        e.shown() ? "± " + one.format(e.marginOfError()) : "",
                        e.responses() == null ? "" : String.valueOf(e.responses()));
            }
            if (content.trend().stream().anyMatch(p -> p.partial(content.granularity()))) {
                paragraph(regular, 8, messages.get("report.partialHint"));
            }
            heading(messages.get("report.segments"));
            var previous = TrendAnalysis.Periods.of(content.segmentsFrom(), content.segmentsTo());
            paragraph(
                    regular,
                    9,
                    messages.get(
                            "report.segmentsPeriod",
                            date(previous.from()),
                            date(previous.to()),
                            date(previous.previousFrom()),
                            date(previous.previousTo())));
            float[] segmentColumns = {0, 160, 280, 400};
            boldRow(
                    segmentColumns,
                    messages.get("report.segment"),
                    messages.get("report.now"),
                    messages.get("report.previous"),
                    messages.get("report.change"));
            for (var figure : content.segments()) {
                String name = figure.segmentId() == null
                        ? messages.get("analytics.allResponses")
                        : content.segmentNames().getOrDefault(figure.segmentId(), "");
                String change = figure.change().testable()
                        ? signed(figure.change().difference())
                                + (figure.change().significant() ? " * " + messages.get("report.significant") : "")
                        : "";
                row(segmentColumns, name, figure(figure.current()), figure(figure.previous()), change);
            }
            stream.close();
            doc.save(out);
        }
    }

    private String metricName(Metric metric) {
        return messages.get("report.metric." + metric);
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    /** The significance of a before/after change in words, with its p-value. */
    String verdict(Significance change) {
        if (!change.testable() || change.pValue() == null) {
            return messages.get("report.verdict.untestable");
        }
        String p = change.pValue() < 0.001 ? "p < " + three.format(0.001) : "p = " + three.format(change.pValue());
        return messages.get(
                change.significant() ? "report.verdict.significant" : "report.verdict.notSignificant",
                signed(change.difference()),
                p);
    }

    private String value(Estimate e) {
        return switch (e.visibility()) {
            case SHOWN -> one.format(e.value());
            case NOT_ENOUGH_RESPONSES -> messages.get("analytics.notEnoughResponses");
            case HIDDEN_FOR_ANONYMITY -> messages.get("analytics.hiddenForAnonymity");
        };
    }

    /** "42.0 ± 6.1 (n = 512)", or why there is no number. */
    String figure(Estimate e) {
        if (!e.shown()) {
            return value(e) + (e.responses() == null ? "" : " (n = " + e.responses() + ")");
        }
        return one.format(e.value()) + " ± " + one.format(e.marginOfError()) + " (n = " + e.responses() + ")";
    }

    private String signed(double d) {
        return (d > 0 ? "+" : d < 0 ? "-" : "") + one.format(Math.abs(d));
    }

    // ---- the chart -------------------------------------------------------------------------------------

    /** The trend: 95 % band, line and points (hollow for partial periods), actions as dashed lines, legend. */
    private void chart(Content content) throws IOException {
        List<TrendPoint> points = content.trend();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (TrendPoint p : points) {
            if (p.estimate().shown()) {
                low = Math.min(low, p.estimate().low());
                high = Math.max(high, p.estimate().high());
            }
        }
        if (points.isEmpty() || low == Double.MAX_VALUE) {
            row(new float[] {0}, messages.get("report.noChart"));
            return;
        }
        if (y - CHART_HEIGHT - 60 < MARGIN) {
            newPage();
        }
        double step = niceStep((high - low) / 5);
        double bottom = Math.floor(low / step) * step;
        double top = Math.ceil(high / step) * step;
        if (top - bottom < step) {
            top = bottom + step;
        }
        float x0 = MARGIN + 34;
        float plotWidth = width - 34;
        float y0 = y - CHART_HEIGHT;
        double span = top - bottom;
        float slot = plotWidth / points.size();
        java.util.function.IntFunction<Float> xAt = i -> x0 + slot * (i + 0.5f);
        java.util.function.DoubleFunction<Float> yAt = v -> (float) (y0 + (v - bottom) / span * CHART_HEIGHT);
        // grid and y labels
        stream.setLineWidth(0.5f);
        for (double v = bottom; v <= top + step / 2; v += step) {
            color(GRID, true);
            stream.moveTo(x0, yAt.apply(v));
            stream.lineTo(x0 + plotWidth, yAt.apply(v));
            stream.stroke();
            String label = step < 1 ? one.format(v) : String.valueOf(Math.round(v));
            label(regular, 7, x0 - 4 - regular.getStringWidth(label) / 1000 * 7, yAt.apply(v) - 2.5f, label, GREY);
        }
        // the band, run by run of shown points
        color(BAND, false);
        for (List<Integer> run : runs(points)) {
            stream.moveTo(
                    xAt.apply(run.get(0)),
                    yAt.apply(points.get(run.get(0)).estimate().high()));
            for (int i : run) {
                stream.lineTo(xAt.apply(i), yAt.apply(points.get(i).estimate().high()));
            }
            for (int k = run.size() - 1; k >= 0; k--) {
                int i = run.get(k);
                stream.lineTo(xAt.apply(i), yAt.apply(points.get(i).estimate().low()));
            }
            stream.closePath();
            stream.fill();
        }
        // actions: dashed vertical lines with their number
        int number = 1;
        for (MarkerImpact m : content.markers()) {
            int index = indexOf(points, m.marker().date());
            if (index >= 0) {
                color(ORANGE, true);
                stream.setLineWidth(1f);
                stream.setLineDashPattern(new float[] {3, 2}, 0);
                stream.moveTo(xAt.apply(index), y0);
                stream.lineTo(xAt.apply(index), y0 + CHART_HEIGHT + 2);
                stream.stroke();
                stream.setLineDashPattern(new float[] {}, 0);
                label(bold, 8, xAt.apply(index) + 2, y0 + CHART_HEIGHT - 8, String.valueOf(number), ORANGE);
            }
            number++;
        }
        // the line (dashed into a partial period) and the points
        stream.setLineWidth(1.5f);
        Integer previous = null;
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).estimate().shown()) {
                previous = null;
                continue;
            }
            if (previous != null) {
                color(BLUE, true);
                boolean partial = points.get(i).partial(content.granularity());
                stream.setLineDashPattern(partial ? new float[] {3, 2} : new float[] {}, 0);
                stream.moveTo(
                        xAt.apply(previous),
                        yAt.apply(points.get(previous).estimate().value()));
                stream.lineTo(xAt.apply(i), yAt.apply(points.get(i).estimate().value()));
                stream.stroke();
                stream.setLineDashPattern(new float[] {}, 0);
            }
            previous = i;
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).estimate().shown()) {
                dot(
                        xAt.apply(i),
                        yAt.apply(points.get(i).estimate().value()),
                        points.get(i).partial(content.granularity()));
            }
        }
        // x labels: at most about twelve
        int every = (int) Math.ceil(points.size() / 12.0);
        for (int i = 0; i < points.size(); i += every) {
            String label = points.get(i).label() + (points.get(i).partial(content.granularity()) ? "*" : "");
            float w = regular.getStringWidth(label) / 1000 * 7;
            label(regular, 7, xAt.apply(i) - w / 2, y0 - 10, label, GREY);
        }
        // axis
        color(GREY, true);
        stream.setLineWidth(0.8f);
        stream.moveTo(x0, y0);
        stream.lineTo(x0 + plotWidth, y0);
        stream.stroke();
        // legend
        float ly = y0 - 26;
        float lx = MARGIN;
        color(BLUE, true);
        stream.setLineWidth(1.5f);
        stream.moveTo(lx, ly + 3);
        stream.lineTo(lx + 14, ly + 3);
        stream.stroke();
        lx = legendText(lx + 18, ly, metricName(content.total().metric()));
        color(BAND, false);
        stream.addRect(lx, ly, 14, 7);
        stream.fill();
        lx = legendText(lx + 18, ly, messages.get("report.legend.band"));
        dot(lx + 4, ly + 3, true);
        lx = legendText(lx + 12, ly, messages.get("report.legend.partial"));
        color(ORANGE, true);
        stream.setLineWidth(1f);
        stream.setLineDashPattern(new float[] {3, 2}, 0);
        stream.moveTo(lx + 4, ly - 2);
        stream.lineTo(lx + 4, ly + 9);
        stream.stroke();
        stream.setLineDashPattern(new float[] {}, 0);
        legendText(lx + 10, ly, messages.get("report.legend.marker"));
        y = ly - LINE;
    }

    private float legendText(float x, float at, String text) throws IOException {
        String printable = printable(regular, text);
        label(regular, 8, x, at, printable, GREY);
        return x + regular.getStringWidth(printable) / 1000 * 8 + 12;
    }

    private static int indexOf(List<TrendPoint> points, LocalDate date) {
        for (int i = 0; i < points.size(); i++) {
            if (!date.isBefore(points.get(i).start())
                    && !date.isAfter(points.get(i).end())) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of consecutive points with a figure. */
    private static List<List<Integer>> runs(List<TrendPoint> points) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).estimate().shown()) {
                run.add(i);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A point: filled, or hollow for a partial period. */
    private void dot(float x, float at, boolean hollow) throws IOException {
        float r = 2.6f;
        float k = 0.552f * r;
        stream.moveTo(x + r, at);
        stream.curveTo(x + r, at + k, x + k, at + r, x, at + r);
        stream.curveTo(x - k, at + r, x - r, at + k, x - r, at);
        stream.curveTo(x - r, at - k, x - k, at - r, x, at - r);
        stream.curveTo(x + k, at - r, x + r, at - k, x + r, at);
        stream.closePath();
        color(hollow ? new float[] {1, 1, 1} : BLUE, false);
        color(BLUE, true);
        stream.setLineWidth(1f);
        stream.fillAndStroke();
    }

    private void color(float[] rgb, boolean stroking) throws IOException {
        if (stroking) {
            stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        } else {
            stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        }
    }

    private void label(PDType1Font font, float size, float x, float at, String text, float[] rgb) throws IOException {
        stream.beginText();
        color(rgb, false);
        stream.setFont(font, size);
        stream.newLineAtOffset(x, at);
        stream.showText(printable(font, text));
        stream.endText();
        color(new float[] {0, 0, 0}, false);
    }

    // ---- text ------------------------------------------------------------------------------------------

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
        width = page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    private void heading(String text) throws IOException {
        y -= 10;
        text(bold, 12, MARGIN, text);
    }

    private void boldRow(float[] columns, String... cells) throws IOException {
        cells(bold, columns, cells);
    }

    private void row(float[] columns, String... cells) throws IOException {
        cells(regular, columns, cells);
    }

    private void cells(PDType1Font font, float[] columns, String... cells) throws IOException {
        if (y < MARGIN + LINE) {
            newPage();
        }
        for (int i = 0; i < cells.length; i++) {
            stream.beginText();
            stream.setFont(font, 9);
            stream.newLineAtOffset(MARGIN + columns[i], y);
            stream.showText(printable(font, cells[i]));
            stream.endText();
        }
        y -= LINE;
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        if (y < MARGIN + LINE) {
            newPage();
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text, Integer.MAX_VALUE));
        stream.endText();
        y -= size + 6;
    }

    /** Text wrapped at word boundaries to the page's width. */
    private void paragraph(PDType1Font font, float size, String text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text, Integer.MAX_VALUE).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                text(font, size, MARGIN, line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            text(font, size, MARGIN, line.toString());
        }
        y += 2;
    }

    /**
     * Text as the standard font (WinAnsi) can draw it; long text is cut. Typographic spaces (no-break, narrow,
     * thin) become a space and non-breaking hyphens and the minus sign a hyphen; a letter with an accent the font
     * lacks is written without it; an emoji or other pictograph is left out (it printed as "?" in a marker's
     * label before); only a letter of another script still becomes "?", so that a name is not silently shortened.
     */
    static String printable(PDType1Font font, String text) {
        return printable(font, text, 110);
    }

    static String printable(PDType1Font font, String text, int limit) {
        StringBuilder out = new StringBuilder();
        String limited = text.length() > limit ? text.substring(0, limit - 1) + "…" : text;
        limited.codePoints().forEach(c -> out.append(drawable(font, c)));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String drawable(PDType1Font font, int c) {
        if (Character.getType(c) == Character.SPACE_SEPARATOR || c == '\t') {
            return " ";
        }
        if (c == 0x2010 || c == 0x2011 || c == 0x2212) {
            return "-";
        }
        String s = new String(Character.toChars(c));
        if (encodes(font, s)) {
            return s;
        }
        String base =
                java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && !base.equals(s) && encodes(font, base)) {
            return base;
        }
        return Character.isLetterOrDigit(c) ? "?" : "";
    }

    private static boolean encodes(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
