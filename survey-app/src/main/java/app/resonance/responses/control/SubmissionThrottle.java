package app.resonance.responses.control;

import app.resonance.platform.control.AppSecrets;
import app.resonance.platform.control.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-client rate limit of public submissions, one budget for forms and the API (the forms' guard asks
 * this one), and the keyed hash that stands for a client's address.
 */
@ApplicationScoped
public class SubmissionThrottle {

    @Inject
    AppSecrets secrets;

    @Inject
    @ConfigProperty(name = "resonance.submissions.per-minute", defaultValue = "60")
    int perMinute;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perMinute);
    }

    /** Empty if the client may submit to this survey now, else how long to wait. */
    public Optional<Duration> throttle(String clientAddress, String slug, Instant now) {
        return limiter.acquire(clientKey(clientAddress) + "/" + slug, now);
    }

    /** A keyed hash of the client's address: the address itself is never kept. */
    public String clientKey(String address) {
        return secrets.clientKey(address);
    }
}
