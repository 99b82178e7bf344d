package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.RelativePeriod;
import app.resonance.analytics.control.ResponseExport;
import app.resonance.analytics.control.SavedViews;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.entity.SavedView;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Figures;
import app.resonance.console.platform.Waves;
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
import java.util.List;

/**
 * The analytics dashboard: filters kept in the URL, tiles, trend with bands and markers, the before/after
 * comparison around a marker, segments side by side, the invitation funnel and the score distribution.
 * The page's state (filters, marker form) lives here; the figures come from {@link DashboardFigures}, the
 * downloads from {@link DashboardDownloads}, both for the one {@code AnalyticsQuery} the filters resolve to.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TrendMarkers markerStore;

    @Inject
    transient SurveyCatalog surveys;

    @Inject
    transient AnalyticsQueries queries;

    @Inject
    transient DashboardFigures figures;

    @Inject
    transient DashboardDownloads downloads;

    @Inject
    transient SegmentCatalog segmentCatalog;

    @Inject
    transient SecurityContext security;

    @Inject
    transient SavedViews savedViews;

    private final DashboardFilter filter = new DashboardFilter();

    private transient Dashboard dashboard;
    private final MarkerForm markerForm = new MarkerForm();
    private final SavedViewForm viewForm = new SavedViewForm();
    private transient List<SavedView> views;

    /** Checks the filters of the URL and computes the figures (f:viewAction). */
    public void load() {
        dashboard = filter.resolve(queries) ? figures.compute(filter.query(), filter.markerId()) : null;
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

    /** Saves the dashboard's filters as a named view (support leads and admins, as the API allows). */
    public String saveView() {
        if (!isMayAddMarker()) {
            Faces.error("views.notAllowed");
            return null;
        }
        SavedViews.Draft draft = viewForm.draft(filter);
        var errors = savedViews.check(draft, Faces.messages());
        if (!errors.isEmpty()) {
            Faces.fieldErrors("saveView", errors);
            return null;
        }
        SavedView view = savedViews.create(draft, security.getCallerPrincipal().getName());
        Faces.info("views.saved", view.name());
        viewForm.clear();
        return "/admin/dashboard?faces-redirect=true&includeViewParams=true";
    }

    /** Every saved view, by name. */
    public List<SavedView> getSavedViews() {
        if (views == null) {
            views = savedViews.all();
        }
        return views;
    }

    /** The dashboard with a saved view's filters, its relative period resolved today. */
    public String viewHref(SavedView view) {
        return Faces.contextPath() + "/admin/dashboard.xhtml?"
                + savedViews.input(view).queryString(false);
    }

    public RelativePeriod[] getPeriods() {
        return RelativePeriod.values();
    }

    public SavedViewForm getViewForm() {
        return viewForm;
    }

    /** The dashboard as a PDF download with the same query and content as the admin API's report. */
    public void downloadPdf() throws java.io.IOException {
        if (dashboard != null) {
            downloads.pdf(filter.query());
        }
    }

    public void downloadCsv() throws java.io.IOException {
        download(ResponseExport.Format.CSV);
    }

    public void downloadXlsx() throws java.io.IOException {
        download(ResponseExport.Format.XLSX);
    }

    /** The responses behind the dashboard, with its filters, streamed as the admin API's export does. */
    void download(ResponseExport.Format format) throws java.io.IOException {
        if (dashboard != null) {
            downloads.responses(filter.selectedSurvey(), filter.query(), format);
        }
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
        return Waves.rate(wave);
    }

    /** Whom the wave went to, in the console's language ("2 ausgewählte Kunden"). */
    public String audience(WaveStats.Wave wave) {
        return Waves.audience(wave.audience());
    }

    public List<Segment> getSegments() {
        return segmentCatalog.visible();
    }

    public List<Survey> getSurveys() {
        return surveys.all();
    }

    /** The languages responses can be given in (every respondent language), for the language filter. */
    public List<String> getLanguages() {
        return AnalyticsQuery.LOCALES;
    }

    /** A language's name in the console's language ("Französisch", "French"). */
    public String languageName(String code) {
        return Faces.languageName(code);
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
}
