package app.resonance.console.surveys;

import app.resonance.console.platform.Faces;
import app.resonance.surveys.control.SurveyEditor;
import app.resonance.surveys.control.SurveyTemplates;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Creates a survey from a template or from scratch, then opens the designer. */
@Named
@RequestScoped
public class NewSurveyView {

    @Inject
    SurveyEditor editor;

    private String slug;
    private String template = "relationship-nps";

    @Transactional
    public String create() {
        Survey survey;
        try {
            survey = editor.create(
                    SurveyTemplates.draft(template, slug == null ? null : slug.strip()), Faces.messages());
        } catch (SurveyEditor.InvalidSurveyException e) {
            Faces.fieldErrors("survey", e.errors());
            return null;
        } catch (SurveyEditor.SlugTakenException e) {
            Faces.fieldErrors("survey", List.of(Faces.messages().error("slug", "duplicate")));
            return null;
        }
        return "/admin/manage/designer?faces-redirect=true&slug=" + survey.slug();
    }

    public List<String> getTemplates() {
        List<String> all = new ArrayList<>(SurveyTemplates.KEYS);
        all.add("blank");
        return all;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }
}
