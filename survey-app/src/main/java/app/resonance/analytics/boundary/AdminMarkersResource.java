package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
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
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trend markers in the admin API: the actions marked on the trend, and whether each one worked. */
@Path("admin/analytics/markers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminMarkersResource {

    @Inject
    TrendAnalysis analysis;

    @Inject
    TrendMarkers markers;

    @Inject
    AnalyticsQueries queries;

    @Inject
    SurveyCatalog surveys;

    @Inject
    SegmentCatalog segments;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    @Transactional
    @Operation(summary = "All trend markers, oldest first")
    public List<AnalyticsJson.Marker> markers() {
        return markers.all().stream().map(AnalyticsJson::marker).toList();
    }

    @POST
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
        Messages messages = RequestLanguage.messages(headers);
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
    @Path("{id}")
    @Transactional
    @Operation(summary = "Remove a trend marker")
    @APIResponse(responseCode = "204", description = "Removed; the trend no longer shows it")
    public Response removeMarker(@PathParam("id") String id) {
        if (!markers.remove(parseId(id))) {
            throw ProblemException.notFound("problem.markerNotFound");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/impact")
    @Transactional
    @Operation(
            summary = "Did the action work? The figure in the days before the marker against the days from it",
            description = "The trend filters and days (window on each side, 7 to 365, default 60); survey and"
                    + " segment default to the marker's, from and to are the marker's day. The change is tested"
                    + " with a z test.")
    public AnalyticsJson.Impact impact(@PathParam("id") String id, @BeanParam WindowParameters parameters) {
        TrendMarker marker =
                markers.byId(parseId(id)).orElseThrow(() -> ProblemException.notFound("problem.markerNotFound"));
        Messages messages = RequestLanguage.messages(headers);
        AnalyticsQuery.Input input = parameters.input().on(marker.date());
        if (input.survey() == null && marker.survey().isPresent()) {
            input = input.withSurvey(marker.survey().get().slug());
        }
        if (input.segment() == null && marker.segment().isPresent()) {
            input = input.withSegment(marker.segment().get().key());
        }
        AnalyticsQuery query = parameters.checked(validator, messages, queries.read(input, 1, marker.date()));
        var result = analysis.beforeAfter(query.filter(), marker.date(), query.days(), query.rules());
        return new AnalyticsJson.Impact(
                AnalyticsJson.marker(marker),
                query.filter().metric(),
                query.days(),
                AnalyticsJson.beforeAfter(result, messages));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.markerNotFound");
        }
    }
}
