package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.Drivers;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.QueryParameters;
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
 * The driver analysis of a survey under the analytics API's filters and reporting rules (every role that reads
 * analytics may read it).
 */
@Path("admin/surveys/{slug}/drivers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminDriversResource {

    @Inject
    SurveyCatalog surveys;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AnalyticsSettings settings;

    @Inject
    Drivers drivers;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(
            summary = "Which questions and comment topics move the survey's score, with bootstrap intervals",
            description = "Outcome: the survey's NPS, CSAT, CES or rating question (its score, 0-10 for NPS)."
                    + " Drivers: the other rating, CSAT and CES questions (one column each; responses missing one"
                    + " are left out), each single or multiple choice question (one 0/1 column per option, the"
                    + " question one driver) and the topics of the comments (0/1: a comment mentions it); an option"
                    + " or topic counts only with at least 5 responses with and 5 without it; at most 6 drivers,"
                    + " the questions first, then the most mentioned topics. Importance: each driver's Shapley share"
                    + " of the linear model's R² (LMG), with a 95 % percentile interval from 1000 bootstrap"
                    + " resamples of the responses (fixed seed 18: the same data give the same intervals). Drivers"
                    + " whose intervals overlap share a tier and are not ranked against each other. No ranking"
                    + " (status NOT_ENOUGH_RESPONSES) below the minimum number of responses or below ten responses"
                    + " per column; HIDDEN_FOR_ANONYMITY for an anonymous survey under five. The sentence says the"
                    + " finding in the request's language. Default range: the last 90 days. Bad parameters: 422"
                    + " naming each.")
    public DriversJson drivers(@PathParam("slug") String slug, @BeanParam ResponseFilterParameters parameters)
            throws SQLException {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = surveys.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, parameters, messages));
        AnalyticsQuery.Result read = queries.readFilters(parameters.input(slug), Drivers.DEFAULT_DAYS);
        List<AnalyticsQuery.Complaint> complaints = new ArrayList<>(read.complaints());
        if (Drivers.outcome(survey).isEmpty()) {
            complaints.add(new AnalyticsQuery.Complaint("survey", "driverOutcome"));
        }
        for (AnalyticsQuery.Complaint c : complaints) {
            if (!QueryParameters.named(errors, c.field())) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidParameters", errors);
        }
        return DriversJson.of(read.query(), settings.zone().getId(), drivers.analyse(read.query(), messages));
    }
}
