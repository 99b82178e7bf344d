package app.resonance.surveys.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public definition of an open survey. */
@Path("surveys")
@RequestScoped
@Tag(name = "Public surveys")
public class SurveysResource {

    @Inject
    SurveyCatalog catalog;

    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published definition of an open survey")
    @APIResponse(
            responseCode = "200",
            description = "The survey's published version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SurveyDefinition")))
    @APIResponse(responseCode = "404", description = "No survey with this slug, or not published")
    @APIResponse(responseCode = "410", description = "The survey is closed")
    public SurveyJson.Definition definition(@PathParam("slug") String slug) {
        Survey survey = openSurvey(catalog, slug);
        return SurveyJson.definition(survey, survey.publishedVersion().orElseThrow());
    }

    /** The survey behind a public slug, if it takes answers: 404 when unknown or unpublished, 410 when closed. */
    public static Survey openSurvey(SurveyCatalog catalog, String slug) {
        Survey survey = catalog.published(slug)
                .filter(s -> s.publishedVersion().isPresent())
                .orElseThrow(() -> ProblemException.notFound("problem.surveyNotFound", safe(slug)));
        Survey.Availability availability = survey.availability(catalog.now());
        if (availability != Survey.Availability.OPEN) {
            throw refusal(availability, survey.slug());
        }
        if (survey.responseLimit().isPresent()
                && catalog.completeResponses(survey) >= survey.responseLimit().get()) {
            throw new ProblemException(
                    "response-limit-reached", 410, "Gone", "problem.limitReached", java.util.List.of());
        }
        return survey;
    }

    /** The answer to a survey that takes no answers: 410 closed, 409 not yet open, 404 unpublished. */
    public static ProblemException refusal(Survey.Availability availability, String slug) {
        return switch (availability) {
            case CLOSED -> ProblemException.gone("problem.surveyClosed", safe(slug));
            case NOT_YET_OPEN ->
                new ProblemException("survey-not-open", 409, "Conflict", "problem.surveyNotOpen", java.util.List.of());
            default -> ProblemException.notFound("problem.surveyNotFound", safe(slug));
        };
    }

    public static SurveyVersion openVersion(SurveyCatalog catalog, String slug) {
        return openSurvey(catalog, slug).publishedVersion().orElseThrow();
    }

    private static String safe(String slug) {
        return slug != null && slug.length() <= 80 && slug.matches("[a-z0-9-]*") ? slug : "?";
    }
}
