package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Crosstabs;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Question;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A matrix question of a survey row by row, under the analytics API's filters and reporting rules (every role
 * that reads analytics may read it).
 */
@Path("admin/surveys/{slug}/matrix")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminMatrixResource {

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
            summary = "A matrix question row by row: the spread over its columns and the mean, with margins",
            description = "Per row of the matrix: the respondents who answered it, per column count, share and"
                    + " 95 % margin, and the mean of the columns' positions (1 = first column) with its 95 % margin"
                    + " (normal approximation). Rows below the minimum number of responses are suppressed. The rows"
                    + " are not tested against each other (paired answers); a row's crosstab"
                    + " (crosstab?question=KEY&row=ROW&by=...) tests it by segment, plan, month and more. Default"
                    + " range: the last 90 days. Bad parameters: 422 naming each; a question that is no matrix:"
                    + " 422 naming question.")
    public MatrixJson matrix(@PathParam("slug") String slug, @BeanParam MatrixParameters parameters)
            throws SQLException {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = surveys.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, parameters, messages));
        AnalyticsQuery.Result read = queries.readFilters(parameters.input(slug), Crosstabs.DEFAULT_DAYS);
        List<AnalyticsQuery.Complaint> complaints = new ArrayList<>(read.complaints());
        complaints.addAll(Crosstabs.checkMatrix(survey, parameters.question()));
        for (AnalyticsQuery.Complaint c : complaints) {
            if (!QueryParameters.named(errors, c.field())) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidParameters", errors);
        }
        Question matrix =
                Crosstabs.question(survey, parameters.question().strip()).orElseThrow();
        return MatrixJson.of(
                read.query(),
                matrix,
                settings.zone().getId(),
                crosstabs.matrix(read.query(), matrix, messages),
                messages);
    }
}
