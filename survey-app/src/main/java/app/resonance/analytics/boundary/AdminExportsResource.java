package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.ExportFilter;
import app.resonance.analytics.control.ResponseExport;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Channel;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Response exports in the admin API, streamed as they are read: CSV (UTF-8 with BOM, RFC 4180) or XLSX,
 * with the dashboard's filters, formulas neutralised.
 */
@Path("admin/analytics/exports")
@RequestScoped
@Tag(name = "Admin: analytics")
public class AdminExportsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ResponseExport export;

    @Inject
    AnalyticsSettings settings;

    @Inject
    SurveyCatalog surveys;

    @Inject
    SegmentCatalog segments;

    @Context
    HttpHeaders headers;

    @GET
    @Path("responses")
    @Transactional
    @Operation(
            summary = "Export a survey's responses as CSV or XLSX, streamed",
            description = "Query: survey (slug, required), format (csv or xlsx, default csv), from and to (YYYY-MM-DD"
                    + " in the console's time zone), segment (key), channel, locale. One row per response, one"
                    + " column per question; texts starting with =, +, -, @, tab or CR get a leading apostrophe.")
    @APIResponse(
            responseCode = "200",
            description = "The export as a file (Content-Disposition names it); see the README for its columns",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING, format = "binary", description = "The CSV file")),
                @Content(
                        mediaType = XLSX,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", description = "The XLSX file"))
            })
    public Response responses(
            @Parameter(description = "The survey's slug", required = true, example = "relationship-nps")
                    @QueryParam("survey")
                    String slug,
            @Parameter(description = "csv (default) or xlsx", schema = @Schema(enumeration = {"csv", "xlsx"}))
                    @QueryParam("format")
                    String formatText,
            @QueryParam("from") String fromText,
            @QueryParam("to") String toText,
            @QueryParam("segment") String segmentKey,
            @QueryParam("channel") String channelText,
            @QueryParam("locale") String locale) {
        Messages messages = RequestLanguage.messages(headers);
        List<FieldError> errors = new ArrayList<>();
        Survey survey = null;
        if (slug == null) {
            errors.add(messages.error("survey", "required"));
        } else {
            survey = surveys.bySlug(slug).orElse(null);
            if (survey == null) {
                errors.add(messages.error("survey", "unknownSurvey"));
            }
        }
        ResponseExport.Format format = formatText == null
                ? ResponseExport.Format.CSV
                : QueryParameters.enumValue(ResponseExport.Format.class, formatText, "format", errors, messages);
        LocalDate from = QueryParameters.date(fromText, null, "from", errors, messages);
        LocalDate to = QueryParameters.date(toText, null, "to", errors, messages);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(messages.error("from", "fromAfterTo"));
        }
        Segment segment = null;
        if (segmentKey != null) {
            segment = segments.byKey(segmentKey).orElse(null);
            if (segment == null) {
                errors.add(messages.error("segment", "unknownSegment"));
            }
        }
        Channel channel = channelText == null
                ? null
                : QueryParameters.enumValue(Channel.class, channelText, "channel", errors, messages);
        if (locale != null && !locale.equals("de") && !locale.equals("en")) {
            errors.add(messages.error("locale", "oneOf", "de, en"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid-parameters", 400, "Bad Request", "problem.invalidParameters", errors);
        }
        // a user limited to some segments exports one of theirs; refused (403) before anything is streamed
        ExportFilter filter = export.scoped(new ExportFilter(
                survey.id(),
                from,
                to,
                segment == null ? null : segment.id(),
                channel == null ? null : channel.name(),
                locale,
                survey.anonymous()));
        var zone = settings.zone();
        var chosen = format;
        StreamingOutput body = out -> export.write(filter, zone, chosen, messages, out);
        boolean csv = format == ResponseExport.Format.CSV;
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : XLSX)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + survey.slug() + "-responses." + (csv ? "csv" : "xlsx") + "\"")
                .build();
    }
}
