package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.DriverAnalysis;
import app.resonance.analytics.control.Drivers;
import app.resonance.console.platform.Faces;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The drivers page: what moves a survey's score, through the API's {@link Drivers} and the one {@link AnalyticsQuery}
 * (the reporting rules; the last 90 days unless from and to say otherwise, optionally one segment); survey, segment,
 * from and to are in the URL, so a link from the dashboard keeps its filters.
 */
@Named
@ViewScoped
public class DriversView extends SurveyPeriodView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Drivers drivers;

    private DriverAnalysis analysis;

    /** Picks the default survey (the relationship survey) and analyses. */
    public void load() throws SQLException {
        Survey chosen = chooseSurvey().orElse(null);
        AnalyticsQuery query =
                chosen == null ? null : readPeriod(Drivers.DEFAULT_DAYS).orElse(null);
        if (query == null) {
            return;
        }
        if (Drivers.outcome(chosen).isEmpty()) {
            Faces.error(
                    "crosstab.invalid",
                    Faces.messages().error("survey", "driverOutcome").message());
            return;
        }
        analysis = drivers.analyse(query, Faces.messages());
    }

    public String apply() {
        return "/admin/drivers?faces-redirect=true&includeViewParams=true";
    }

    /** The scale of the chart: the highest interval end, at least 0.05, so that every interval fits. */
    public double getScale() {
        return analysis == null
                ? 1
                : Math.max(
                        0.05,
                        analysis.drivers().stream()
                                .mapToDouble(DriverAnalysis.Driver::high)
                                .max()
                                .orElse(0));
    }

    /** A share of R² as a CSS percentage of the chart's width ("42.5%"). */
    public String position(double value) {
        return String.format(Locale.ROOT, "%.1f%%", Math.max(0, Math.min(1, value / getScale())) * 100);
    }

    /** A share of R² in percentage points of the score's variance: "12.3". */
    public String points(double value) {
        return String.format(Faces.locale(), "%.1f", value * 100);
    }

    public DriverAnalysis getAnalysis() {
        return analysis;
    }
}
