package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.WholeNumber;
import jakarta.ws.rs.QueryParam;

/** The analytics filters with the window of days around a marker (the marker impact and the PDF report). */
public class WindowParameters extends AnalyticsParameters {

    @QueryParam("days")
    @WholeNumber(min = AnalyticsQuery.MIN_WINDOW, max = AnalyticsQuery.MAX_WINDOW)
    @ParameterDoc("Days on each side of a marker, and of the report's segment comparison; default 60")
    String days;

    public WindowParameters() {}

    /** The filters with the window; a bad window is named by the query's check. */
    public AnalyticsQuery.Input input() {
        Integer window = null;
        try {
            window = days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            window = -1;
        }
        return input(window);
    }

    public void setDays(String days) {
        this.days = days;
    }
}
