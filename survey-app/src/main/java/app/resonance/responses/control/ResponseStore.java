package app.resonance.responses.control;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.responses.entity.IdempotencyRecord;
import app.resonance.responses.entity.Response;
import app.resonance.responses.entity.ResponseEvent;
import app.resonance.responses.entity.ResponseStatus;
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
     * transaction; a concurrent duplicate then fails on the key's primary key and is replayed by the caller.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome store(
            long versionId,
            ValidSubmission submission,
            String idempotencyScope,
            String idempotencyKey,
            String requestHash,
            Function<Response, Outcome> describe) {
        Instant now = clock.instant();
        IdempotencyRecord claim = null;
        if (idempotencyKey != null) {
            // Claim the key first: a concurrent duplicate waits here until this transaction ends.
            claim = new IdempotencyRecord(idempotencyScope, idempotencyKey, requestHash, 0, null, "{}", null, now);
            em.persist(claim);
            em.flush();
        }
        SurveyVersion version = em.find(SurveyVersion.class, versionId);
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
        response.addAnswers(submission.answers());
        if (customer != null) {
            response.addSegments(segments.matching(
                    customer, submission.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
        }
        em.persist(response);
        em.flush();
        em.persist(new ResponseEvent(response.id(), response.survey().id(), ResponseEvent.Kind.CREATED, now));
        Outcome outcome = describe.apply(response);
        if (idempotencyKey != null) {
            claim.record(outcome.status(), outcome.location(), outcome.body(), response.id());
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
