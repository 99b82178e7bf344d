package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQueries;
import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.BrowseQuery;
import app.resonance.analytics.control.ResponseBrowser;
import app.resonance.analytics.control.ResponseDetails;
import app.resonance.analytics.control.Topics;
import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.entity.Customer;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The response browser of a survey: its responses, filtered and paged by cursor, and one whole response (every
 * role that reads analytics may read them; anonymous surveys name no customer, as in the comments).
 */
@Path("admin/surveys/{slug}/responses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminResponseBrowserResource {

    @Inject
    SurveyCatalog surveys;

    @Inject
    AnalyticsQueries queries;

    @Inject
    AnalyticsSettings settings;

    @Inject
    CustomerDirectory customers;

    @Inject
    ResponseBrowser browser;

    @Inject
    Topics topics;

    @Inject
    ResponseDetails details;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(
            summary = "A survey's responses, newest first, filtered, a page at a time",
            description = "Filters: version, segment, channel, locale, from/to (days in the console's time zone;"
                    + " default the last ten years), band (of the survey's metric question), topic, q (search in the"
                    + " comments, case-insensitive) and customer (not for anonymous surveys). Pages by cursor: pass"
                    + " the answer's 'next' as cursor for the following page; responses arriving meanwhile neither"
                    + " repeat nor skip one. Bad parameters: 422 naming each; an unknown survey: 404.")
    public BrowseJson.Page list(@PathParam("slug") String slug, @BeanParam BrowseParameters parameters) {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = survey(slug);
        List<FieldError> errors = new ArrayList<>(QueryParameters.check(validator, parameters, messages));
        BrowseQuery.Result read = BrowseQuery.read(
                queries.readFilters(parameters.input(slug), BrowseQuery.DEFAULT_DAYS),
                parameters.browse(),
                id -> customers.byExternalId(id).map(Customer::id),
                topics::defined);
        for (AnalyticsQuery.Complaint c : read.complaints()) {
            if (!QueryParameters.named(errors, c.field())) {
                errors.add(messages.error(c.field(), c.code(), c.arguments().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("problem.invalidParameters", errors);
        }
        var browse = read.browse();
        return BrowseJson.Page.of(
                survey.slug(), browser.page(browse.filter(), settings.zone(), browse.cursor(), browse.limit()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(
            summary = "One whole response of the survey",
            description = "Every answer in question order with the question's text in the request's language (option"
                    + " labels too), hidden fields, customer and segments, the follow-up task and the customer's"
                    + " earlier responses; an anonymous survey's response names no customer, segments or earlier"
                    + " responses. 404 for an unknown survey or a response of another survey.")
    public BrowseJson.Detail response(@PathParam("slug") String slug, @PathParam("id") String id) {
        Messages messages = RequestLanguage.messages(headers);
        Survey survey = survey(slug);
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("problem.responseNotFound");
        }
        return details.of(survey.id(), number, messages.locale())
                .map(BrowseJson.Detail::of)
                .orElseThrow(() -> ProblemException.notFound("problem.responseNotFound"));
    }

    private Survey survey(String slug) {
        return surveys.bySlug(slug).orElseThrow(() -> ProblemException.notFound("problem.noSuchSurvey"));
    }
}
