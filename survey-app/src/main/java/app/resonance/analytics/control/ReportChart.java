package app.resonance.analytics.control;

import app.resonance.platform.control.Messages;
import java.io.IOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The trend of a PDF report as a drawing: the 95 % band, the line and its points (hollow for partial periods),
 * the marked actions as numbered dashed lines, axis labels and a legend.
 */
final class ReportChart {

    private static final float CHART_HEIGHT = 170;
    private static final float[] BLUE = {0.05f, 0.33f, 0.62f};
    private static final float[] BAND = {0.80f, 0.88f, 0.97f};
    private static final float[] ORANGE = {0.70f, 0.36f, 0f};
    private static final float[] GRID = {0.85f, 0.85f, 0.85f};
    private static final float[] GREY = {0.30f, 0.33f, 0.38f};

    private final PdfCanvas canvas;
    private final Messages messages;
    private final NumberFormat one;

    ReportChart(PdfCanvas canvas, Messages messages, NumberFormat one) {
        this.canvas = canvas;
        this.messages = messages;
        this.one = one;
    }

    /** The trend: 95 % band, line and points (hollow for partial periods), actions as dashed lines, legend. */
    void draw(DashboardReport.Content content, String metricName) throws IOException {
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
            canvas.row(new float[] {0}, messages.get("report.noChart"));
            return;
        }
        canvas.room(CHART_HEIGHT + 60);
        PDPageContentStream stream = canvas.stream();
        double step = niceStep((high - low) / 5);
        double bottom = Math.floor(low / step) * step;
        double top = Math.max(Math.ceil(high / step) * step, bottom + step);
        float x0 = PdfCanvas.MARGIN + 34;
        float plotWidth = canvas.width() - 34;
        float y0 = canvas.y() - CHART_HEIGHT;
        double span = top - bottom;
        float slot = plotWidth / points.size();
        IntFunction<Float> xAt = i -> x0 + slot * (i + 0.5f);
        DoubleFunction<Float> yAt = v -> (float) (y0 + (v - bottom) / span * CHART_HEIGHT);
        // grid and y labels
        stream.setLineWidth(0.5f);
        for (double v = bottom; v <= top + step / 2; v += step) {
            canvas.color(GRID, true);
            stream.moveTo(x0, yAt.apply(v));
            stream.lineTo(x0 + plotWidth, yAt.apply(v));
            stream.stroke();
            String label = step < 1 ? one.format(v) : String.valueOf(Math.round(v));
            float w = PdfCanvas.width(canvas.regular, 7, label);
            canvas.label(canvas.regular, 7, x0 - 4 - w, yAt.apply(v) - 2.5f, label, GREY);
        }
        // the band, run by run of shown points
        canvas.color(BAND, false);
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
        for (DashboardReport.MarkerImpact m : content.markers()) {
            int index = indexOf(points, m.marker().date());
            if (index >= 0) {
                canvas.color(ORANGE, true);
                stream.setLineWidth(1f);
                stream.setLineDashPattern(new float[] {3, 2}, 0);
                stream.moveTo(xAt.apply(index), y0);
                stream.lineTo(xAt.apply(index), y0 + CHART_HEIGHT + 2);
                stream.stroke();
                stream.setLineDashPattern(new float[] {}, 0);
                canvas.label(
                        canvas.bold, 8, xAt.apply(index) + 2, y0 + CHART_HEIGHT - 8, String.valueOf(number), ORANGE);
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
                canvas.color(BLUE, true);
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
            float w = PdfCanvas.width(canvas.regular, 7, label);
            canvas.label(canvas.regular, 7, xAt.apply(i) - w / 2, y0 - 10, label, GREY);
        }
        // axis
        canvas.color(GREY, true);
        stream.setLineWidth(0.8f);
        stream.moveTo(x0, y0);
        stream.lineTo(x0 + plotWidth, y0);
        stream.stroke();
        legend(y0 - 26, metricName);
    }

    private void legend(float ly, String metricName) throws IOException {
        PDPageContentStream stream = canvas.stream();
        float lx = PdfCanvas.MARGIN;
        canvas.color(BLUE, true);
        stream.setLineWidth(1.5f);
        stream.moveTo(lx, ly + 3);
        stream.lineTo(lx + 14, ly + 3);
        stream.stroke();
        lx = legendText(lx + 18, ly, metricName);
        canvas.color(BAND, false);
        stream.addRect(lx, ly, 14, 7);
        stream.fill();
        lx = legendText(lx + 18, ly, messages.get("report.legend.band"));
        dot(lx + 4, ly + 3, true);
        lx = legendText(lx + 12, ly, messages.get("report.legend.partial"));
        canvas.color(ORANGE, true);
        stream.setLineWidth(1f);
        stream.setLineDashPattern(new float[] {3, 2}, 0);
        stream.moveTo(lx + 4, ly - 2);
        stream.lineTo(lx + 4, ly + 9);
        stream.stroke();
        stream.setLineDashPattern(new float[] {}, 0);
        legendText(lx + 10, ly, messages.get("report.legend.marker"));
        canvas.y(ly - PdfCanvas.LINE);
    }

    private float legendText(float x, float at, String text) throws IOException {
        String printable = PdfCanvas.printable(canvas.regular, text);
        canvas.label(canvas.regular, 8, x, at, printable, GREY);
        return x + PdfCanvas.width(canvas.regular, 8, printable) + 12;
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
        PDPageContentStream stream = canvas.stream();
        float r = 2.6f;
        float k = 0.552f * r;
        stream.moveTo(x + r, at);
        stream.curveTo(x + r, at + k, x + k, at + r, x, at + r);
        stream.curveTo(x - k, at + r, x - r, at + k, x - r, at);
        stream.curveTo(x - r, at - k, x - k, at - r, x, at - r);
        stream.curveTo(x + k, at - r, x + r, at - k, x + r, at);
        stream.closePath();
        canvas.color(hollow ? new float[] {1, 1, 1} : BLUE, false);
        canvas.color(BLUE, true);
        stream.setLineWidth(1f);
        stream.fillAndStroke();
    }
}
