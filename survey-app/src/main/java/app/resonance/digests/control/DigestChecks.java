package app.resonance.digests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduled check: every active digest whose period due at an instant has not been sent is sent, each in a
 * transaction of its own ({@link Digests#sendDue}); one that fails is logged and tried again at the next check.
 */
@ApplicationScoped
public class DigestChecks {

    private static final Logger LOG = Logger.getLogger(DigestChecks.class.getName());

    @Inject
    Digests digests;

    /** Sends what is due at {@code now}; answers what was sent. Call it outside a transaction. */
    public List<Digests.Sent> run(Instant now) {
        List<Digests.Sent> sent = new ArrayList<>();
        for (long id : digests.due(now)) {
            try {
                digests.sendDue(id, now).ifPresent(sent::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Digest " + id + " not sent; tried again at the next check", e);
            }
        }
        return sent;
    }
}
