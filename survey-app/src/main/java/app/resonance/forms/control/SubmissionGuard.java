package app.resonance.forms.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.formKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
