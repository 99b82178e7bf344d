package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.DashboardReports;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Analytics in the admin API: the trend series, the segment comparison with significance, the dashboard as
 * a PDF and a rebuild of the rollups (markers: {@link AdminMarkersResource}). Every figure comes from the
 * rollups and follows the minimum-responses and anonymity rules; the filters are the console's
 * {@link AnalyticsQuery}.
 */
@Path("admin/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminAnalyticsResource {

    @Inject
    TrendAnalysis analysis;

    @Inject
    TrendMarkers markers;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AnalyticsSettings settings;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    SegmentCatalog segments;

    @Inject
    DashboardReports reports;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    private Messages messages() {
        return RequestLanguage.messages(headers);
    }

    @GET
    @Path("trend")
    @Transactional
    @Operation(
            summary = "The trend of a metric by day, ISO week, month or quarter",
            description = "Each period has its figure with margin of error, or 'not enough responses'; markers in"
                    + " the range are listed. Default range: the last 365 days; default periods: months.")
    public AnalyticsJson.Trend trend(@BeanParam AnalyticsParameters parameters) {
        Messages messages = messages();
        AnalyticsQuery query = parameters.checked(
                validator, messages, queries.read(parameters.input(null), AnalyticsQuery.TREND_DAYS));
        var filter = query.filter();
        return new AnalyticsJson.Trend(
                filter.metric(),
                query.survey() == null ? "" : query.survey().slug(),
                filter.questionKey() == null ? "" : filter.questionKey(),
                query.segment() == null ? "" : query.segment().key(),
                query.granularity(),
                settings.zone().getId(),
                filter.from().toString(),
                filter.to().toString(),
                AnalyticsJson.estimate(analysis.total(filter, query.rules()), messages),
                analysis.trend(filter, query.granularity(), query.rules()).stream()
                        .map(point -> AnalyticsJson.point(point, messages))
                        .toList(),
                markers.between(filter.from(), filter.to(), filter.surveyId(), filter.segmentId()).stream()
                        .map(AnalyticsJson::marker)
                        .toList());
    }

    @GET
    @Path("reports/dashboard.pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(
            summary = "The dashboard as a PDF report",
            description = "Same filters as the trend (default: the last 365 days by month): the survey's title, the"
                    + " filters and the day it was made, the headline figure with n and margin, the trend drawn with"
                    + " its 95 % band, partial periods and markers, each marker's 'days' before against 'days' from"
                    + " it with the significance in words, the trend per period with n and margin, and the segments"
                    + " over the last 'days' of the range against the same number before (days: default 60)."
                    + " Language from Accept-Language (de, en).")
    @APIResponse(
            responseCode = "200",
            description = "The report as a PDF file (Content-Disposition names it resonance-dashboard.pdf)",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema =
                                    @Schema(type = SchemaType.STRING, format = "binary", description = "The PDF file")))
    public Response dashboardReport(@BeanParam WindowParameters parameters) {
        Messages messages = messages();
        AnalyticsQuery query =
                parameters.checked(validator, messages, queries.read(parameters.input(), AnalyticsQuery.TREND_DAYS));
        StreamingOutput body = out -> reports.write(query, messages, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"resonance-dashboard.pdf\"")
                .build();
    }

    @GET
    @Path("segments")
    @Transactional
    @Operation(
            summary = "Every segment's figure against the previous period of the same length, with significance",
            description = "Same filters as the trend (default range: the last 90 days). The first entry is all"
                    + " responses; 'change' is the z test of the difference to the previous period.")
    public AnalyticsJson.SegmentComparison segmentComparison(@BeanParam AnalyticsParameters parameters) {
        Messages messages = messages();
        AnalyticsQuery query = parameters.checked(
                validator, messages, queries.read(parameters.input(null), AnalyticsQuery.SEGMENT_DAYS));
        Map<Long, Segment> byId = segments.all().stream().collect(Collectors.toMap(Segment::id, Function.identity()));
        var periods =
                TrendAnalysis.Periods.of(query.filter().from(), query.filter().to());
        List<AnalyticsJson.SegmentRow> rows = new ArrayList<>();
        for (var figure : analysis.segments(query.filter(), query.rules())) {
            Segment segment = figure.segmentId() == null ? null : byId.get(figure.segmentId());
            if (figure.segmentId() != null && segment == null) {
                continue; // a segment deleted since
            }
            rows.add(new AnalyticsJson.SegmentRow(
                    segment == null ? null : segment.key(),
                    segment == null
                            ? messages.get("analytics.allResponses")
                            : segment.name().in(messages.locale()),
                    AnalyticsJson.estimate(figure.current(), messages),
                    AnalyticsJson.estimate(figure.previous(), messages),
                    AnalyticsJson.significance(figure.change())));
        }
        return new AnalyticsJson.SegmentComparison(
                query.filter().metric(),
                settings.zone().getId(),
                periods.from().toString(),
                periods.to().toString(),
                periods.previousFrom().toString(),
                periods.previousTo().toString(),
                rows);
    }

    @POST
    @Path("rollups/rebuild")
    @Operation(summary = "Count every response again into the rollups (after a change of the console's time zone)")
    public AnalyticsJson.Rebuild rebuild() throws SQLException {
        return new AnalyticsJson.Rebuild(maintenance.rebuild(), settings.zone().getId());
    }
}
