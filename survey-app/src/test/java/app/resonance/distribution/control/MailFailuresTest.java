package app.resonance.distribution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The demo without an SMTP server says so once, not every few seconds; a permanent refusal of a recipient (5xx) is
 * told from failures worth retrying.
 */
class MailFailuresTest {

    @Test
    void onlyTheFirstFailureOfAnOutageWarnsAndTheNextOutageWarnsAgain() {
        MailFailures failures = new MailFailures();
        List<Boolean> warned =
                IntStream.range(0, 5).mapToObj(i -> failures.failed()).toList();
        assertEquals(List.of(true, false, false, false, false), warned);
        assertEquals(true, failures.delivered(), "the end of the outage is said once");
        assertEquals(false, failures.delivered());
        assertEquals(true, failures.failed(), "a new outage warns again");
    }

    static Address[] addresses(String... emails) throws Exception {
        Address[] all = new Address[emails.length];
        for (int i = 0; i < emails.length; i++) {
            all[i] = new InternetAddress(emails[i]);
        }
        return all;
    }

    /**
     * What Jakarta Mail throws when the server answers RCPT TO with this reply: the address among the invalid ones
     * (5xx) or the valid unsent ones (4xx), and the reply as the message of the next exception (an
     * SMTPAddressFailedException, a SendFailedException naming no addresses).
     */
    static SendFailedException rcptRefused(String reply, boolean permanent) throws Exception {
        Address[] anna = addresses("Anna@Example.test");
        SendFailedException perAddress = new SendFailedException(reply + "\n");
        return permanent
                ? new SendFailedException("Invalid Addresses", perAddress, null, null, anna)
                : new SendFailedException("Invalid Addresses", perAddress, null, anna, null);
    }

    @Test
    void aPermanentRefusalOfTheRecipientIsToldWithTheServersReply() throws Exception {
        assertEquals(
                Optional.of("550 5.1.1 User unknown"),
                MailFailures.permanentRefusal(rcptRefused("550 5.1.1 User unknown", true), "anna@example.test"));
        assertEquals(
                Optional.empty(),
                MailFailures.permanentRefusal(rcptRefused("550 5.1.1 User unknown", true), "bert@example.test"),
                "another recipient was refused");
    }

    @Test
    void temporaryRefusalsRefusedSendersAndOutagesAreRetried() throws Exception {
        assertEquals(
                Optional.empty(),
                MailFailures.permanentRefusal(rcptRefused("452 4.2.2 Mailbox full", false), "anna@example.test"));
        assertEquals(
                Optional.empty(),
                MailFailures.permanentRefusal(
                        new SendFailedException("553 5.7.1 Sender address rejected", null, null, addresses(), null),
                        "anna@example.test"),
                "a refused sender names no invalid recipient");
        assertEquals(
                Optional.empty(),
                MailFailures.permanentRefusal(
                        new MessagingException("Could not connect to SMTP host: localhost, port: 25"),
                        "anna@example.test"));
    }
}
