package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.RollupMaintenance;
import app.resonance.analytics.control.TrendAnalysis;
import app.resonance.analytics.control.TrendMarkers;
import app.resonance.analytics.entity.TrendMarker;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Analytics in the admin API: the trend series, the segment comparison with significance, trend markers
 * with their before/after comparison, and a rebuild of the rollups. Every figure comes from the rollups
 * and follows the minimum-responses and anonymity rules.
 */
@Path("admin/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminAnalyticsResource {

    static final int TREND_DAYS = 365;
    static final int MAX_POINTS = 4000;

    @Inject
    TrendAnalysis analysis;

    @Inject
    TrendMarkers markers;

    @Inject
    AnalyticsSettings settings;

    @Inject
    RollupMaintenance maintenance;

    @Inject
    SurveyCatalog surveys;

    @Inject
    SegmentCatalog segments;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    private AnalyticsQuery query(int defaultDays) {
        return AnalyticsQuery.read(
                uri.getQueryParameters(),
                surveys,
                segments,
                settings.zone(),
                LocalDate.now(clock.withZone(settings.zone())),
                settings::rules,
                defaultDays,
                messages());
    }

    private Messages messages() {
        return RequestLanguage.messages(headers);
    }

    @GET
    @Path("trend")
    @Transactional
    @Operation(
            summary = "The trend of a metric by day, ISO week, month or quarter",
            description = "Query: metric (NPS, CSAT, CES, RATING; default the survey's kind), survey (slug), question"
                    + " (key), segment (key), channel, locale, from and to (YYYY-MM-DD in the console's time zone;"
                    + " default the last 365 days), granularity (DAY, WEEK, MONTH, QUARTER; default MONTH). Each"
                    + " period has its figure with margin of error, or 'not enough responses'; markers in the range"
                    + " are listed.")
    public AnalyticsJson.Trend trend() {
        AnalyticsQuery query = query(TREND_DAYS);
        var filter = query.filter();
        long periods = countPeriods(query);
        if (periods > MAX_POINTS) {
            throw new ProblemException(
                    "invalid-parameters",
                    400,
                    "Bad Request",
                    "problem.invalidParameters",
                    List.of(messages().error("granularity", "tooMany", MAX_POINTS)));
        }
        Messages messages = messages();
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

    private static long countPeriods(AnalyticsQuery query) {
        long n = 0;
        var g = query.granularity();
        for (LocalDate start = g.start(query.filter().from());
                !start.isAfter(query.filter().to()) && n <= MAX_POINTS;
                start = g.next(start)) {
            n++;
        }
        return n;
    }

    @GET
    @Path("reports/dashboard.pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(
            summary = "The dashboard as a PDF report",
            description = "Same filters as the trend (default: the last 365 days by month): the survey's title, the"
                    + " filters and the day it was made, the headline figure with n and margin, the trend drawn with"
                    + " its 95 % band, partial periods and markers, each marker's 60 days before against 60 days from"
                    + " it with the significance in words, the trend per period with n and margin, and the segments"
                    + " over the last 60 days of the range against the 60 before. Language from Accept-Language"
                    + " (de, en).")
    public Response dashboardReport() {
        AnalyticsQuery query = query(TREND_DAYS);
        if (countPeriods(query) > MAX_POINTS) {
            throw new ProblemException(
                    "invalid-parameters",
                    400,
                    "Bad Request",
                    "problem.invalidParameters",
                    List.of(messages().error("granularity", "tooMany", MAX_POINTS)));
        }
        Messages messages = messages();
        var filter = query.filter();
        Map<Long, String> names = segments.all().stream()
                .collect(Collectors.toMap(
                        Segment::id,
                        s -> "de".equals(messages.locale().getLanguage())
                                ? s.name().de()
                                : s.name().en()));
        LocalDate segmentsFrom = filter.to().minusDays(59);
        var content = new app.resonance.analytics.control.DashboardReport.Content(
                query.survey() == null
                        ? messages.get("report.allSurveys")
                        : query.survey()
                                .publishedVersion()
                                .orElse(query.survey().latestVersion())
                                .title()
                                .in(messages.locale()),
                query.segment() == null
                        ? messages.get("report.allSegments")
                        : names.get(query.segment().id()),
                filter.channel(),
                filter.locale(),
                filter.from(),
                filter.to(),
                query.granularity(),
                LocalDate.now(clock.withZone(settings.zone())),
                analysis.total(filter, query.rules()),
                analysis.trend(filter, query.granularity(), query.rules()),
                segmentsFrom,
                filter.to(),
                analysis.segments(filter.inSegment(null).between(segmentsFrom, filter.to()), query.rules()),
                names,
                analysis.impacts(
                        filter,
                        markers.between(filter.from(), filter.to(), filter.surveyId(), filter.segmentId()),
                        60,
                        query.rules()));
        jakarta.ws.rs.core.StreamingOutput body =
                out -> new app.resonance.analytics.control.DashboardReport(messages).write(content, out);
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
    public AnalyticsJson.SegmentComparison segmentComparison() {
        AnalyticsQuery query = query(90);
        Messages messages = messages();
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
                            : "de".equals(messages.locale().getLanguage())
                                    ? segment.name().de()
                                    : segment.name().en(),
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

    @GET
    @Path("markers")
    @Transactional
    @Operation(summary = "All trend markers, oldest first")
    public List<AnalyticsJson.Marker> markers() {
        return markers.all().stream().map(AnalyticsJson::marker).toList();
    }

    @POST
    @Path("markers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark an action on the trend (for example 'check-in calls started')")
    @APIResponse(
            responseCode = "201",
            description = "Marked; Location names the marker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Marker")))
    public Response addMarker(MarkerDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("problem.bodyRequired");
        }
        Messages messages = messages();
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = null;
        try {
            date = draft.date() == null ? null : LocalDate.parse(draft.date());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (date == null) {
            errors.add(messages.error("date", "markerDate"));
        }
        messages.checkText("label", draft.label(), true, TrendMarker.LABEL_MAX, errors);
        messages.checkText("description", draft.description(), false, TrendMarker.DESCRIPTION_MAX, errors);
        Survey survey = null;
        if (draft.survey() != null) {
            survey = surveys.bySlug(draft.survey()).orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        Segment segment = null;
        if (draft.segment() != null) {
            segment = segments.byKey(draft.segment()).orElse(null);
            if (segment == null) {
                errors.add(messages.error("segment", "unknownSegment"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidMarker", errors);
        }
        TrendMarker marker = markers.add(
                survey,
                segment,
                date,
                draft.label().strip(),
                draft.description() == null ? null : draft.description().strip(),
                security.getUserPrincipal().getName());
        return Response.created(URI.create("admin/analytics/markers/" + marker.id()))
                .entity(AnalyticsJson.marker(marker))
                .build();
    }

    @DELETE
    @Path("markers/{id}")
    @Transactional
    @Operation(summary = "Remove a trend marker")
    public Response removeMarker(@PathParam("id") String id) {
        if (!markers.remove(parseId(id))) {
            throw ProblemException.notFound("problem.markerNotFound");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("markers/{id}/impact")
    @Transactional
    @Operation(
            summary = "Did the action work? The figure in the days before the marker against the days from it",
            description = "Query: days (window on each side, 7 to 365, default 60) and the trend filters; survey and"
                    + " segment default to the marker's. The change is tested with a z test.")
    public AnalyticsJson.Impact impact(@PathParam("id") String id) {
        TrendMarker marker =
                markers.byId(parseId(id)).orElseThrow(() -> ProblemException.notFound("problem.markerNotFound"));
        var params = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        uri.getQueryParameters().forEach(params::put);
        if (!params.containsKey("survey")) {
            marker.survey().ifPresent(s -> params.putSingle("survey", s.slug()));
        }
        if (!params.containsKey("segment")) {
            marker.segment().ifPresent(s -> params.putSingle("segment", s.key()));
        }
        Messages messages = messages();
        int days = 60;
        String daysText = params.getFirst("days");
        if (daysText != null) {
            try {
                days = Integer.parseInt(daysText);
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 7 || days > 365) {
                throw new ProblemException(
                        "invalid-parameters",
                        400,
                        "Bad Request",
                        "problem.invalidParameters",
                        List.of(messages.error("days", "range", 7, 365)));
            }
        }
        params.remove("from");
        params.remove("to");
        params.remove("days");
        AnalyticsQuery query = AnalyticsQuery.read(
                params, surveys, segments, settings.zone(), marker.date(), settings::rules, 1, messages);
        var result = analysis.beforeAfter(query.filter(), marker.date(), days, query.rules());
        return new AnalyticsJson.Impact(
                AnalyticsJson.marker(marker),
                query.filter().metric(),
                days,
                AnalyticsJson.beforeAfter(result, messages));
    }

    @POST
    @Path("rollups/rebuild")
    @Operation(summary = "Count every response again into the rollups (after a change of the console's time zone)")
    public AnalyticsJson.Rebuild rebuild() throws SQLException {
        return new AnalyticsJson.Rebuild(maintenance.rebuild(), settings.zone().getId());
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.markerNotFound");
        }
    }
}
