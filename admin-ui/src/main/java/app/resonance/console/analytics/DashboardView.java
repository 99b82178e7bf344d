package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.ExportFilter;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.ResponseExport;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.WaveStats;
import app.resonance.responses.entity.Channel;
import app.resonance.security.entity.Role;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyKind;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics dashboard: filters kept in the URL, tiles, trend with bands and markers, the before/after
 * comparison around a marker, segments side by side, the invitation funnel and the score distribution.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TrendAnalysis analysis;

    @Inject
    transient TrendMarkers markerStore;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient SurveyCatalog surveys;

    @Inject
    transient SegmentCatalog segmentCatalog;

    @Inject
    transient WaveStats waveStats;

    @Inject
    transient SecurityContext security;

    @Inject
    transient Clock clock;

    @Inject
    transient ResponseExport export;

    private final DashboardFilter filter = new DashboardFilter();

    private transient Dashboard dashboard;
    private final MarkerForm markerForm = new MarkerForm();

    /** Checks the filters of the URL and computes the figures (f:viewAction). */
    public void load() {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        if (!filter.resolve(surveys, segmentCatalog, today)) {
            dashboard = null;
            return;
        }
        dashboard = compute();
    }

    /** The rollups the page's filters select. */
    private RollupFilter rollupFilter(Survey survey) {
        Metric metric = metricOf(survey);
        return new RollupFilter(
                metric,
                survey.id(),
                questionKey(survey, metric),
                filter.selectedSegment() == null
                        ? null
                        : filter.selectedSegment().id(),
                filter.getChannel(),
                filter.getLocale(),
                filter.fromDate(),
                filter.toDate());
    }

    private Dashboard compute() {
        Survey survey = filter.selectedSurvey();
        Metric metric = metricOf(survey);
        ReportingRules rules = settings.rules(survey.anonymous());
        Long segmentId = filter.selectedSegment() == null
                ? null
                : filter.selectedSegment().id();
        RollupFilter rollups = rollupFilter(survey);
        List<Tile> tiles = new ArrayList<>();
        for (Metric m : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            boolean own = m == metric;
            RollupFilter f = own
                    ? rollups
                    : new RollupFilter(
                            m,
                            null,
                            null,
                            segmentId,
                            rollups.channel(),
                            rollups.locale(),
                            rollups.from(),
                            rollups.to());
            ReportingRules r = own ? rules : settings.rules(anyAnonymous(m));
            tiles.add(new Tile(m, own, analysis.total(f, r)));
        }
        List<TrendPoint> points = analysis.trend(rollups, filter.granularity(), rules);
        List<TrendMarker> inRange = markerStore.between(rollups.from(), rollups.to(), survey.id(), segmentId);
        Map<Integer, String> markersByPoint = new HashMap<>();
        for (TrendMarker marker : inRange) {
            for (int i = 0; i < points.size(); i++) {
                TrendPoint p = points.get(i);
                if (!marker.date().isBefore(p.start()) && !marker.date().isAfter(p.end())) {
                    markersByPoint.merge(i, marker.label(), (a, b) -> a + " · " + b);
                }
            }
        }
        TrendMarker chosen = inRange.stream()
                .filter(m -> filter.markerId() == null || m.id().equals(filter.markerId()))
                .findFirst()
                .orElse(inRange.isEmpty() ? null : inRange.get(0));
        var impact = chosen == null ? null : analysis.beforeAfter(rollups, chosen.date(), filter.getDays(), rules);
        LocalDate segmentsFrom = rollups.to().minusDays(filter.getDays() - 1L);
        var bySegment = analysis.segments(rollups.inSegment(null).between(segmentsFrom, rollups.to()), rules);
        String chart = TrendChart.json(
                points,
                filter.granularity(),
                markersByPoint,
                new TrendChart.Texts(
                        Faces.text("metric." + metric),
                        Faces.text("dashboard.bandLow"),
                        Faces.text("dashboard.bandHigh"),
                        Faces.text("dashboard.markers"),
                        Faces.text("dashboard.partial")));
        var counts = analysis.distribution(rollups, rules);
        int low = metric == Metric.NPS ? 0 : 1;
        int high =
                switch (metric) {
                    case NPS -> 10;
                    case CSAT -> 5;
                    default -> 7;
                };
        List<String> scoreLabels = new ArrayList<>();
        List<Long> scoreCounts = new ArrayList<>();
        counts.ifPresent(c -> {
            for (int s = low; s <= high; s++) {
                scoreLabels.add(String.valueOf(s));
                scoreCounts.add(c.count(s));
            }
        });
        return new Dashboard(
                metric,
                tiles,
                points,
                chart,
                inRange,
                chosen,
                impact,
                segmentsFrom,
                bySegment,
                waveStats.of(survey),
                counts.isPresent()
                        ? TrendChart.bars(scoreLabels, scoreCounts, Faces.text("dashboard.responses"))
                        : null,
                scoreLabels,
                scoreCounts);
    }

    private boolean anyAnonymous(Metric metric) {
        return surveys.all().stream().anyMatch(s -> s.anonymous() && metricOf(s) == metric);
    }

    static Metric metricOf(Survey survey) {
        if (survey.kind() == SurveyKind.CUSTOM) {
            return Metric.RATING;
        }
        return survey.kind() == SurveyKind.ENPS
                ? Metric.NPS
                : Metric.valueOf(survey.kind().name());
    }

    private static String questionKey(Survey survey, Metric metric) {
        return survey.publishedVersion().stream()
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == metric.questionType())
                .map(Question::key)
                .findFirst()
                .orElse(null);
    }

    /** Support leads and admins may mark an action on the trend; viewers may not. */
    public boolean isMayAddMarker() {
        return security.isCallerInRole(Role.ADMIN.name()) || security.isCallerInRole(Role.SUPPORT_LEAD.name());
    }

    @jakarta.transaction.Transactional
    public String addMarker() {
        if (!isMayAddMarker()) {
            Faces.error("dashboard.markerNotAllowed");
            return null;
        }
        var errors = markerForm.check(Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("marker", errors);
            return null;
        }
        TrendMarker marker = markerStore.add(
                filter.selectedSurvey(),
                filter.selectedSegment(),
                markerForm.getDate(),
                markerForm.getLabel().strip(),
                markerForm.description(),
                security.getCallerPrincipal().getName());
        Faces.info("dashboard.markerAdded", marker.label());
        filter.setMarker(String.valueOf(marker.id()));
        return "/admin/dashboard?faces-redirect=true&includeViewParams=true";
    }

    /** The dashboard as a PDF download with the same filters (survey-app's DashboardReport). */
    public void downloadPdf() throws java.io.IOException {
        if (dashboard == null) {
            return;
        }
        Survey survey = filter.selectedSurvey();
        ReportingRules rules = settings.rules(survey.anonymous());
        var messages = Faces.messages();
        Map<Long, String> names = new HashMap<>();
        segmentCatalog.all().forEach(s -> names.put(s.id(), s.name().in(Faces.locale())));
        Estimate total = dashboard.tiles().stream()
                .filter(Tile::selected)
                .map(Tile::estimate)
                .findFirst()
                .orElseThrow();
        var content = new app.resonance.analytics.control.DashboardReport.Content(
                survey.publishedVersion().orElse(survey.latestVersion()).title().in(Faces.locale()),
                filter.selectedSegment() == null
                        ? getTrendSubject()
                        : names.get(filter.selectedSegment().id()),
                filter.getChannel(),
                filter.getLocale(),
                filter.fromDate(),
                filter.toDate(),
                filter.granularity(),
                LocalDate.now(clock.withZone(settings.zone())),
                total,
                dashboard.points(),
                dashboard.segmentsFrom(),
                filter.toDate(),
                dashboard.segments(),
                names,
                analysis.impacts(rollupFilter(survey), dashboard.markers(), filter.getDays(), rules));
        var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"resonance-dashboard.pdf\"");
        new app.resonance.analytics.control.DashboardReport(messages)
                .write(content, external.getResponseOutputStream());
        faces.responseComplete();
    }

    public void downloadCsv() throws java.io.IOException {
        download(ResponseExport.Format.CSV);
    }

    public void downloadXlsx() throws java.io.IOException {
        download(ResponseExport.Format.XLSX);
    }

    /** The responses behind the dashboard, with its filters, streamed as the admin API's export does. */
    void download(ResponseExport.Format format) throws java.io.IOException {
        if (dashboard == null) {
            return;
        }
        Survey survey = filter.selectedSurvey();
        var responses = new ExportFilter(
                survey.id(),
                filter.fromDate(),
                filter.toDate(),
                filter.selectedSegment() == null
                        ? null
                        : filter.selectedSegment().id(),
                filter.getChannel(),
                filter.getLocale(),
                survey.anonymous());
        boolean csv = format == ResponseExport.Format.CSV;
        var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(
                csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        external.setResponseHeader(
                "Content-Disposition",
                "attachment; filename=\"" + survey.slug() + "-responses." + (csv ? "csv" : "xlsx") + "\"");
        export.write(responses, settings.zone(), format, Faces.messages(), external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** Applies the filter form: a redirect, so the URL always holds the filters and can be shared. */
    public String apply() {
        filter.setMarker(null);
        return "/admin/dashboard?faces-redirect=true&includeViewParams=true";
    }

    public String chooseMarker() {
        return "/admin/dashboard?faces-redirect=true&includeViewParams=true";
    }

    public String segmentName(Long segmentId) {
        if (segmentId == null) {
            return Faces.text("dashboard.allResponses");
        }
        return segmentCatalog.all().stream()
                .filter(s -> s.id().equals(segmentId))
                .map(s -> s.name().in(Faces.locale()))
                .findFirst()
                .orElse("");
    }

    /** Whether the table's period is covered only in part (the running month). */
    public boolean partial(TrendPoint point) {
        return point.partial(filter.granularity());
    }

    public String getTrendSubject() {
        return filter.selectedSegment() == null
                ? Faces.text("dashboard.allResponses")
                : filter.selectedSegment().name().in(Faces.locale());
    }

    public String rate(WaveStats.Wave wave) {
        return Math.round(wave.responseRate() * 100) + " %";
    }

    public List<Segment> getSegments() {
        return segmentCatalog.all();
    }

    public List<Survey> getSurveys() {
        return surveys.all();
    }

    public Channel[] getChannels() {
        return Channel.values();
    }

    public Granularity[] getGranularities() {
        return Granularity.values();
    }

    public DashboardFilter getFilter() {
        return filter;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public MarkerForm getMarkerForm() {
        return markerForm;
    }

    /** The figure as the page shows it: "42.0 ± 6.1" or null. */
    public String value(Estimate e) {
        return e == null || !e.shown() ? null : Figures.value(e, Faces.locale());
    }

    public String margin(Estimate e) {
        return e == null || !e.shown() ? null : Figures.margin(e, Faces.locale());
    }

    public String diff(Double d) {
        return d == null ? "" : Figures.signed(d, Faces.locale());
    }

    public String p(Double p) {
        return p == null ? "" : Figures.p(p, Faces.locale());
    }

    /** One headline figure. {@code selected}: of the chosen survey; otherwise every survey of the metric. */
    public record Tile(Metric metric, boolean selected, Estimate estimate) {}

    /** Everything the page shows for the current filters. */
    public record Dashboard(
            Metric metric,
            List<Tile> tiles,
            List<TrendPoint> points,
            String trendChart,
            List<TrendMarker> markers,
            TrendMarker chosenMarker,
            TrendAnalysis.BeforeAfter impact,
            LocalDate segmentsFrom,
            List<TrendAnalysis.SegmentFigure> segments,
            List<WaveStats.Wave> waves,
            String distributionChart,
            List<String> scoreLabels,
            List<Long> scoreCounts) {}
}
