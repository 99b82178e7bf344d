package app.resonance.distribution.control;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the outbox reports mails it could not deliver: the first failure of an outage (say the demo, where no
 * SMTP server is configured and localhost:25 does not answer) is a warning that names the server and says the
 * mails stay queued; the outbox's further attempts are logged quietly until a mail goes out again, instead
 * of a warning every few seconds.
 */
final class MailFailures {

    private final AtomicBoolean outage = new AtomicBoolean();

    /** A mail could not be delivered: true if this starts an outage (and so deserves the one warning). */
    boolean failed() {
        return outage.compareAndSet(false, true);
    }

    /** A mail was delivered: true if this ends an outage (worth saying once). */
    boolean delivered() {
        return outage.compareAndSet(true, false);
    }
}
