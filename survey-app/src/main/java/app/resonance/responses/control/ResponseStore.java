package app.resonance.responses.control;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.responses.entity.IdempotencyRecord;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseEvent;
import app.resonance.responses.entity.ResponseStatus;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores validated responses: the answers, the segments the customer belongs to at that moment and,
 * under an Idempotency-Key, the outcome to replay for retries, all in one transaction.
 */
@ApplicationScoped
public class ResponseStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog segments;

    @Inject
    CustomerDirectory customers;

    @Inject
    Clock clock;

    /** What a stored submission answers: status, location and body, as replayed for retries. */
    public record Outcome(long responseId, int status, String location, String body) {}

    /**
     * Stores the submission in a transaction of its own. With a key, the outcome is recorded in the same
     * transaction, last; a concurrent duplicate waits on the key's primary key until this transaction ends
     * and then fails, after which the caller replays it. The version may be the shared, read-only graph of
     * the survey catalog: it is only referred to (its questions and it exist while they are published).
     * Whether the survey takes answers is read again here; if not, {@link SurveyCatalog.NotTakingAnswersException}
     * and nothing is stored.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome store(
            SurveyVersion version,
            ValidSubmission submission,
            String idempotencyScope,
            String idempotencyKey,
            String requestHash,
            Function<Response, Outcome> describe) {
        return store(version, submission, null, idempotencyScope, idempotencyKey, requestHash, describe);
    }

    /** As {@link #store(SurveyVersion, ValidSubmission, String, String, String, Function)}, from a client. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome store(
            SurveyVersion version,
            ValidSubmission submission,
            String clientKey,
            String idempotencyScope,
            String idempotencyKey,
            String requestHash,
            Function<Response, Outcome> describe) {
        Instant now = clock.instant();
        // The authoritative check: the version may come from the catalog's cache, which can be a moment
        // behind a close made on another instance; this read is in the storing transaction.
        Survey.Availability availability =
                SurveyCatalog.takesAnswers(em, version.survey().id(), now);
        if (availability != Survey.Availability.OPEN) {
            throw new SurveyCatalog.NotTakingAnswersException(availability);
        }
        Customer customer = submission.customerExternalId() == null
                ? null
                : customers.byExternalId(submission.customerExternalId()).orElse(null);
        Response response = new Response(
                version,
                customer,
                submission.channel(),
                submission.locale(),
                submission.partial() ? ResponseStatus.PARTIAL : ResponseStatus.COMPLETE,
                submission.submittedAt(),
                now);
        response.fromClient(clientKey);
        if (submission.hiddenFields() != null) {
            response.withHiddenFields(submission.hiddenFields());
        }
        response.addAnswers(submission.answers());
        if (customer != null) {
            response.addSegments(segments.matching(
                    customer, submission.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
        }
        em.persist(response); // its id comes from the pre-allocated sequence block: no round trip
        ResponseEvents.record(em, response, ResponseEvent.Kind.CREATED, now);
        Outcome outcome = describe.apply(response);
        if (idempotencyKey != null) {
            em.flush(); // the record refers to the response: one batch per table, the record after them
            em.persist(new IdempotencyRecord(
                    idempotencyScope,
                    idempotencyKey,
                    requestHash,
                    outcome.status(),
                    outcome.location(),
                    outcome.body(),
                    response.id(),
                    now));
            em.flush(); // a duplicate key fails here, in this call, not in the container's commit
        }
        return outcome;
    }

    /** The recorded outcome of a key, if its transaction has committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<IdempotencyRecord> recorded(String scope, String key) {
        return Optional.ofNullable(em.find(
                IdempotencyRecord.class,
                new IdempotencyRecord.Key(scope, key),
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Response> byId(long id) {
        return Optional.ofNullable(em.find(Response.class, id));
    }
}
