package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Crosstab;
import app.resonance.analytics.control.CrosstabBy;
import app.resonance.analytics.control.CrosstabCsv;
import app.resonance.analytics.control.Crosstabs;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The crosstab of a survey's question by a grouping, under the analytics API's filters and reporting rules
 * (every role that reads analytics may read it).
 */
@Path("admin/surveys/{slug}/crosstab")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminCrosstabResource {

    @Inject
    SurveyCatalog surveys;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Crosstabs crosstabs;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(
            summary = "A question's answers by segment, plan, region, lifecycle stage, channel, language or another"
                    + " choice question, with significance",
            description = "Rows: a choice question's options (multiple choice: share of respondents choosing each),"
                    + " a matrix row's answers (the matrix's columns; the row named by row),"
                    + " or a score question's bands (NPS detractors 0-6, passives 7-8, promoters 9-10; CSAT 1-2,"
                    + " 3, 4-5; CES 1-3, 4, 5-7; a rating: each point). Columns: the groups; respondents without a"
                    + " value (no customer, no plan) are in none. Each cell: count, column share with its 95 %"
                    + " margin, a two-proportion z test against the rest of the row (the other shown columns;"
                    + " where columns overlap, everyone outside the column) and the p-value adjusted by Holm for"
                    + " all tested cells. The table: Pearson's chi-square with df and p, and Cochran's warning when"
                    + " more than 20 % of the cells expect fewer than 5; not applied to multiple choice or"
                    + " overlapping columns (respondents count more than once), where the Holm-adjusted cell tests"
                    + " stand alone. Columns below the minimum number of responses are suppressed: no counts, left"
                    + " out of all tests. Default range: the last 90 days. Bad parameters: 422 naming each.")
    public CrosstabJson crosstab(@PathParam("slug") String slug, @BeanParam CrosstabParameters parameters)
            throws SQLException {
        Read read = read(slug, parameters);
        return CrosstabJson.of(
                read.query(),
                read.question(),
                read.row(),
                read.by(),
                settings.zone().getId(),
                read.table(),
                read.messages());
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    @Transactional
    @Operation(
            summary = "The crosstab as CSV, one line per cell",
            description = "Same parameters and rules as the crosstab. Columns: row, row label, column, column label,"
                    + " the column's respondents and visibility, count, share, margin of error, z, p, p (Holm),"
                    + " direction, and the table's chi-square, df, p and Cochran warning on every line (empty"
                    + " without). Headers in the request's language; labels starting with =, +, -, @, tab or CR get"
                    + " a leading apostrophe. Suppressed columns have no numbers.")
    @APIResponse(
            responseCode = "200",
            description = "The crosstab as a CSV file (Content-Disposition names it)",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(type = SchemaType.STRING, format = "binary", description = "The CSV file")))
    public Response csv(@PathParam("slug") String slug, @BeanParam CrosstabParameters parameters) throws SQLException {
        Read read = read(slug, parameters);
        StreamingOutput body = out -> CrosstabCsv.write(read.table(), read.messages(), out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"resonance-crosstab-"
                                + read.query().survey().slug() + ".csv\"")
                .build();
    }

    /** A checked request and its table. */
    private record Read(
            AnalyticsQuery query, Question question, String row, CrosstabBy by, Crosstab table, Messages messages) {}

    /** Reads and checks the parameters (every bad one named in one 422) and counts the table. */
    private Read read(String slug, CrosstabParameters parameters) throws SQLException {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = surveys.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, parameters, messages));
        AnalyticsQuery.Result read = queries.readFilters(parameters.input(slug), Crosstabs.DEFAULT_DAYS);
        List<AnalyticsQuery.Complaint> complaints = new ArrayList<>(read.complaints());
        complaints.addAll(Crosstabs.check(survey, parameters.question(), parameters.row(), parameters.by()));
        if (read.valid()) {
            var days = read.query().filter();
            complaints.addAll(Crosstabs.checkPeriods(parameters.by(), days.from(), days.to()));
        }
        for (AnalyticsQuery.Complaint c : complaints) {
            if (!QueryParameters.named(errors, c.field())) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidParameters", errors);
        }
        Question question =
                Crosstabs.question(survey, parameters.question().strip()).orElseThrow();
        CrosstabBy by = CrosstabBy.parse(parameters.by()).orElseThrow();
        String row = question.type() == QuestionType.MATRIX ? parameters.row().strip() : null;
        return new Read(
                read.query(), question, row, by, crosstabs.table(read.query(), question, row, by, messages), messages);
    }
}
