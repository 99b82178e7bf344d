package app.resonance.console.analytics;

import app.resonance.analytics.control.Estimate;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.distribution.control.WaveStats;
import java.time.LocalDate;
import java.util.List;

/** Everything the dashboard page shows for the current filters. */
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
        List<Long> scoreCounts) {

    /** One headline figure. {@code selected}: of the chosen survey; otherwise every survey of the metric. */
    public record Tile(Metric metric, boolean selected, Estimate estimate) {}
}
