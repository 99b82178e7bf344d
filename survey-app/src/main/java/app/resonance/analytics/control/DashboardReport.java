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
 * The dashboard as a PDF (Apache PDFBox): the headline figure with n and margin of error, the trend per
 * period with n and margin, the segments against their previous period with significance, and the
 * markers. Withheld figures say why, never a number. Texts from survey-app's messages (de, en).
 */
public final class DashboardReport {

    /** What the report shows; built from the same control classes as the dashboard. */
    public record Content(
            String survey,
            String segment,
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            Estimate total,
            List<TrendPoint> trend,
            List<TrendAnalysis.SegmentFigure> segments,
            Map<Long, String> segmentNames,
            List<TrendMarker> markers) {}

    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private final Messages messages;
    private final NumberFormat one;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDDocument document;
    private PDPageContentStream stream;
    private float y;

    public DashboardReport(Messages messages) {
        this.messages = messages;
        this.one = NumberFormat.getNumberInstance(messages.locale());
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        one.setGroupingUsed(false);
    }

    public void write(Content content, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            newPage();
            text(bold, 16, MARGIN, messages.get("report.title"));
            y -= 8;
            text(
                    regular,
                    10,
                    MARGIN,
                    messages.get(
                            "report.filters",
                            content.survey(),
                            content.segment(),
                            content.from().toString(),
                            content.to().toString(),
                            messages.get("report.granularity." + content.granularity())));
            y -= 6;
            heading(messages.get("report.total"));
            row(
                    new float[] {0, 200},
                    messages.get("report.metric." + content.total().metric()),
                    figure(content.total()));
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
                        point.label(),
                        value(e),
                        e.shown() ? "± " + one.format(e.marginOfError()) : "",
                        e.responses() == null ? "" : String.valueOf(e.responses()));
            }
            heading(messages.get("report.segments"));
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
            heading(messages.get("report.markers"));
            if (content.markers().isEmpty()) {
                row(new float[] {0}, messages.get("report.noMarkers"));
            }
            for (TrendMarker marker : content.markers()) {
                row(new float[] {0, 80}, marker.date().toString(), marker.label());
            }
            stream.close();
            doc.save(out);
        }
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

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
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
        stream.showText(printable(font, text));
        stream.endText();
        y -= size + 6;
    }

    /** What the standard font cannot draw (say an emoji in a marker label) becomes "?"; long text is cut. */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        String limited = text.length() > 110 ? text.substring(0, 109) + "…" : text;
        limited.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }
}
