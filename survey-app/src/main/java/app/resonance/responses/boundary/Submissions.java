package app.resonance.responses.boundary;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.platform.boundary.ProblemException;
import app.resonance.platform.boundary.RequestLanguage;
import app.resonance.platform.control.JsonInput;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.ResponseStore;
import app.resonance.responses.control.SubmissionMetrics;
import app.resonance.responses.control.SubmissionReader;
import app.resonance.responses.control.SubmissionThrottle;
import app.resonance.responses.control.ValidSubmission;
import app.resonance.responses.control.WidgetIdentity;
import app.resonance.responses.entity.IdempotencyRecord;
import app.resonance.surveys.boundary.SurveysResource;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The submission path shared by the public API and the admin import: read, replay a known
 * Idempotency-Key, validate everything, store in one transaction, answer 201 with a Location.
 * Nothing is stored unless every answer is valid.
 */
@ApplicationScoped
public class Submissions {

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    SurveyCatalog catalog;

    @Inject
    ResponseStore store;

    @Inject
    CustomerDirectory customers;

    @Inject
    SubmissionMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    SubmissionThrottle guard;

    @Inject
    WidgetIdentity identity;

    @Inject
    HttpServletRequest request;

    public Response submit(String slug, String idempotencyKey, byte[] body, boolean imported, HttpHeaders headers) {
        long started = System.nanoTime();
        String survey = slug != null && slug.matches("[a-z0-9-]{1,80}") ? slug : "unknown";
        try {
            return submit(survey, slug, idempotencyKey, body, imported, headers);
        } catch (ProblemException e) {
            metrics.rejected(survey, reason(e.getResponse().getStatus()));
            throw e;
        } finally {
            metrics.duration(survey, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Response submit(
            String survey, String slug, String idempotencyKey, byte[] body, boolean imported, HttpHeaders headers) {
        // a respondent (public form API, widget) reads one of seven languages; an admin's import de or en
        Messages messages = imported ? RequestLanguage.messages(headers) : RequestLanguage.respondentMessages(headers);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid(
                    "problem.invalidHeader", List.of(messages.error("Idempotency-Key", "idempotencyKey")));
        }
        String scope = (imported ? "import:" : "public:") + survey;
        String hash = sha256(slug, body);
        try {
            return fresh(survey, slug, idempotencyKey, body, imported, headers, messages, scope, hash);
        } catch (ProblemException e) {
            // A retry of a request already stored replays its outcome, whatever the survey says now.
            if (idempotencyKey != null) {
                Optional<Response> replay = recorded(survey, scope, idempotencyKey, hash, messages);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
    }

    /** The rate limit's key for every name that is no survey (never a slug: slugs have no '?'). */
    static final String UNKNOWN_SURVEYS = "?unknown";

    private static Response tooMany(Duration wait, Messages messages) {
        return Response.fromResponse(
                        new ProblemException("rate-limited", 429, "Too Many Requests", "problem.rateLimited", List.of())
                                .problem(messages)
                                .toResponse())
                .header("Retry-After", Math.max(1, wait.toSeconds()))
                .build();
    }

    private Optional<Response> recorded(
            String survey, String scope, String idempotencyKey, String hash, Messages messages) {
        return store.recorded(scope, idempotencyKey).map(r -> replay(survey, r, hash, messages));
    }

    /**
     * A submission not known yet, as far as the common case goes: a known Idempotency-Key is found only
     * when something fails (the key's primary key on storing, or the checks before), which spares the
     * look-up that nearly always finds nothing.
     */
    private Response fresh(
            String survey,
            String slug,
            String idempotencyKey,
            byte[] body,
            boolean imported,
            HttpHeaders headers,
            Messages messages,
            String scope,
            String hash) {
        SurveyVersion version;
        try {
            version = SurveysResource.openVersion(catalog, slug);
        } catch (ProblemException e) {
            if (!imported && e.getResponse().getStatus() == 404) {
                // Names that lead to no survey share one budget per client: guessing names is slowed down like
                // submitting, instead of answering 404s as fast as a client can ask.
                Optional<Duration> wait = guard.throttle(request.getRemoteAddr(), UNKNOWN_SURVEYS, clock.instant());
                if (wait.isPresent()) {
                    metrics.rejected(survey, "rate-limit");
                    return tooMany(wait.get(), messages);
                }
            }
            throw e;
        }
        if (!imported) {
            Optional<Duration> wait = guard.throttle(request.getRemoteAddr(), survey, clock.instant());
            if (wait.isPresent()) {
                if (idempotencyKey != null) {
                    Optional<Response> replay = recorded(survey, scope, idempotencyKey, hash, messages);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                metrics.rejected(survey, "rate-limit");
                return tooMany(wait.get(), messages);
            }
        }
        JsonObject json =
                JsonInput.object(body).orElseThrow(() -> ProblemException.badRequest("problem.expectedObject"));
        var result = SubmissionReader.read(
                json, version, imported, RequestLanguage.respondent(headers), clock.instant(), messages);
        if (!result.isValid()) {
            throw ProblemException.invalid("problem.invalidSubmission", result.errors());
        }
        ValidSubmission submission = identified(version, result.submission());
        String customer = submission.customerExternalId();
        if (customer != null && customers.byExternalId(customer).isEmpty()) {
            throw ProblemException.invalid(
                    "problem.invalidSubmission", List.of(messages.error("customer", "unknownCustomer")));
        }
        ResponseStore.Outcome outcome;
        try {
            String client = imported ? null : guard.clientKey(request.getRemoteAddr());
            outcome = store.store(version, submission, client, scope, idempotencyKey, hash, response -> {
                String location = "/api/v1/admin/responses/" + response.id();
                return new ResponseStore.Outcome(
                        response.id(),
                        201,
                        location,
                        ResponseJson.receipt(response).toString());
            });
        } catch (SurveyCatalog.NotTakingAnswersException e) {
            // closed (or rescheduled) on another instance since the catalog's last check: nothing was stored
            throw SurveysResource.refusal(e.availability(), slug);
        } catch (RuntimeException e) {
            // The key is known (stored before, or by a concurrent request that won): replay its outcome.
            if (idempotencyKey != null) {
                Optional<Response> replay = recorded(survey, scope, idempotencyKey, hash, messages);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
        metrics.outcome(survey, "accepted");
        return Response.status(outcome.status())
                .location(URI.create(outcome.location()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(outcome.body())
                .build();
    }

    /** The widget's signed customer id, if valid, identifies the respondent; otherwise the answer stays anonymous. */
    private ValidSubmission identified(SurveyVersion version, ValidSubmission submission) {
        if (submission.signedCustomer() == null) {
            return submission;
        }
        return identity.verify(version.survey(), submission.signedCustomer(), clock.instant())
                .map(c -> submission.identified(c.externalId()))
                .orElse(submission.identified(null));
    }

    private Response replay(String survey, IdempotencyRecord record, String hash, Messages messages) {
        if (!record.sameRequest(hash)) {
            metrics.rejected(survey, "idempotency_conflict");
            return new ProblemException(
                            "idempotency-key-reused",
                            422,
                            "Unprocessable Content",
                            "problem.idempotencyKeyReused",
                            List.of(messages.error("Idempotency-Key", "idempotencyKeyReused")))
                    .problem(messages)
                    .toResponse();
        }
        metrics.outcome(survey, "replayed");
        var builder = Response.status(record.statusCode())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true")
                .entity(record.body());
        if (record.location() != null) {
            builder.location(URI.create(record.location()));
        }
        return builder.build();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "malformed";
            case 404 -> "not_found";
            case 410 -> "closed";
            case 413 -> "too_large";
            case 422 -> "invalid";
            default -> "other";
        };
    }

    static String sha256(String slug, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(slug).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
