package app.resonance.console.analytics;

import app.resonance.analytics.control.SavedViews;
import java.io.Serializable;

/**
 * "Save this view" on the dashboard: a name and the period, either the dates the dashboard shows (empty) or a
 * relative period that moves with the day the view is opened. The filters are the dashboard's own.
 */
public class SavedViewForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String period;

    /** The view the dashboard's filters and this form stand for, as the admin API's would be checked. */
    SavedViews.Draft draft(DashboardFilter filter) {
        boolean relative = period != null && !period.isBlank();
        return new SavedViews.Draft(
                name,
                filter.getSurvey(),
                null,
                null,
                filter.getSegment(),
                filter.getChannel(),
                filter.getLocale(),
                filter.getGranularity(),
                relative ? period : null,
                relative ? null : filter.getFrom(),
                relative ? null : filter.getTo());
    }

    void clear() {
        name = null;
        period = null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }
}
