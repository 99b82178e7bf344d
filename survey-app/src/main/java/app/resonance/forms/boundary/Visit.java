package app.resonance.forms.boundary;

import app.resonance.forms.control.PublicForms.Respondent;
import app.resonance.platform.control.Messages;
import app.resonance.responses.entity.Invitation;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.Map;

/**
 * A request's survey, respondent and language, where its form posts to, and the declared hidden fields the link
 * carried (kept in the form's hidden inputs until the response stores them).
 */
record Visit(
        Survey survey,
        SurveyVersion version,
        Response response,
        Invitation invitation,
        String resumeToken,
        String path,
        String lang,
        Messages messages,
        Map<String, String> hiddenFields) {

    boolean isNew() {
        return response == null;
    }

    String customerName() {
        return invitation == null ? null : invitation.customer().name();
    }

    /** The attributes of the event whose invitation this is (none: empty), for {@code {event.<name>}} piping. */
    Map<String, String> eventAttributes() {
        return invitation == null
                ? Map.of()
                : app.resonance.surveys.entity.HiddenFields.decode(invitation.eventAttributesEncoded());
    }

    Respondent respondent() {
        return new Respondent(survey.id(), invitation == null ? null : invitation.id(), resumeToken, hiddenFields);
    }

    /** Who sends the page, for the one-respondent rule of form stamps. */
    String respondentKey() {
        return invitation == null ? "resume:" + resumeToken : "invitation:" + invitation.id();
    }
}
