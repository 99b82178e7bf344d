package app.resonance.console.surveys;

import app.resonance.surveys.control.SurveySettings;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.ContactKind;
import app.resonance.surveys.entity.Survey;
import java.io.Serializable;
import java.util.Date;
import java.util.List;

/**
 * The designer's operational settings form (opening and closing time, response limit, answer policy,
 * allowed origins, hidden fields, relationship or transactional): not versioned, they apply at once when saved.
 */
public class DesignerSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private Date opensAt;
    private Date closesAt;
    private Integer responseLimit;
    private String answerPolicy;
    private String allowedOrigins;
    private String hiddenFields;
    private String contactKind;

    void read(Survey survey) {
        opensAt = survey.opensAt().map(Date::from).orElse(null);
        closesAt = survey.closesAt().map(Date::from).orElse(null);
        responseLimit = survey.responseLimit().orElse(null);
        answerPolicy = survey.answerPolicy().name();
        allowedOrigins = String.join("\n", survey.allowedOrigins());
        hiddenFields = String.join(", ", survey.hiddenFields());
        contactKind = survey.contactKind().name();
    }

    /** The form as the editor takes it: origins split at white space or commas. */
    SurveySettings settings() {
        return new SurveySettings(
                opensAt == null ? null : opensAt.toInstant(),
                closesAt == null ? null : closesAt.toInstant(),
                responseLimit,
                answerPolicy,
                words(allowedOrigins),
                words(hiddenFields),
                contactKind);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : java.util.Arrays.stream(text.split("[\\s,]+"))
                        .filter(o -> !o.isBlank())
                        .toList();
    }

    public String getHiddenFields() {
        return hiddenFields;
    }

    public void setHiddenFields(String hiddenFields) {
        this.hiddenFields = hiddenFields;
    }

    public ContactKind[] getContactKinds() {
        return ContactKind.values();
    }

    public String getContactKind() {
        return contactKind;
    }

    public void setContactKind(String contactKind) {
        this.contactKind = contactKind;
    }

    public AnswerPolicy[] getAnswerPolicies() {
        return AnswerPolicy.values();
    }

    public Date getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(Date opensAt) {
        this.opensAt = opensAt;
    }

    public Date getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(Date closesAt) {
        this.closesAt = closesAt;
    }

    public Integer getResponseLimit() {
        return responseLimit;
    }

    public void setResponseLimit(Integer responseLimit) {
        this.responseLimit = responseLimit;
    }

    public String getAnswerPolicy() {
        return answerPolicy;
    }

    public void setAnswerPolicy(String answerPolicy) {
        this.answerPolicy = answerPolicy;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }
}
