package app.resonance.surveys.boundary;

import app.resonance.platform.boundary.ProblemException;
import app.resonance.surveys.control.SurveyEditor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The survey designer's refusals as problems: 422 with the bad fields, 409 for a taken slug or a wrong state. */
public final class SurveyProblems {

    private SurveyProblems() {
    }

    @Provider
    public static class Invalid implements ExceptionMapper<SurveyEditor.InvalidSurveyException> {
        @Override
        public Response toResponse(SurveyEditor.InvalidSurveyException e) {
            return ProblemException.invalid("The survey definition has errors.", e.errors()).getResponse();
        }
    }

    @Provider
    public static class SlugTaken implements ExceptionMapper<SurveyEditor.SlugTakenException> {
        @Override
        public Response toResponse(SurveyEditor.SlugTakenException e) {
            return ProblemException.conflict(e.getMessage()).getResponse();
        }
    }

    @Provider
    public static class NoDraft implements ExceptionMapper<SurveyEditor.NoDraftException> {
        @Override
        public Response toResponse(SurveyEditor.NoDraftException e) {
            return ProblemException.conflict(e.getMessage()).getResponse();
        }
    }
}
