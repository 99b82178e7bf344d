package app.resonance.surveys.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.ProblemMappers;
import app.resonance.surveys.control.SurveyEditor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** The survey designer's refusals as problems: 422 with the bad fields, 409 for a taken slug or a wrong state. */
public final class SurveyProblems {

    private SurveyProblems() {}

    @Provider
    public static class Invalid extends ProblemMappers.Localized<SurveyEditor.InvalidSurveyException> {
        @Override
        public Response toResponse(SurveyEditor.InvalidSurveyException e) {
            return ProblemException.invalid("problem.invalidSurvey", e.errors())
                    .problem(messages())
                    .toResponse();
        }
    }

    @Provider
    public static class SlugTaken extends ProblemMappers.Localized<SurveyEditor.SlugTakenException> {
        @Override
        public Response toResponse(SurveyEditor.SlugTakenException e) {
            return ProblemException.conflict("problem.slugTaken", e.slug())
                    .problem(messages())
                    .toResponse();
        }
    }

    @Provider
    public static class NoDraft extends ProblemMappers.Localized<SurveyEditor.NoDraftException> {
        @Override
        public Response toResponse(SurveyEditor.NoDraftException e) {
            return ProblemException.conflict("problem.noDraft", e.slug())
                    .problem(messages())
                    .toResponse();
        }
    }
}
