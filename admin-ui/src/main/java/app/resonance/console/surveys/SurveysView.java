package app.resonance.console.surveys;

import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** All surveys with status, versions, title, responses and the newest response. */
@Named
@RequestScoped
public class SurveysView {

    @Inject
    SurveyCatalog catalog;

    private List<Survey> surveys;
    private java.util.Map<Long, SurveyCatalog.Activity> activity;

    @PostConstruct
    void load() {
        surveys = catalog.all();
        activity = catalog.activity();
    }

    /** How many complete responses the survey has and when the newest came in. */
    public SurveyCatalog.Activity activity(Survey survey) {
        return activity.getOrDefault(survey.id(), SurveyCatalog.Activity.NONE);
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
