package app.resonance.forms.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spam and abuse protection of public submissions: the per-client rate limit (forms and API), the
 * minimum time a person needs to fill in a form, and the signed stamps that measure it.
 */
@ApplicationScoped
public class SubmissionGuard {

    @Inject
    AppSecrets secrets;

    @Inject
    @ConfigProperty(name = "resonance.submissions.per-minute", defaultValue = "60")
    int perMinute;

    @Inject
    @ConfigProperty(name = "resonance.forms.min-fill-millis", defaultValue = "1500")
    long minFillMillis;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perMinute);
    }

    /** Empty if the client may submit to this survey now, else how long to wait. */
    public Optional<Duration> throttle(String clientAddress, String slug, Instant now) {
        return limiter.acquire(clientKey(clientAddress) + "/" + slug, now);
    }

    public String stamp(Instant now) {
        return new FormStamp(secrets.formKey()).issue(now);
    }

    /** Whether the form came back too soon after it was shown (or with a forged stamp). */
    public boolean tooFast(String stamp, Instant now) {
        Duration age = new FormStamp(secrets.formKey()).age(stamp, now);
        return age == null || age.toMillis() < minFillMillis;
    }

    /** A keyed hash of the client's address: the address itself is never kept. */
    String clientKey(String address) {
        return secrets.clientKey(address);
    }
}
