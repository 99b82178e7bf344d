package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Metric;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.analytics.control.RollupFilter;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.analytics.control.TrendPoint;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.console.platform.Faces;
import app.resonance.distribution.control.WaveStats;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes what the dashboard shows for one {@link AnalyticsQuery} (the query model the admin API and the
 * PDF report use too): the tiles, the trend with its markers and chart, the before/after around the chosen
 * marker, the segments, the invitation waves and the score distribution. It asks the analytics control
 * classes and only arranges their answers for the page; it computes no figure of its own.
 */
@ApplicationScoped
public class DashboardFigures {

    @Inject
    app.resonance.platform.control.DataScopes scopes;

    @Inject
    TrendAnalysis analysis;

    @Inject
    TrendMarkers markerStore;

    @Inject
    AnalyticsSettings settings;

    @Inject
    SurveyCatalog surveys;

    @Inject
    WaveStats waveStats;

    /** {@code markerId}: the marker chosen for the before/after (null: the first in range). */
    public Dashboard compute(AnalyticsQuery query, Long markerId) {
        RollupFilter rollups = query.filter();
        Metric metric = rollups.metric();
        ReportingRules rules = query.rules();
        List<Dashboard.Tile> tiles = new ArrayList<>();
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
            tiles.add(new Dashboard.Tile(m, own, analysis.total(f, r)));
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
                .filter(m -> markerId == null || m.id().equals(markerId))
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
                // invitation waves are company-wide figures: none for a user limited to some segments
                scopes.current().limited() ? List.of() : waveStats.of(query.survey()),
                counts.isPresent()
                        ? TrendChart.bars(scoreLabels, scoreCounts, Faces.text("dashboard.responses"))
                        : null,
                scoreLabels,
                scoreCounts);
    }

    private boolean anyAnonymous(Metric metric) {
        return surveys.all().stream().anyMatch(s -> s.anonymous() && AnalyticsQuery.metricOf(s) == metric);
    }
}
