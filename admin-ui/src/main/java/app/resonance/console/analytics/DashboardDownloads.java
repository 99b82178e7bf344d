package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.DashboardReports;
import app.resonance.analytics.control.ExportFilter;
import app.resonance.analytics.control.ResponseExport;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.console.platform.Faces;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * The dashboard's downloads, written into the current Faces response: the PDF report with the same query
 * and content as the admin API's report, and the responses behind the dashboard as CSV or XLSX, streamed
 * as the admin API's export does.
 */
@ApplicationScoped
public class DashboardDownloads {

    @Inject
    DashboardReports reports;

    @Inject
    ResponseExport export;

    @Inject
    AnalyticsSettings settings;

    public void pdf(AnalyticsQuery query) throws IOException {
        var faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"resonance-dashboard.pdf\"");
        reports.write(query, Faces.messages(), external.getResponseOutputStream());
        faces.responseComplete();
    }

    public void responses(Survey survey, AnalyticsQuery analyticsQuery, ResponseExport.Format format)
            throws IOException {
        RollupFilter query = analyticsQuery.filter();
        var responses = export.scoped(new ExportFilter(
                survey.id(),
                query.from(),
                query.to(),
                query.segmentId(),
                query.channel(),
                query.locale(),
                survey.anonymous()));
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
}
