package app.resonance.console.surveys;

import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** All surveys with status, versions and title. */
@Named
@RequestScoped
public class SurveysView {

    @Inject
    SurveyCatalog catalog;

    private List<Survey> surveys;

    @PostConstruct
    void load() {
        surveys = catalog.all();
    }

    public List<Survey> getSurveys() {
        return surveys;
    }

    public String title(Survey survey, String language) {
        SurveyVersion version = survey.latestVersion();
        return version.title() == null
                ? ""
                : ("de".equals(language)
                        ? version.title().de()
                        : version.title().en());
    }
}
