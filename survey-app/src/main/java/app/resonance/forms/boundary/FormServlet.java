package app.resonance.forms.boundary;

import app.resonance.forms.control.PublicForms;
import app.resonance.forms.control.PublicForms.PageResult;
import app.resonance.forms.control.PublicForms.ScoreOutcome;
import app.resonance.forms.control.SubmissionGuard;
import app.resonance.platform.boundary.DatabaseUnavailable;
import app.resonance.responses.control.FormValues;
import app.resonance.responses.control.SubmissionMetrics;
import app.resonance.responses.entity.Channel;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseStatus;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.Question;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The public survey pages. {@code /s/{slug}}: the anonymous public link; {@code /s/{slug}/r/{token}}: an
 * anonymous response to resume; {@code /i/{token}}: a personal invitation ({@code ?score=N} for a
 * one-click score from an email, recorded by {@code POST /i/{token}/score}, never by the GET that mail
 * scanners also follow). Pages are saved one at a time (post, redirect, get). What a URL points at is found by
 * {@link Visits}; what a request carries is read by {@link FormRequests}.
 */
@WebServlet(urlPatterns = {"/s/*", "/i/*", "/privacy"})
public class FormServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(FormServlet.class.getName());
    static final int MAX_FIELDS = 2_000;

    @Inject
    PublicForms forms;

    @Inject
    SubmissionGuard guard;

    @Inject
    SubmissionMetrics metrics;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/privacy".equals(request.getServletPath())) {
            Visits.message(request, response, 200, Pages.language(request, null), "privacy", null);
            return;
        }
        try {
            Optional<Visit> visit = new Visits(forms, clock).find(request, response);
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
                    || !FormRequests.sameOrigin(request)) {
                Visits.message(request, response, 400, Pages.language(request, null), "form.badRequest", null);
                return;
            }
            Optional<Visit> visit = new Visits(forms, clock).find(request, response);
            if (visit.isEmpty()) {
                return;
            }
            Optional<Duration> wait = guard.throttle(
                    FormRequests.clientAddress(request), visit.get().survey().slug(), clock.instant());
            if (wait.isPresent()) {
                metrics.rejected(visit.get().survey().slug(), "rate-limit");
                response.setHeader("Retry-After", Long.toString(wait.get().toSeconds()));
                Visits.message(
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
        int requested = FormRequests.intParameter(request, "page", 0);
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
        FormValues submitted = FormValues.of(FormRequests.fields(request));
        int page = FormRequests.intParameter(request, "page", 1);
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
            Visits.message(request, response, 400, visit.lang(), "form.badRequest", visit.version());
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
                Visits.message(request, response, 409, visit.lang(), "form.stampUsed", visit.version());
                return;
            }
            case FINE -> {
                // a person's page, sent once or again by the same respondent
            }
        }
        Channel channel = visit.invitation() == null ? Channel.LINK : Channel.INVITATION;
        String client = guard.clientKey(FormRequests.clientAddress(request));
        PageResult result;
        try {
            try {
                result = forms.savePage(
                        visit.respondent(), page, submitted, visit.lang(), channel, visit.messages(), client);
            } catch (RuntimeException raced) {
                if (DatabaseUnavailable.isCause(raced) || raced instanceof SurveyCatalog.NotTakingAnswersException) {
                    throw raced;
                }
                // Two submissions of the same first page at once: one created the response, the other updates it.
                result = forms.savePage(
                        visit.respondent(), page, submitted, visit.lang(), channel, visit.messages(), client);
            }
        } catch (SurveyCatalog.NotTakingAnswersException refused) {
            // closed (or rescheduled) on another instance a moment ago: nothing was stored
            metrics.rejected(slug, "closed");
            switch (refused.availability()) {
                case NOT_YET_OPEN ->
                    Visits.message(
                            request,
                            response,
                            200,
                            visit.lang(),
                            "form.notOpen",
                            visit.version(),
                            visit.survey()
                                    .opensAt()
                                    .map(at -> at.toString().replace('T', ' ').replace("Z", ""))
                                    .orElse(""));
                case UNPUBLISHED ->
                    Visits.message(request, response, 404, visit.lang(), "form.notFound", visit.version());
                default -> Visits.message(request, response, 410, visit.lang(), "form.closed", visit.version());
            }
            return;
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
        ScoreOutcome outcome;
        try {
            outcome = forms.recordScore(visit.invitation().id(), Integer.parseInt(score), visit.lang());
        } catch (SurveyCatalog.NotTakingAnswersException refused) {
            metrics.rejected(visit.survey().slug(), "closed");
            response.sendError(410);
            return;
        }
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

    private void failed(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        if (response.isCommitted()) {
            throw e;
        }
        response.resetBuffer();
        String lang = Pages.language(request, null);
        if (DatabaseUnavailable.isCause(e) || DatabaseUnavailable.disturbed()) {
            if (!DatabaseUnavailable.isCause(e)) {
                LOG.log(Level.WARNING, "Public form failed while the database fails: " + request.getRequestURI(), e);
            }
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            Visits.message(request, response, 503, lang, "form.unavailable", null);
            return;
        }
        LOG.log(Level.SEVERE, "Public form failed: " + request.getRequestURI(), e);
        Visits.message(request, response, 500, lang, "form.unavailable", null);
    }
}
