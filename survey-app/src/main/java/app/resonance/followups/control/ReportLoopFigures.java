package app.resonance.followups.control;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.DashboardReport;
import app.resonance.analytics.control.LoopFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;

/** The dashboard PDF's loop section: the effectiveness report of its days, as the API answers it for them. */
@ApplicationScoped
public class ReportLoopFigures implements LoopFigures {

    @Inject
    ClosedLoopEffectiveness effectiveness;

    @Inject
    AnalyticsSettings settings;

    @Override
    public DashboardReport.LoopSection between(LocalDate from, LocalDate to) {
        ZoneId zone = settings.zone();
        var report = effectiveness.report(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                settings.rules(false));
        return section(from, to, report);
    }

    static DashboardReport.LoopSection section(LocalDate from, LocalDate to, ClosedLoopEffectiveness.Report report) {
        var test = report.comparison();
        return new DashboardReport.LoopSection(
                from,
                to,
                recovery(report.followedUp().recovery()),
                recovery(report.notFollowedUp().recovery()),
                test.difference(),
                test.pValue(),
                test.significant());
    }

    private static DashboardReport.Recovery recovery(RecoveryStatistics.Rate rate) {
        return new DashboardReport.Recovery(
                rate.detractors(), rate.visibility(), rate.recovered(), rate.value(), rate.low(), rate.high());
    }
}
