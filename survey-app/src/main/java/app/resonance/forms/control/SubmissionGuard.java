package app.resonance.forms.control;

import app.resonance.platform.control.AppSecrets;
import app.resonance.responses.control.SubmissionThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spam and abuse protection of public submissions: the per-client rate limit ({@link SubmissionThrottle},
 * shared with the API), the
 * minimum time a person needs to fill in a form, and the signed stamps that measure it. A stamp is good
 * for one respondent ({@link UsedStamps}) and for a day.
 */
@ApplicationScoped
public class SubmissionGuard {

    /** A stamp older than this is refused (the form is shown again with a fresh one). */
    public static final Duration MAX_STAMP_AGE = Duration.ofDays(1);

    /** What a form page's stamp says about the submission. */
    public enum StampCheck {
        FINE,
        /** sent back sooner than a person can fill in the form, or a forged or missing stamp */
        TOO_FAST,
        /** the form was shown more than a day ago */
        TOO_OLD,
        /** another respondent already sent a page with this stamp */
        USED_BY_ANOTHER
    }

    @Inject
    AppSecrets secrets;

    @Inject
    UsedStamps usedStamps;

    @Inject
    SubmissionThrottle throttle;

    @Inject
    @ConfigProperty(name = "resonance.forms.min-fill-millis", defaultValue = "1500")
    long minFillMillis;

    /** Empty if the client may submit to this survey now, else how long to wait. */
    public Optional<Duration> throttle(String clientAddress, String slug, Instant now) {
        return throttle.throttle(clientAddress, slug, now);
    }

    public String stamp(Instant now) {
        return new FormStamp(secrets.formKey()).issue(now);
    }

    /**
     * Checks a form page's stamp for the respondent who sent it (a resume token or an invitation) and,
     * if it is fine, records that this respondent used it.
     */
    public StampCheck check(String stamp, String respondent, Instant now) {
        Duration age = new FormStamp(secrets.formKey()).age(stamp, now);
        if (age == null || age.toMillis() < minFillMillis) {
            return StampCheck.TOO_FAST;
        }
        if (age.compareTo(MAX_STAMP_AGE) > 0) {
            return StampCheck.TOO_OLD;
        }
        return usedStamps.claim(stamp, respondent, now) ? StampCheck.FINE : StampCheck.USED_BY_ANOTHER;
    }

    /** A keyed hash of the client's address: the address itself is never kept. */
    public String clientKey(String address) {
        return throttle.clientKey(address);
    }
}
