package app.resonance.forms.control;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.AnswerValidator;
import app.resonance.responses.control.FormValues;
import app.resonance.responses.control.Invitations;
import app.resonance.responses.control.ResponseEvents;
import app.resonance.responses.control.Tokens;
import app.resonance.responses.control.Visibility;
import app.resonance.responses.entity.AnswerValue;
import app.resonance.responses.entity.Channel;
import app.resonance.responses.entity.Invitation;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseEvent;
import app.resonance.responses.entity.ResponseStatus;
import app.resonance.surveys.entity.AnswerPolicy;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the public forms read and write: the survey behind a link, the invitation behind a personal link,
 * the partial response a respondent resumes, and the saving of one page at a time. Every change of a
 * response writes a {@link ResponseEvent} in the same transaction.
 */
@ApplicationScoped
public class PublicForms {

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog segments;

    @Inject
    Invitations invitations;

    @Inject
    app.resonance.surveys.control.SurveyCatalog catalog;

    @Inject
    Clock clock;

    /**
     * Who is answering: a new anonymous respondent (resume token), a resumed response, or an invitation; with the
     * declared hidden fields their link carried.
     */
    public record Respondent(long surveyId, Long invitationId, String resumeToken, Map<String, String> hiddenFields) {

        public Respondent(long surveyId, Long invitationId, String resumeToken) {
            this(surveyId, invitationId, resumeToken, Map.of());
        }
    }

    /** The outcome of saving a page: errors (nothing stored), or the response and where to go next. */
    public record PageResult(List<FieldError> errors, Long responseId, Optional<Integer> nextPage, boolean complete) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** What a one-click score did. */
    public enum ScoreOutcome {
        RECORDED,
        ALREADY_ANSWERED,
        NO_SCORE_QUESTION
    }

    /**
     * The survey behind a public link: the catalog's shared, read-only published graph (loaded whole, so that
     * rendering a page never loads from the database); never change it or hand it to a transaction that could.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Survey> survey(String slug) {
        return catalog.published(slug);
    }

    /** The invitation behind a personal link; the first visit is recorded as its opening. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Invitation> openInvitation(String token) {
        Optional<Invitation> invitation = invitations.byToken(token);
        invitation.ifPresent(i -> i.opened(clock.instant()));
        return invitation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Response> byResumeToken(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Response.BY_RESUME_TOKEN, Response.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream()
                .findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Response> answerTo(long invitationId) {
        Invitation invitation = em.find(Invitation.class, invitationId);
        if (invitation == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Response.BY_INVITATION, Response.class)
                .setParameter("invitation", invitation)
                .getResultStream()
                .findFirst();
    }

    /** Whether the survey has all the complete responses its limit allows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean limitReached(Survey survey) {
        return survey.responseLimit().isPresent()
                && catalog.completeResponses(survey) >= survey.responseLimit().get();
    }

    /**
     * Validates and stores one page. Nothing is stored when an answer is invalid or a required question
     * is unanswered. The response is created with the first page and completed with the last shown page;
     * answers to questions that skip logic hides are dropped when it completes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PageResult savePage(
            Respondent respondent,
            int page,
            FormValues submitted,
            String language,
            Channel channel,
            Messages messages) {
        return savePage(respondent, page, submitted, language, channel, messages, null);
    }

    /** As above, recording the client (a keyed hash of its address) on a new response. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PageResult savePage(
            Respondent respondent,
            int page,
            FormValues submitted,
            String language,
            Channel channel,
            Messages messages,
            String clientKey) {
        Instant now = clock.instant();
        Survey survey = em.find(Survey.class, respondent.surveyId());
        // The authoritative check: the page was checked against the catalog's cache, which can be a moment
        // behind a close made on another instance; this survey is read in the storing transaction.
        Survey.Availability availability = survey.availability(now);
        if (availability != Survey.Availability.OPEN) {
            throw new app.resonance.surveys.control.SurveyCatalog.NotTakingAnswersException(availability);
        }
        Invitation invitation =
                respondent.invitationId() == null ? null : em.find(Invitation.class, respondent.invitationId());
        Response response = existing(invitation, respondent.resumeToken());
        SurveyVersion version = response != null
                ? response.version()
                : survey.publishedVersion().orElseThrow();
        FormValues stored = response == null ? FormValues.empty() : FormValues.ofAnswers(response.answers());
        List<Question> onPage =
                version.questions().stream().filter(q -> q.page() == page).toList();
        FormValues merged = stored.with(onPage, submitted);
        Visibility visibility = new Visibility(version, merged);
        List<Question> shown = visibility.shownOn(page);
        AnswerValidator.Result result = AnswerValidator.validatePage(shown, submitted.answers(shown), messages);
        if (!result.isValid()) {
            return new PageResult(result.errors(), response == null ? null : response.id(), Optional.empty(), false);
        }
        boolean created = response == null;
        if (created) {
            response = newResponse(version, invitation, respondent.resumeToken(), channel, language, now)
                    .fromClient(clientKey);
        }
        Optional<Integer> next = visibility.after(page);
        boolean complete = next.isEmpty();
        response.replaceAnswers(
                onPage, result.values(), Math.max(response.pageReached(), next.orElse(page)), complete, now);
        if (complete) {
            response.dropAnswers(visibility.hidden());
        }
        response.locale(language);
        response.withHiddenFields(respondent.hiddenFields());
        if (created) {
            em.persist(response);
            em.flush();
        }
        event(response, created, now);
        em.flush();
        return new PageResult(List.of(), response.id(), next, complete);
    }

    /**
     * Records a one-click score from an email for the survey's first NPS question: creates the
     * invitation's response or changes its score; never a second response.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ScoreOutcome recordScore(long invitationId, int score, String language) {
        Instant now = clock.instant();
        Invitation invitation = em.find(Invitation.class, invitationId);
        Response response = existing(invitation, null);
        Survey survey = invitation.survey();
        Survey.Availability availability = survey.availability(now);
        if (availability != Survey.Availability.OPEN) {
            throw new app.resonance.surveys.control.SurveyCatalog.NotTakingAnswersException(availability);
        }
        if (response != null
                && response.status() == ResponseStatus.COMPLETE
                && survey.answerPolicy() == AnswerPolicy.SINGLE_ANSWER) {
            return ScoreOutcome.ALREADY_ANSWERED;
        }
        SurveyVersion version = response != null
                ? response.version()
                : survey.publishedVersion().orElseThrow();
        Optional<Question> question = scoreQuestion(version);
        if (question.isEmpty() || !question.get().inScale(score)) {
            return ScoreOutcome.NO_SCORE_QUESTION;
        }
        boolean created = response == null;
        if (created) {
            response = newResponse(version, invitation, null, Channel.EMAIL, language, now);
        }
        Question q = question.get();
        response.replaceAnswers(
                List.of(q),
                List.of(AnswerValue.score(q, score)),
                Math.max(response.pageReached(), q.page()),
                false,
                now);
        if (created) {
            em.persist(response);
            em.flush();
        }
        event(response, created, now);
        em.flush();
        return ScoreOutcome.RECORDED;
    }

    /** The question a one-click score answers: the first NPS question. */
    public static Optional<Question> scoreQuestion(SurveyVersion version) {
        return version.questions().stream()
                .filter(q -> q.type() == QuestionType.NPS)
                .findFirst();
    }

    private Response existing(Invitation invitation, String resumeToken) {
        if (invitation != null) {
            return em.createNamedQuery(Response.BY_INVITATION, Response.class)
                    .setParameter("invitation", invitation)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
        }
        if (resumeToken != null && Tokens.wellFormed(resumeToken)) {
            return em.createNamedQuery(Response.BY_RESUME_TOKEN, Response.class)
                    .setParameter("hash", Tokens.hash(resumeToken))
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    private Response newResponse(
            SurveyVersion version,
            Invitation invitation,
            String resumeToken,
            Channel channel,
            String language,
            Instant now) {
        Customer customer = invitation == null ? null : invitation.customer();
        Response response = new Response(version, customer, channel, language, ResponseStatus.PARTIAL, now, now);
        if (invitation != null) {
            response.answering(invitation);
        } else {
            response.resumableWith(Tokens.hash(resumeToken));
        }
        if (customer != null) {
            response.addSegments(
                    segments.matching(customer, now.atZone(ZoneOffset.UTC).toLocalDate()));
        }
        return response;
    }

    private void event(Response response, boolean created, Instant now) {
        ResponseEvents.record(em, response, created ? ResponseEvent.Kind.CREATED : ResponseEvent.Kind.CHANGED, now);
    }
}
