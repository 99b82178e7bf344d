package app.resonance.analytics.control;

import app.resonance.analytics.entity.TrendMarker;
import app.resonance.platform.control.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as a PDF a support lead sends to management (Apache PDFBox): the survey's title, the filters
 * and the day it was made; the headline figure with n and margin of error; the trend drawn with its 95 %
 * band, partial periods and the marked actions; for every action its before/after result and whether the
 * change is significant, in words; the trend table; the segments with the period they cover against the one
 * before. Withheld figures say why, never a number. Texts from survey-app's messages (de, en). This class says
 * what the report contains; {@link PdfCanvas} lays it out on pages and {@link ReportChart} draws the trend.
 */
public final class DashboardReport {

    /** An action on the trend with the figure in the days before it against the days from it. */
    public record MarkerImpact(TrendMarker marker, TrendAnalysis.BeforeAfter impact) {}

    /** A matrix question of the report's survey, row by row ({@link MatrixSummary}). */
    public record MatrixSection(String question, MatrixSummary summary) {}

    /** A single or multiple choice question of the report's survey: its options' shares ({@link ChoiceShares}). */
    public record ChoiceSection(String question, ChoiceShares shares) {}

    /** A recovery rate of the loop: of the detractors with a later answer, the recovered, with the Wilson interval. */
    public record Recovery(
            long detractors, Visibility visibility, Long recovered, Double value, Double low, Double high) {}

    /**
     * The follow-up loop of the report's days, over all surveys: the followed-up detractors' recovery against that of
     * the detractors without a follow-up, the difference with the z test's p (null numbers: not testable).
     */
    public record LoopSection(
            LocalDate from,
            LocalDate to,
            Recovery followedUp,
            Recovery notFollowedUp,
            Double difference,
            Double pValue,
            boolean significant) {}

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
            List<MarkerImpact> markers,
            List<ChoiceSection> choices,
            List<MatrixSection> matrices,
            LoopSection loop) {}

    private final Messages messages;
    private final NumberFormat one;
    private final NumberFormat three;

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
        try (PdfCanvas pdf = new PdfCanvas()) {
            var regular = pdf.regular;
            var bold = pdf.bold;
            Metric metric = content.total().metric();
            pdf.text(bold, 16, PdfCanvas.MARGIN, messages.get("report.heading", content.survey(), metricName(metric)));
            pdf.paragraph(
                    regular,
                    9,
                    messages.get("report.title") + " · " + messages.get("report.made", date(content.made())));
            pdf.down(4);
            pdf.paragraph(
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
            pdf.paragraph(
                    regular,
                    10,
                    messages.get(
                            "report.range",
                            date(content.from()),
                            date(content.to()),
                            messages.get("report.granularity." + content.granularity())));
            pdf.heading(messages.get("report.total"));
            pdf.row(new float[] {0, 200}, metricName(metric), figure(content.total()));
            pdf.heading(messages.get("report.chart"));
            new ReportChart(pdf, messages, one).draw(content, metricName(metric));
            pdf.heading(messages.get("report.markers"));
            if (content.markers().isEmpty()) {
                pdf.row(new float[] {0}, messages.get("report.noMarkers"));
            }
            int number = 1;
            for (MarkerImpact m : content.markers()) {
                pdf.paragraph(
                        bold,
                        9,
                        messages.get(
                                "report.markerLine",
                                String.valueOf(number++),
                                date(m.marker().date()),
                                m.marker().label()));
                var impact = m.impact();
                pdf.paragraph(
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
                pdf.paragraph(regular, 9, verdict(impact.change()));
                pdf.down(4);
            }
            pdf.heading(messages.get("report.trend"));
            float[] columns = {0, 110, 230, 350};
            pdf.boldRow(
                    columns,
                    messages.get("report.period"),
                    messages.get("report.value"),
                    messages.get("report.margin"),
                    "n");
            for (TrendPoint point : content.trend()) {
                Estimate e = point.estimate();
                pdf.row(
                        columns,
                        point.label()
                                + (point.partial(content.granularity()) ? " " + messages.get("report.partial") : ""),
                        value(e),
                        e.shown() ? "± " + one.format(e.marginOfError()) : "",
                        e.responses() == null ? "" : String.valueOf(e.responses()));
            }
            if (content.trend().stream().anyMatch(p -> p.partial(content.granularity()))) {
                pdf.paragraph(regular, 8, messages.get("report.partialHint"));
            }
            pdf.heading(messages.get("report.segments"));
            var previous = TrendAnalysis.Periods.of(content.segmentsFrom(), content.segmentsTo());
            pdf.paragraph(
                    regular,
                    9,
                    messages.get(
                            "report.segmentsPeriod",
                            date(previous.from()),
                            date(previous.to()),
                            date(previous.previousFrom()),
                            date(previous.previousTo())));
            float[] segmentColumns = {0, 160, 280, 400};
            pdf.boldRow(
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
                pdf.row(segmentColumns, name, figure(figure.current()), figure(figure.previous()), change);
            }
            if (content.loop() != null) {
                loop(pdf, content.loop());
            }
            if (!content.choices().isEmpty()) {
                choices(pdf, content.choices());
            }
            if (!content.matrices().isEmpty()) {
                matrices(pdf, content.matrices());
            }
            pdf.save(out);
        }
    }

    /**
     * The loop: the recovery of the detractors who had a follow-up against those who had none, the difference in
     * words with its p, and that this is observed, not an experiment.
     */
    private void loop(PdfCanvas pdf, LoopSection loop) throws IOException {
        pdf.heading(messages.get("report.loop"));
        pdf.paragraph(pdf.regular, 9, messages.get("report.loopPeriod", date(loop.from()), date(loop.to())));
        float[] columns = {0, 160, 330};
        pdf.boldRow(
                columns,
                messages.get("report.loopGroup"),
                messages.get("report.loopRecovered"),
                messages.get("report.loopDetractors"));
        pdf.row(
                columns,
                messages.get("report.loopFollowedUp"),
                recovery(loop.followedUp()),
                recovered(loop.followedUp()));
        pdf.row(
                columns,
                messages.get("report.loopNotFollowedUp"),
                recovery(loop.notFollowedUp()),
                recovered(loop.notFollowedUp()));
        if (loop.difference() == null || loop.pValue() == null) {
            pdf.paragraph(pdf.regular, 9, messages.get("report.loopUntestable"));
        } else {
            String p = loop.pValue() < 0.001 ? "p < " + three.format(0.001) : "p = " + three.format(loop.pValue());
            pdf.paragraph(
                    pdf.regular,
                    9,
                    messages.get(
                            loop.significant() ? "report.loopSignificant" : "report.loopNotSignificant",
                            signed(loop.difference() * 100),
                            p));
        }
        pdf.paragraph(pdf.regular, 8, messages.get("effectiveness.caveat"));
    }

    /** "89.4 % (79.7-94.8 %)", or why there is no rate. */
    String recovery(Recovery r) {
        if (r.visibility() != Visibility.SHOWN || r.value() == null) {
            return messages.get(
                    r.visibility() == Visibility.HIDDEN_FOR_ANONYMITY
                            ? "analytics.hiddenForAnonymity"
                            : "analytics.notEnoughResponses");
        }
        return one.format(r.value() * 100) + " % (" + one.format(r.low() * 100) + "-" + one.format(r.high() * 100)
                + " %)";
    }

    /** "59 / 66": recovered of the detractors with a later answer (only the detractors while no rate is shown). */
    private static String recovered(Recovery r) {
        return r.recovered() == null ? String.valueOf(r.detractors()) : r.recovered() + " / " + r.detractors();
    }

    /** Each choice question: n, and per option the respondents who chose it and their share with its margin. */
    private void choices(PdfCanvas pdf, List<ChoiceSection> choices) throws IOException {
        pdf.heading(messages.get("report.choices"));
        pdf.paragraph(pdf.regular, 9, messages.get("report.choicesHint"));
        float[] columns = {0, 200, 290};
        for (ChoiceSection section : choices) {
            ChoiceShares shares = section.shares();
            pdf.paragraph(pdf.bold, 9, section.question());
            if (!shares.shown()) {
                pdf.paragraph(
                        pdf.regular,
                        8,
                        messages.get(
                                shares.visibility() == Visibility.HIDDEN_FOR_ANONYMITY
                                        ? "analytics.hiddenForAnonymity"
                                        : "analytics.notEnoughResponses"));
                pdf.down(4);
                continue;
            }
            pdf.paragraph(
                    pdf.regular,
                    8,
                    messages.get(
                            shares.multiple() ? "report.choiceRespondentsMultiple" : "report.choiceRespondents",
                            String.valueOf(shares.respondents())));
            pdf.boldRow(
                    columns,
                    messages.get("report.choiceOption"),
                    messages.get("report.choiceCount"),
                    messages.get("report.choiceShare"));
            for (MatrixSummary.Cell option : shares.options()) {
                pdf.row(
                        columns,
                        option.label(),
                        String.valueOf(option.count()),
                        one.format(option.share() * 100) + " % ± " + one.format(option.marginOfError() * 100));
            }
            pdf.down(4);
        }
    }

    /** Each matrix question: per row its mean of the column positions with the margin, and n. */
    private void matrices(PdfCanvas pdf, List<MatrixSection> matrices) throws IOException {
        pdf.heading(messages.get("report.matrices"));
        pdf.paragraph(pdf.regular, 9, messages.get("report.matricesHint"));
        float[] columns = {0, 200, 330};
        for (MatrixSection section : matrices) {
            List<String> scale =
                    section.summary().columns().stream().map(c -> c.label()).toList();
            pdf.paragraph(pdf.bold, 9, section.question());
            pdf.paragraph(
                    pdf.regular,
                    8,
                    messages.get(
                            "report.matrixScale",
                            scale.get(0),
                            scale.get(scale.size() - 1),
                            String.valueOf(scale.size())));
            pdf.boldRow(columns, messages.get("report.matrixRow"), messages.get("report.matrixMean"), "n");
            for (MatrixSummary.Row row : section.summary().rows()) {
                String mean = !row.shown()
                        ? messages.get(
                                row.visibility() == Visibility.HIDDEN_FOR_ANONYMITY
                                        ? "analytics.hiddenForAnonymity"
                                        : "analytics.notEnoughResponses")
                        : one.format(row.mean())
                                + (row.meanMarginOfError() == null ? "" : " ± " + one.format(row.meanMarginOfError()));
                pdf.row(columns, row.label(), mean, row.respondents() == null ? "" : String.valueOf(row.respondents()));
            }
            pdf.down(4);
        }
    }

    private String metricName(Metric metric) {
        return messages.get("report.metric." + metric);
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    /** The significance of a before/after change in words, with its p-value. */
    public String verdict(Significance change) {
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
    public String figure(Estimate e) {
        if (!e.shown()) {
            return value(e) + (e.responses() == null ? "" : " (n = " + e.responses() + ")");
        }
        return one.format(e.value()) + " ± " + one.format(e.marginOfError()) + " (n = " + e.responses() + ")";
    }

    private String signed(double d) {
        return (d > 0 ? "+" : d < 0 ? "-" : "") + one.format(Math.abs(d));
    }
}
