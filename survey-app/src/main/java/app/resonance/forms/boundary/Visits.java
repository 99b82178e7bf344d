package app.resonance.forms.boundary;

import app.resonance.forms.control.PublicForms;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.Tokens;
import app.resonance.responses.entity.Invitation;
import app.resonance.responses.entity.Response;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a public form URL points at: a survey's public link, a response to resume or a personal invitation, checked
 * for being open to answers now. When there is nothing to answer, the page that says why has been sent.
 */
final class Visits {

    private static final Pattern SURVEY_PATH = Pattern.compile("/([a-z0-9-]{1,80})(?:/r/([A-Za-z0-9_-]{43}))?/?");
    private static final Pattern INVITATION_PATH = Pattern.compile("/([A-Za-z0-9_-]{43})(/score)?/?");

    private final PublicForms forms;
    private final Clock clock;

    Visits(PublicForms forms, Clock clock) {
        this.forms = forms;
        this.clock = clock;
    }

    /** Finds what the URL points at, or answers with the page that says why there is nothing to answer. */
    Optional<Visit> find(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean invitationLink = "/i".equals(request.getServletPath());
        if (invitationLink) {
            Matcher m = INVITATION_PATH.matcher(info);
            Optional<Invitation> invitation = m.matches() ? forms.openInvitation(m.group(1)) : Optional.empty();
            if (invitation.isEmpty()) {
                message(request, response, 404, Pages.language(request, null), "form.invitationInvalid", null);
                return Optional.empty();
            }
            Survey survey = invitation.get().survey();
            Response answer = forms.answerTo(invitation.get().id()).orElse(null);
            return available(request, response, survey, answer, invitation.get(), null, "/i/" + m.group(1));
        }
        Matcher m = SURVEY_PATH.matcher(info);
        Optional<Survey> survey = m.matches() ? forms.survey(m.group(1)) : Optional.empty();
        if (survey.isEmpty() || survey.get().publishedVersion().isEmpty()) {
            message(request, response, 404, Pages.language(request, null), "form.notFound", null);
            return Optional.empty();
        }
        if (m.group(2) != null) {
            Optional<Response> resumed = forms.byResumeToken(m.group(2))
                    .filter(r -> r.survey().id().equals(survey.get().id()));
            if (resumed.isEmpty()) {
                message(request, response, 404, Pages.language(request, null), "form.notFound", null);
                return Optional.empty();
            }
            String path = "/s/" + survey.get().slug() + "/r/" + m.group(2);
            return available(request, response, survey.get(), resumed.get(), null, m.group(2), path);
        }
        // A new respondent: the token that will let them resume comes with the form, so that sending the
        // first page twice updates one response.
        String token = request.getParameter("resume");
        String resumeToken = "POST".equals(request.getMethod()) && Tokens.wellFormed(token) ? token : Tokens.random();
        Response started = "POST".equals(request.getMethod())
                ? forms.byResumeToken(resumeToken)
                        .filter(r -> r.survey().id().equals(survey.get().id()))
                        .orElse(null)
                : null;
        return available(
                request,
                response,
                survey.get(),
                started,
                null,
                resumeToken,
                "/s/" + survey.get().slug());
    }

    /** Checks that the survey takes answers now; a respondent who has started may finish despite the limit. */
    private Optional<Visit> available(
            HttpServletRequest request,
            HttpServletResponse response,
            Survey survey,
            Response answer,
            Invitation invitation,
            String resumeToken,
            String path)
            throws IOException {
        SurveyVersion version =
                answer != null ? answer.version() : survey.publishedVersion().orElse(null);
        String lang = Pages.language(request, version);
        Messages messages = Messages.respondent(lang);
        Instant now = clock.instant();
        switch (survey.availability(now)) {
            case UNPUBLISHED -> {
                message(request, response, 404, lang, "form.notFound", version);
                return Optional.empty();
            }
            case CLOSED -> {
                message(request, response, 410, lang, "form.closed", version);
                return Optional.empty();
            }
            case NOT_YET_OPEN -> {
                message(
                        request,
                        response,
                        200,
                        lang,
                        "form.notOpen",
                        version,
                        survey.opensAt()
                                .orElseThrow()
                                .toString()
                                .replace('T', ' ')
                                .replace("Z", ""));
                return Optional.empty();
            }
            default -> {
                // open
            }
        }
        if (answer == null && forms.limitReached(survey)) {
            message(request, response, 410, lang, "form.limit", version);
            return Optional.empty();
        }
        return Optional.of(new Visit(
                survey,
                version,
                answer,
                invitation,
                resumeToken,
                path,
                lang,
                messages,
                FormRequests.hiddenFields(request, survey.hiddenFields())));
    }

    /** Sends the page with one message (a status page: not found, closed, too many …). */
    static void message(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String lang,
            String key,
            SurveyVersion version,
            Object... args)
            throws IOException {
        FormRenderer.message(response, status, Pages.message(request, lang, version, key, null, args));
    }
}
