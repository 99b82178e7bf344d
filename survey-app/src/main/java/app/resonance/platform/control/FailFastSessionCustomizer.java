package app.resonance.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Lets a lost database fail a request at once instead of after EclipseLink's own reconnect attempts
 * (by default three, five seconds apart, for reads outside a transaction). The container's pool already
 * validates connections; a request that cannot get one is answered with 503 and Retry-After, and the
 * client retries, which an Idempotency-Key makes safe.
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
