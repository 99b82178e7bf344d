package app.resonance.analytics.control;

import app.resonance.platform.control.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Answers the dashboard's questions from the rollups: the trend, each segment against its previous
 * period, and the before/after comparison around a marker, each with its significance.
 */
@ApplicationScoped
public class TrendAnalysis {

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    public TrendAnalysis() {}

    private app.resonance.platform.control.DataScope scope() {
        return app.resonance.platform.control.DataScopes.callerOf(scopes);
    }

    public TrendAnalysis(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private ScoreRollups rollups() {
        return new ScoreRollups(dataSource);
    }

    public List<TrendPoint> trend(RollupFilter filter, Granularity granularity, ReportingRules rules) {
        return rollups().trend(filter, granularity, rules);
    }

    public Estimate total(RollupFilter filter, ReportingRules rules) {
        return Estimator.estimate(filter.metric(), rollups().total(filter), rules);
    }

    /**
     * How many gave each score, for the distribution bars; empty unless the figure itself may be shown
     * (below the minimum or an anonymous group too small to show, nothing about it is told).
     */
    public java.util.Optional<ScoreCounts> distribution(RollupFilter filter, ReportingRules rules) {
        ScoreCounts counts = rollups().total(filter);
        return rules.visibility(counts.n()) == Visibility.SHOWN
                ? java.util.Optional.of(counts)
                : java.util.Optional.empty();
    }

    /** A period and the period of the same length just before it. */
    public record Periods(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo) {
        public static Periods of(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new Periods(from, to, from.minusDays(days), from.minusDays(1));
        }
    }

    /** One segment (or all responses, {@code segmentId} null) now and in the previous period. */
    public record SegmentFigure(Long segmentId, Estimate current, Estimate previous, Significance change) {}

    /**
     * All responses of the filter (its segment ignored) in its days against the previous period of the same
     * length, with the significance of the change: the first entry of {@link #segments}.
     */
    public SegmentFigure overall(RollupFilter filter, ReportingRules rules) {
        var scope = scope();
        if (scope.limited()) {
            // a user limited to some segments never sees a figure over all responses: theirs stands in for it
            return change(filter.inSegment(scope.segmentId(null)), rules);
        }
        Periods periods = Periods.of(filter.from(), filter.to());
        ScoreRollups rollups = rollups();
        return figure(
                null,
                rollups.total(filter.inSegment(null)),
                rollups.total(filter.between(periods.previousFrom(), periods.previousTo())
                        .inSegment(null)),
                filter.metric(),
                rules);
    }

    /**
     * The filter's own segment (or all responses) in its days against the previous period of the same length, with
     * the significance of the change: its row of {@link #segments} (the same counts, the same test).
     */
    public SegmentFigure change(RollupFilter filter, ReportingRules rules) {
        Periods periods = Periods.of(filter.from(), filter.to());
        ScoreRollups rollups = rollups();
        return figure(
                filter.segmentId(),
                rollups.total(filter),
                rollups.total(filter.between(periods.previousFrom(), periods.previousTo())),
                filter.metric(),
                rules);
    }

    /**
     * Every segment with answers in either period, and all responses first; for a user limited to some segments,
     * only theirs (and no row for all responses).
     */
    public List<SegmentFigure> segments(RollupFilter filter, ReportingRules rules) {
        var scope = scope();
        if (scope.limited()) {
            return all(filter, rules).stream()
                    .filter(f -> f.segmentId() != null && scope.covers(f.segmentId()))
                    .toList();
        }
        return all(filter, rules);
    }

    private List<SegmentFigure> all(RollupFilter filter, ReportingRules rules) {
        Periods periods = Periods.of(filter.from(), filter.to());
        ScoreRollups rollups = rollups();
        RollupFilter previousFilter = filter.between(periods.previousFrom(), periods.previousTo());
        Map<Long, ScoreCounts> now = rollups.bySegment(filter);
        Map<Long, ScoreCounts> before = rollups.bySegment(previousFilter);
        List<SegmentFigure> figures = new ArrayList<>();
        figures.add(figure(
                null,
                rollups.total(filter.inSegment(null)),
                rollups.total(previousFilter.inSegment(null)),
                filter.metric(),
                rules));
        var ids = new java.util.TreeSet<>(now.keySet());
        ids.addAll(before.keySet());
        for (Long id : ids) {
            figures.add(figure(
                    id,
                    now.getOrDefault(id, ScoreCounts.empty()),
                    before.getOrDefault(id, ScoreCounts.empty()),
                    filter.metric(),
                    rules));
        }
        return figures;
    }

    private static SegmentFigure figure(
            Long id, ScoreCounts now, ScoreCounts before, Metric metric, ReportingRules rules) {
        Estimate current = Estimator.estimate(metric, now, rules);
        Estimate previous = Estimator.estimate(metric, before, rules);
        return new SegmentFigure(id, current, previous, ChangeTest.compare(previous, current));
    }

    /** The days before and from a marker, and whether the change is significant. */
    public record BeforeAfter(
            LocalDate beforeFrom,
            LocalDate beforeTo,
            LocalDate afterFrom,
            LocalDate afterTo,
            Estimate before,
            Estimate after,
            Significance change) {}

    /** {@code days} days before the marker's day against the marker's day and the {@code days - 1} after it. */
    public BeforeAfter beforeAfter(RollupFilter filter, LocalDate marker, int days, ReportingRules rules) {
        LocalDate beforeFrom = marker.minusDays(days);
        LocalDate beforeTo = marker.minusDays(1);
        LocalDate afterTo = marker.plusDays(days - 1L);
        Estimate before = total(filter.between(beforeFrom, beforeTo), rules);
        Estimate after = total(filter.between(marker, afterTo), rules);
        return new BeforeAfter(beforeFrom, beforeTo, marker, afterTo, before, after, ChangeTest.compare(before, after));
    }

    /** Every marker with its before/after comparison over {@code days} days on each side, for the report. */
    public List<DashboardReport.MarkerImpact> impacts(
            RollupFilter filter,
            List<app.resonance.analytics.entity.TrendMarker> markers,
            int days,
            ReportingRules rules) {
        return markers.stream()
                .map(m -> new DashboardReport.MarkerImpact(m, beforeAfter(filter, m.date(), days, rules)))
                .toList();
    }
}
