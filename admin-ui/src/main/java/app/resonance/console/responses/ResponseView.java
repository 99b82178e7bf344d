package app.resonance.console.responses;

import app.resonance.analytics.control.ResponseDetails;
import app.resonance.console.platform.Faces;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One whole response ({@code /admin/response.xhtml?survey=&id=}): every answer under its question in the console's
 * language, the hidden fields, the customer, the follow-up task and the customer's earlier responses, as the API's
 * {@link ResponseDetails} reads them.
 */
@Named
@ViewScoped
public class ResponseView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ResponseDetails details;

    @Inject
    transient SurveyCatalog surveys;

    private String survey;
    private String id;
    private ResponseDetails.Detail detail;

    public void load() {
        long number;
        try {
            number = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            Faces.error("response.notFound");
            return;
        }
        detail = surveys.bySlug(survey == null ? "" : survey)
                .flatMap(s -> details.of(s.id(), number, Faces.locale()))
                .orElse(null);
        if (detail == null) {
            Faces.error("response.notFound");
        }
    }

    public ResponseDetails.Detail getDetail() {
        return detail;
    }

    /** The hidden fields as a list for the page's table. */
    public List<Map.Entry<String, String>> getHiddenFields() {
        return detail == null ? List.of() : List.copyOf(detail.hiddenFields().entrySet());
    }

    /** The attributes of the event whose invitation the response answers, for the page's table. */
    public List<Map.Entry<String, String>> getEventAttributes() {
        return detail == null ? List.of() : List.copyOf(detail.eventAttributes().entrySet());
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
