package app.resonance.analytics.control;

import java.time.LocalDate;

/**
 * The follow-up loop's effectiveness for the dashboard's PDF: implemented where the tasks live (follow-ups), which
 * may read analytics but not be read by it, so the report asks through this interface.
 */
public interface LoopFigures {

    /** The tasks closed on the days from..to in the reporting zone (all surveys), against the uncalled detractors. */
    DashboardReport.LoopSection between(LocalDate from, LocalDate to);
}
