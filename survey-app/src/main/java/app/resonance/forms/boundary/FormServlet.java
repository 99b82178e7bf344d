package app.resonance.forms.boundary;

import app.resonance.forms.control.PublicForms;
import app.resonance.forms.control.PublicForms.PageResult;
import app.resonance.forms.control.PublicForms.Respondent;
import app.resonance.forms.control.PublicForms.ScoreOutcome;
import app.resonance.forms.control.SubmissionGuard;
import app.resonance.platform.boundary.DatabaseUnavailable;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.FormValues;
import app.resonance.responses.control.SubmissionMetrics;
import app.resonance.responses.control.Tokens;
import app.resonance.responses.entity.Channel;
import app.resonance.responses.entity.Invitation;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseStatus;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public survey pages. {@code /s/{slug}}: the anonymous public link; {@code /s/{slug}/r/{token}}: an
 * anonymous response to resume; {@code /i/{token}}: a personal invitation ({@code ?score=N} for a
 * one-click score from an email, recorded by {@code POST /i/{token}/score}, never by the GET that mail
 * scanners also follow). Pages are saved one at a time (post, redirect, get).
 */
@WebServlet(urlPatterns = {"/s/*", "/i/*", "/privacy"})
public class FormServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(FormServlet.class.getName());
    private static final Pattern SURVEY_PATH = Pattern.compile("/([a-z0-9-]{1,80})(?:/r/([A-Za-z0-9_-]{43}))?/?");
    private static final Pattern INVITATION_PATH = Pattern.compile("/([A-Za-z0-9_-]{43})(/score)?/?");
    static final int MAX_FIELDS = 2_000;

    @Inject
    PublicForms forms;

    @Inject
    SubmissionGuard guard;

    @Inject
    SubmissionMetrics metrics;

    @Inject
    Clock clock;

    /** A request's survey, respondent and language, and where its form posts to. */
    record Visit(
            Survey survey,
            SurveyVersion version,
            Response response,
            Invitation invitation,
            String resumeToken,
            String path,
            String lang,
            Messages messages) {

        boolean isNew() {
            return response == null;
        }

        String customerName() {
            return invitation == null ? null : invitation.customer().name();
        }

        Respondent respondent() {
            return new Respondent(survey.id(), invitation == null ? null : invitation.id(), resumeToken);
        }

        /** Who sends the page, for the one-respondent rule of form stamps. */
        String respondentKey() {
            return invitation == null ? "resume:" + resumeToken : "invitation:" + invitation.id();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/privacy".equals(request.getServletPath())) {
            message(request, response, 200, Pages.language(request, null), "privacy", null);
            return;
        }
        try {
            Optional<Visit> visit = visit(request, response);
            if (visit.isEmpty()) {
                return;
            }
            show(request, response, visit.get());
        } catch (RuntimeException e) {
            failed(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.setCharacterEncoding("UTF-8");
            // Browsers send forms with their length; a body of unknown length is not parsed (size limit).
            if (request.getContentLengthLong() < 0
                    || request.getParameterMap().size() > MAX_FIELDS
                    || !sameOrigin(request)) {
                message(request, response, 400, Pages.language(request, null), "form.badRequest", null);
                return;
            }
            Optional<Visit> visit = visit(request, response);
            if (visit.isEmpty()) {
                return;
            }
            Optional<Duration> wait =
                    guard.throttle(clientAddress(request), visit.get().survey().slug(), clock.instant());
            if (wait.isPresent()) {
                metrics.rejected(visit.get().survey().slug(), "rate-limit");
                response.setHeader("Retry-After", Long.toString(wait.get().toSeconds()));
                message(
                        request,
                        response,
                        429,
                        visit.get().lang(),
                        "form.tooMany",
                        null,
                        wait.get().toSeconds());
                return;
            }
            if (request.getRequestURI().endsWith("/score")) {
                score(request, response, visit.get());
            } else {
                save(request, response, visit.get());
            }
        } catch (RuntimeException e) {
            failed(request, response, e);
        }
    }

    /** Finds what the URL points at, or answers with the page that says why there is nothing to answer. */
    private Optional<Visit> visit(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
        Messages messages = Messages.of(Locale.forLanguageTag(lang));
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
        return Optional.of(new Visit(survey, version, answer, invitation, resumeToken, path, lang, messages));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        Response answer = visit.response();
        FormValues stored = answer == null ? FormValues.empty() : FormValues.ofAnswers(answer.answers());
        boolean complete = answer != null && answer.status() == ResponseStatus.COMPLETE;
        boolean changeable = visit.survey().answerPolicy() == AnswerPolicy.CHANGEABLE;
        Pages pages = new Pages(request, visit, guard.stamp(clock.instant()));
        if (complete && request.getParameter("done") != null) {
            FormView.Link change = changeable
                    ? new FormView.Link(
                            pages.pageHref(visit.path(), 0), visit.messages().get("form.changeAnswers"))
                    : null;
            FormRenderer.message(response, 200, pages.message("form.thanks", change));
            return;
        }
        if (complete && !changeable) {
            FormRenderer.message(response, 200, pages.message("form.answered", null));
            return;
        }
        Integer score = oneClickScore(request, visit);
        if (score != null) {
            Question question = PublicForms.scoreQuestion(visit.version()).orElseThrow();
            FormValues preselected = stored.with(
                    List.of(question), FormValues.of(Map.of("q." + question.key(), List.of(score.toString()))));
            FormRenderer.form(response, 200, pages.form(question.page(), preselected, List.of(), score));
            return;
        }
        int requested = intParameter(request, "page", 0);
        FormRenderer.form(
                response, 200, pages.form(pages.allowedPage(requested, stored, answer), stored, List.of(), null));
    }

    private static Integer oneClickScore(HttpServletRequest request, Visit visit) {
        String score = request.getParameter("score");
        if (visit.invitation() == null || score == null || !score.matches("\\d{1,2}")) {
            return null;
        }
        return PublicForms.scoreQuestion(visit.version())
                .filter(q -> q.inScale(Integer.parseInt(score)))
                .map(q -> Integer.parseInt(score))
                .orElse(null);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String slug = visit.survey().slug();
        Pages pages = new Pages(request, visit, guard.stamp(clock.instant()));
        FormValues submitted = FormValues.of(fields(request));
        int page = intParameter(request, "page", 1);
        String honeypot = request.getParameter("website");
        if (honeypot != null && !honeypot.isEmpty()) {
            // A bot filled in the field people never see: it is told "thank you", nothing is stored.
            metrics.rejected(slug, "honeypot");
            FormRenderer.message(response, 200, pages.message("form.thanks", null));
            return;
        }
        boolean complete = visit.response() != null && visit.response().status() == ResponseStatus.COMPLETE;
        if (complete && visit.survey().answerPolicy() == AnswerPolicy.SINGLE_ANSWER) {
            // Sent twice (a double click on "Send"): the first one counted.
            redirect(response, visit.path() + "?done=1&lang=" + visit.lang());
            return;
        }
        FormValues stored = visit.response() == null
                ? FormValues.empty()
                : FormValues.ofAnswers(visit.response().answers());
        List<Question> onPage = visit.version().questions().stream()
                .filter(q -> q.page() == page)
                .toList();
        if (onPage.isEmpty()) {
            message(request, response, 400, visit.lang(), "form.badRequest", visit.version());
            return;
        }
        FormValues shown = stored.with(onPage, submitted);
        switch (guard.check(request.getParameter("stamp"), visit.respondentKey(), clock.instant())) {
            case TOO_FAST -> {
                metrics.rejected(slug, "too-fast");
                FormRenderer.form(
                        response,
                        200,
                        pages.formWithNotice(page, shown, visit.messages().get("form.tooFast")));
                return;
            }
            case TOO_OLD -> {
                metrics.rejected(slug, "stamp-too-old");
                FormRenderer.form(
                        response,
                        200,
                        pages.formWithNotice(page, shown, visit.messages().get("form.stampTooOld")));
                return;
            }
            case USED_BY_ANOTHER -> {
                // one stamp replayed for many new responses (a bot): the first respondent's counted, no other
                metrics.rejected(slug, "stamp-reused");
                message(request, response, 409, visit.lang(), "form.stampUsed", visit.version());
                return;
            }
            case FINE -> {
                // a person's page, sent once or again by the same respondent
            }
        }
        Channel channel = visit.invitation() == null ? Channel.LINK : Channel.INVITATION;
        String client = guard.clientKey(clientAddress(request));
        PageResult result;
        try {
            result = forms.savePage(
                    visit.respondent(), page, submitted, visit.lang(), channel, visit.messages(), client);
        } catch (RuntimeException raced) {
            if (DatabaseUnavailable.isCause(raced)) {
                throw raced;
            }
            // Two submissions of the same first page at once: one created the response, the other updates it.
            result = forms.savePage(
                    visit.respondent(), page, submitted, visit.lang(), channel, visit.messages(), client);
        }
        if (!result.isValid()) {
            metrics.rejected(slug, "invalid");
            FormRenderer.form(response, 422, pages.form(page, shown, result.errors(), null));
            return;
        }
        String path = visit.invitation() != null ? visit.path() : "/s/" + slug + "/r/" + visit.resumeToken();
        if (result.complete()) {
            metrics.outcome(slug, "complete");
            redirect(response, path + "?done=1&lang=" + visit.lang());
        } else {
            metrics.outcome(slug, "page");
            redirect(response, path + "?page=" + result.nextPage().orElseThrow() + "&lang=" + visit.lang());
        }
    }

    private void score(HttpServletRequest request, HttpServletResponse response, Visit visit) throws IOException {
        String score = request.getParameter("score");
        if (visit.invitation() == null || score == null || !score.matches("\\d{1,2}")) {
            response.sendError(400);
            return;
        }
        ScoreOutcome outcome = forms.recordScore(visit.invitation().id(), Integer.parseInt(score), visit.lang());
        switch (outcome) {
            case RECORDED -> {
                metrics.outcome(visit.survey().slug(), "one-click");
                response.setStatus(204);
            }
            case ALREADY_ANSWERED -> response.sendError(409);
            default -> response.sendError(422);
        }
    }

    private static void redirect(HttpServletResponse response, String path) {
        response.setStatus(303);
        response.setHeader("Location", path);
    }

    private static Map<String, List<String>> fields(HttpServletRequest request) {
        var fields = new java.util.LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("q.") && name.length() <= 100) {
                fields.put(name, Arrays.asList(values));
            }
        });
        return fields;
    }

    static int intParameter(HttpServletRequest request, String name, int fallback) {
        String value = request.getParameter(name);
        return value != null && value.matches("\\d{1,3}") ? Integer.parseInt(value) : fallback;
    }

    /** A post must come from a page of this application (or from a client that sends no Origin). */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && (host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    private void message(
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

    private void failed(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        if (response.isCommitted()) {
            throw e;
        }
        response.resetBuffer();
        String lang = Pages.language(request, null);
        if (DatabaseUnavailable.isCause(e)) {
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            message(request, response, 503, lang, "form.unavailable", null);
            return;
        }
        LOG.log(Level.SEVERE, "Public form failed: " + request.getRequestURI(), e);
        message(request, response, 500, lang, "form.unavailable", null);
    }
}
