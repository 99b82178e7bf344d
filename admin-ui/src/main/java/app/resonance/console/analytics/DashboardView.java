package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.DashboardReports;
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
import app.resonance.console.platform.Figures;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.control.WaveStats;
import app.resonance.responses.entity.Channel;
import app.resonance.security.entity.Role;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
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
    transient AnalyticsQueries queries;

    @Inject
    transient DashboardReports reports;

    @Inject
    transient SegmentCatalog segmentCatalog;

    @Inject
    transient WaveStats waveStats;

    @Inject
    transient SecurityContext security;

    @Inject
    transient ResponseExport export;

    private final DashboardFilter filter = new DashboardFilter();

    private transient Dashboard dashboard;
    private final MarkerForm markerForm = new MarkerForm();

    /** Checks the filters of the URL and computes the figures (f:viewAction). */
    public void load() {
        dashboard = filter.resolve(queries) ? compute(filter.query()) : null;
    }

    private Dashboard compute(AnalyticsQuery query) {
        RollupFilter rollups = query.filter();
        Metric metric = rollups.metric();
        ReportingRules rules = query.rules();
        List<Tile> tiles = new ArrayList<>();
        for (Metric m : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            boolean own = m == metric;
            RollupFilter f = own
                    ? rollups
                    : new RollupFilter(
                            m,
                            null,
                            null,
                            rollups.segmentId(),
                            rollups.channel(),
                            rollups.locale(),
                            rollups.from(),
                            rollups.to());
            ReportingRules r = own ? rules : settings.rules(anyAnonymous(m));
            tiles.add(new Tile(m, own, analysis.total(f, r)));
        }
        List<TrendPoint> points = analysis.trend(rollups, query.granularity(), rules);
        List<TrendMarker> inRange =
                markerStore.between(rollups.from(), rollups.to(), rollups.surveyId(), rollups.segmentId());
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
        var impact = chosen == null ? null : analysis.beforeAfter(rollups, chosen.date(), query.days(), rules);
        LocalDate segmentsFrom = query.segmentsFrom();
        var bySegment = analysis.segments(rollups.inSegment(null).between(segmentsFrom, rollups.to()), rules);
        String chart = TrendChart.json(
                points,
                query.granularity(),
                markersByPoint,
                new TrendChart.Texts(
                        Faces.text("metric." + metric),
                        Faces.text("dashboard.bandLow"),
                        Faces.text("dashboard.bandHigh"),
                        Faces.text("dashboard.markers"),
                        Faces.text("dashboard.partial")));
        var counts = analysis.distribution(rollups, rules);
        List<String> scoreLabels = new ArrayList<>();
        List<Long> scoreCounts = new ArrayList<>();
        counts.ifPresent(c -> query.scale().forEach(s -> {
            scoreLabels.add(String.valueOf(s));
            scoreCounts.add(c.count(s));
        }));
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
                waveStats.of(query.survey()),
                counts.isPresent()
                        ? TrendChart.bars(scoreLabels, scoreCounts, Faces.text("dashboard.responses"))
                        : null,
                scoreLabels,
                scoreCounts);
    }

    private boolean anyAnonymous(Metric metric) {
        return surveys.all().stream().anyMatch(s -> s.anonymous() && AnalyticsQuery.metricOf(s) == metric);
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

    /** The dashboard as a PDF download with the same query and content as the admin API's report. */
    public void downloadPdf() throws java.io.IOException {
        if (dashboard == null) {
            return;
        }
        var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"resonance-dashboard.pdf\"");
        reports.write(filter.query(), Faces.messages(), external.getResponseOutputStream());
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
        RollupFilter query = filter.query().filter();
        var responses = new ExportFilter(
                survey.id(),
                query.from(),
                query.to(),
                query.segmentId(),
                query.channel(),
                query.locale(),
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
        return point.partial(filter.query().granularity());
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
