package app.resonance.distribution.control;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * How the outbox reports mails it could not deliver: the first failure of an outage (say the demo, where no
 * SMTP server is configured and localhost:25 does not answer) is a warning that names the server and says the
 * mails stay queued; the outbox's further attempts are logged quietly until a mail goes out again, instead
 * of a warning every few seconds. It also tells a permanent refusal of a recipient (a 5xx reply) from a failure
 * worth retrying (a 4xx reply, an unreachable server, a refused sender).
 */
final class MailFailures {

    private static final Pattern REPLY = Pattern.compile("^[245]\\d\\d\\b.*", Pattern.DOTALL);

    private final AtomicBoolean outage = new AtomicBoolean();

    /** A mail could not be delivered: true if this starts an outage (and so deserves the one warning). */
    boolean failed() {
        return outage.compareAndSet(false, true);
    }

    /** A mail was delivered: true if this ends an outage (worth saying once). */
    boolean delivered() {
        return outage.compareAndSet(true, false);
    }

    /**
     * The server's reply if it refused this recipient for good: Jakarta Mail lists an address as invalid only for a
     * permanent (5xx) reply to {@code RCPT TO}; a temporary one (4xx) leaves it "valid, unsent", and a refused sender,
     * a refused login or an unreachable server names no invalid address at all. Empty when the mail may be retried.
     */
    static Optional<String> permanentRefusal(MessagingException failure, String recipient) {
        String wanted = recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT);
        Exception current = failure;
        boolean refused = false;
        String reply = null;
        while (current != null) {
            if (current instanceof SendFailedException sent && invalid(sent.getInvalidAddresses(), wanted)) {
                refused = true;
            }
            String message =
                    current.getMessage() == null ? "" : current.getMessage().strip();
            if (reply == null && REPLY.matcher(message).matches() && message.startsWith("5")) {
                reply = message;
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        if (!refused) {
            return Optional.empty();
        }
        return Optional.of(reply == null ? "5xx" : reply.lines().findFirst().orElse(reply));
    }

    private static boolean invalid(Address[] addresses, String recipient) {
        return addresses != null
                && Arrays.stream(addresses)
                        .anyMatch(a -> (a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals(recipient));
    }
}
