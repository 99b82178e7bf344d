package app.resonance.distribution.control;

import app.resonance.customers.entity.Customer;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.Invitations;
import app.resonance.responses.entity.ContactSkip;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The step the timed senders (event rules and programmes) share: one customer invited to one survey now, after the
 * checks every invitation passes (an open survey with a published version, an address, not on the suppression
 * list, within the contact rules, a skip recorded with its reason for the customer page), its mail through the
 * outbox. The caller marks its own dispatch or send with the outcome.
 */
final class TimedInvitation {

    /** The invitation sent, or why none was (a {@link ContactSkip.Reason} or {@link EventSender#SURVEY_NOT_OPEN}). */
    record Outcome(Long invitationId, String skipped) {
        boolean sent() {
            return invitationId != null;
        }
    }

    private final Invitations invitations;
    private final MailOutbox outbox;
    private final SuppressionList suppressions;
    private final ContactRules contactRules;

    TimedInvitation(
            Invitations invitations, MailOutbox outbox, SuppressionList suppressions, ContactRules contactRules) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.contactRules = contactRules;
    }

    /** {@code eventAttributes}: the event's attributes the invitation carries to the answer (null: none). */
    Outcome send(
            Survey survey,
            Customer customer,
            ContactSkip.Channel channel,
            String baseUrl,
            String eventAttributes,
            Instant now) {
        Optional<SurveyVersion> version = survey.publishedVersion();
        if (version.isEmpty() || !survey.isOpen()) {
            return new Outcome(null, EventSender.SURVEY_NOT_OPEN);
        }
        ContactSkip.Reason reason;
        if (customer.email() == null || customer.email().isBlank()) {
            reason = ContactSkip.Reason.NO_EMAIL;
        } else if (!suppressions.suppressed(List.of(customer.email())).isEmpty()) {
            reason = ContactSkip.Reason.SUPPRESSED;
        } else {
            reason = contactRules.heldBack(survey, customer, now).orElse(null);
        }
        if (reason != null) {
            contactRules.skipped(customer, survey, null, channel, reason, now);
            return new Outcome(null, reason.name());
        }
        var issued = invitations.issue(survey, customer, null, eventAttributes);
        String unsubscribe = suppressions.unsubscribeUrl(baseUrl, customer.email());
        outbox.enqueue(MailComposer.compose(
                OutboxMail.Kind.INVITATION, customer, version.get(), issued, baseUrl, unsubscribe, now, now));
        return new Outcome(issued.invitationId(), null);
    }
}
