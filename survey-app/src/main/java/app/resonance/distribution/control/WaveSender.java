package app.resonance.distribution.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.distribution.entity.InvitationWave;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.responses.control.ContactRules;
import app.resonance.responses.control.Invitations;
import app.resonance.responses.entity.ContactSkip;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a survey to an audience: a segment's members today or a selection of customers. Every customer
 * with an email that is not on the suppression list and whom no contact rule holds back ({@link ContactRules})
 * gets a personal invitation (with the recipient's unsubscribe link)
 * and a mail in the outbox; with reminder days, a reminder is queued too, which the outbox cancels if
 * the invitation has been answered by then. Every customer skipped is recorded with the reason. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class WaveSender {

    public static final int MAX_REMINDER_DAYS = 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    Invitations invitations;

    @Inject
    SegmentCatalog segments;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    SuppressionList suppressions;

    @Inject
    ContactRules contactRules;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public WaveSender() {}

    /** Outside the container (tests): the collaborators given. */
    public WaveSender(
            EntityManager em,
            Invitations invitations,
            SegmentCatalog segments,
            MailOutbox outbox,
            SuppressionList suppressions,
            ContactRules contactRules,
            AuditLog audit,
            Clock clock) {
        this.em = em;
        this.invitations = invitations;
        this.segments = segments;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.contactRules = contactRules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whom to invite: a segment key, or external ids of customers. */
    public record Audience(String segment, List<String> customers) {}

    public InvitationWave send(
            Survey survey, Audience audience, Integer reminderDays, String actor, String baseUrl, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        Optional<SurveyVersion> published = survey.publishedVersion();
        if (published.isEmpty() || !survey.isOpen()) {
            errors.add(messages.error("survey", "surveyNotOpen"));
        }
        boolean bySegment = audience.segment() != null && !audience.segment().isBlank();
        List<String> selection = audience.customers() == null
                ? List.of()
                : audience.customers().stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        Optional<Segment> segment = bySegment ? segments.byKey(audience.segment()) : Optional.empty();
        if (bySegment && segment.isEmpty()) {
            errors.add(messages.error("segment", "unknownSegment"));
        }
        if (!bySegment && selection.isEmpty()) {
            errors.add(messages.error("customers", "noAudience"));
        }
        if (reminderDays != null && (reminderDays < 1 || reminderDays > MAX_REMINDER_DAYS)) {
            errors.add(messages.error("reminderDays", "reminderDays"));
        }
        List<Customer> customers = new ArrayList<>();
        if (!bySegment && !selection.isEmpty()) {
            for (int from = 0; from < selection.size(); from += 500) {
                List<String> batch = selection.subList(from, Math.min(selection.size(), from + 500));
                List<Customer> found = em.createNamedQuery(Customer.BY_EXTERNAL_IDS, Customer.class)
                        .setParameter("externalIds", batch)
                        .getResultList();
                Set<String> known = new HashSet<>();
                found.forEach(c -> known.add(c.externalId()));
                for (int i = 0; i < batch.size(); i++) {
                    if (!known.contains(batch.get(i))) {
                        errors.add(messages.error("customers[" + (from + i) + "]", "unknownCustomer"));
                    }
                }
                customers.addAll(found);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidWaveException(errors);
        }
        if (bySegment) {
            List<Long> ids = segments.memberIds(segment.get().rules(), LocalDate.now(clock));
            for (int from = 0; from < ids.size(); from += 500) {
                customers.addAll(em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                        .getResultList());
            }
        }

        return sendTo(
                survey,
                customers,
                bySegment ? "segment:" + segment.get().key() : "selection:" + selection.size(),
                reminderDays,
                actor,
                baseUrl,
                counts -> bySegment
                        ? AuditDetail.of("waveSentToSegment", segment.get().key(), counts[0], counts[1], counts[2])
                        : AuditDetail.of("waveSentToSelection", selection.size(), counts[0], counts[1], counts[2]));
    }

    /**
     * Sends an open survey to these customers as one wave (the planner's drawn customers, or {@link #send}'s
     * audience): suppression list, address and contact rules checked per customer, skips recorded with the reason,
     * invitation and reminder mails queued, the wave's counts set and the sending audited. {@code detail} makes the
     * audit line from the counts invited, skipped recently and skipped without address.
     */
    public InvitationWave sendTo(
            Survey survey,
            List<Customer> customers,
            String audience,
            Integer reminderDays,
            String actor,
            String baseUrl,
            java.util.function.Function<int[], AuditDetail> detail) {
        SurveyVersion version = survey.publishedVersion().orElseThrow();
        Instant now = clock.instant();
        Map<Long, ContactSkip.Reason> heldBack = contactRules.heldBack(
                survey, customers.stream().map(Customer::id).toList(), now);
        Set<String> suppressed =
                suppressions.suppressed(customers.stream().map(Customer::email).toList());
        InvitationWave wave = new InvitationWave(survey, audience, reminderDays, actor, now);
        em.persist(wave);
        em.flush();
        int invited = 0;
        int skippedRecent = 0;
        int skippedNoEmail = 0;
        int skippedSuppressed = 0;
        for (Customer customer : customers) {
            if (customer.email() == null || customer.email().isBlank()) {
                skippedNoEmail++;
                skipped(customer, survey, wave, ContactSkip.Reason.NO_EMAIL, now);
                continue;
            }
            if (suppressed.contains(Suppression.normalise(customer.email()))) {
                skippedSuppressed++;
                skipped(customer, survey, wave, ContactSkip.Reason.SUPPRESSED, now);
                continue;
            }
            ContactSkip.Reason rule = heldBack.get(customer.id());
            if (rule != null) {
                skippedRecent++;
                skipped(customer, survey, wave, rule, now);
                continue;
            }
            var issued = invitations.issue(survey, customer, wave.id());
            String unsubscribe = suppressions.unsubscribeUrl(baseUrl, customer.email());
            outbox.enqueue(MailComposer.compose(
                    OutboxMail.Kind.INVITATION, customer, version, issued, baseUrl, unsubscribe, now, now));
            if (reminderDays != null) {
                outbox.enqueue(MailComposer.compose(
                        OutboxMail.Kind.REMINDER,
                        customer,
                        version,
                        issued,
                        baseUrl,
                        unsubscribe,
                        now,
                        now.plus(Duration.ofDays(reminderDays))));
            }
            invited++;
        }
        wave.counted(invited, skippedRecent, skippedNoEmail, skippedSuppressed);
        List<AuditDetail> details = new ArrayList<>();
        details.add(detail.apply(new int[] {invited, skippedRecent, skippedNoEmail}));
        if (skippedSuppressed > 0) {
            details.add(AuditDetail.of("waveSkippedSuppressed", skippedSuppressed));
        }
        audit.record(AuditArea.DISTRIBUTION, survey.slug(), "waveSent", details);
        return wave;
    }

    private void skipped(Customer customer, Survey survey, InvitationWave wave, ContactSkip.Reason why, Instant now) {
        contactRules.skipped(customer, survey, wave.id(), ContactSkip.Channel.WAVE, why, now);
    }

    /** The wave breaks a rule; the errors name the fields. */
    public static class InvalidWaveException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidWaveException(List<FieldError> errors) {
            super("Invalid invitation wave");
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
