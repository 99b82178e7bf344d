package app.resonance.followups.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.customers.entity.Customer;
import app.resonance.distribution.control.MailOutbox;
import app.resonance.distribution.control.MailSettings;
import app.resonance.distribution.control.SuppressionList;
import app.resonance.distribution.entity.OutboxMail;
import app.resonance.followups.entity.FollowUp;
import app.resonance.followups.entity.FollowUpReply;
import app.resonance.platform.control.Messages;
import app.resonance.platform.entity.LocalizedText;
import app.resonance.responses.entity.Response;
import app.resonance.security.entity.AppUser;
import app.resonance.surveys.entity.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A support lead's reply to the customer of a follow-up task: the template in the customer's language (the
 * language the response was given in, else the customer's preferred one, else the survey's default), the rules that
 * refuse a reply (an anonymous respondent, a customer without an address, an address on the suppression list), and
 * sending it: the reply is kept with the task, its mail goes through the durable outbox as plain text (what the lead
 * wrote never becomes markup) with a Reply-To of the lead's address (the company's sender when the lead has none),
 * and the sending is audited. Delivery, retries and the suppression check at delivery are the outbox's.
 */
@ApplicationScoped
public class CustomerReplies {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    SuppressionList suppressions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public CustomerReplies() {}

    /** For use outside the container (tests). */
    public CustomerReplies(
            EntityManager em,
            MailOutbox outbox,
            MailSettings settings,
            SuppressionList suppressions,
            AuditLog audit,
            Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.settings = settings;
        this.suppressions = suppressions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why a task's customer cannot be written to: the field the problem names and the text of its reason. */
    public enum Refusal {
        /** The response is anonymous: there is nobody to write to. */
        ANONYMOUS("customer", "replyAnonymous"),
        /** The customer has no e-mail address (or was erased). */
        NO_ADDRESS("customer.email", "replyNoAddress"),
        /** The customer's address is on the suppression list (unsubscribed, bounced, blocked). */
        SUPPRESSED("customer.email", "replySuppressed");

        private final String field;
        private final String code;

        Refusal(String field, String code) {
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        /** The error code; its text is {@code error.<code>} of the messages bundles. */
        public String code() {
            return code;
        }
    }

    /** What the lead starts from: the customer's address and name, and subject and body in the language. */
    public record Template(String language, String recipient, String customerName, String subject, String body)
            implements Serializable {}

    /** A reply as the task's history shows it; delivery is the state of its mail in the outbox. */
    public record Sent(
            long id,
            String sender,
            String recipient,
            String replyTo,
            String language,
            String subject,
            String body,
            Instant createdAt,
            String delivery)
            implements Serializable {}

    /** Why the task's customer cannot get a reply, if they cannot. */
    public Optional<Refusal> refusal(FollowUp task) {
        Customer customer = task.customerId() == null ? null : em.find(Customer.class, task.customerId());
        if (customer == null) {
            return Optional.of(Refusal.ANONYMOUS);
        }
        if (customer.email() == null || customer.email().isBlank()) {
            return Optional.of(Refusal.NO_ADDRESS);
        }
        if (suppressions.active(customer.email()).isPresent()) {
            return Optional.of(Refusal.SUPPRESSED);
        }
        return Optional.empty();
    }

    /**
     * The customer's language for this task: the language the response was given in, else the customer's
     * preferred language, else the survey's default, as long as it is one of the respondent languages; else English.
     */
    public String language(FollowUp task) {
        Response response = task.responseId() == null ? null : em.find(Response.class, task.responseId());
        Customer customer = task.customerId() == null ? null : em.find(Customer.class, task.customerId());
        Survey survey = em.find(Survey.class, task.surveyId());
        for (String candidate : new String[] {
            response == null ? null : response.locale(),
            customer == null ? null : customer.preferredLocale(),
            survey == null ? null : survey.latestVersion().defaultLocale()
        }) {
            Optional<String> language = respondentLanguage(candidate);
            if (language.isPresent()) {
                return language.get();
            }
        }
        return "en";
    }

    /** The respondent language a locale ("de-CH", "fr_FR", "pl") stands for, if it is one. */
    public static Optional<String> respondentLanguage(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.empty();
        }
        String code = locale.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return Messages.RESPONDENT_LANGUAGES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** The template for the task's customer in this language (null: the customer's), signed by the sender. */
    public Template template(FollowUp task, String language, AppUser sender) {
        String lang = language == null ? language(task) : language;
        Customer customer = em.find(Customer.class, task.customerId());
        Response response = task.responseId() == null ? null : em.find(Response.class, task.responseId());
        LocalizedText title = response != null
                ? response.version().title()
                : em.find(Survey.class, task.surveyId()).latestVersion().title();
        LocalDate answered = response == null || response.submittedAt() == null
                ? null
                : response.submittedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        return compose(
                lang,
                customer.email(),
                customer.name(),
                title == null || title.in(lang) == null ? "" : title.in(lang),
                answered,
                sender.displayName());
    }

    /**
     * The template's text: the subject names the survey; the body greets the customer by name, refers to their
     * answer (the survey and the day, in UTC, written as the language writes a date), leaves room for the lead's
     * words and closes with the lead's name.
     */
    public static Template compose(
            String language,
            String recipient,
            String customerName,
            String surveyTitle,
            LocalDate answered,
            String senderName) {
        Messages messages = Messages.respondent(language);
        String reference = answered == null
                ? messages.get("mail.reply.referenceSurvey", surveyTitle)
                : messages.get(
                        "mail.reply.reference",
                        surveyTitle,
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag(language))
                                .format(answered));
        String body = messages.get("mail.greeting", customerName) + "\n\n" + reference + "\n\n\n\n"
                + messages.get("mail.reply.closing") + "\n" + senderName;
        return new Template(language, recipient, customerName, messages.get("mail.reply.subject", surveyTitle), body);
    }

    /** Where the customer's answer goes: the lead's address, or the company's sender if the lead has none. */
    public String replyTo(AppUser sender) {
        return sender.email().filter(e -> !e.isBlank()).orElse(settings.from());
    }

    /**
     * Sends a reply in the caller's transaction (check {@link #refusal} first): the reply joins the task's history,
     * its plain-text mail is queued in the outbox, the sending is audited. Answers the reply.
     */
    public Sent send(FollowUp task, AppUser sender, String language, String subject, String text) {
        // a browser sends a textarea's line breaks as CR LF: one kind of line break, as the API sends it
        String body = text.replace("\r\n", "\n");
        Customer customer = em.find(Customer.class, task.customerId());
        Instant now = clock.instant();
        String replyTo = replyTo(sender);
        // text only: no HTML part, so nothing the lead wrote can become markup in the customer's mail client
        OutboxMail mail = outbox.enqueue(
                new OutboxMail(OutboxMail.Kind.REPLY, null, customer.email(), subject, body, null, now, now)
                        .replyTo(replyTo));
        FollowUpReply reply = new FollowUpReply(
                task.id(), mail.id(), sender.username(), customer.email(), replyTo, language, subject, body, now);
        em.persist(reply);
        audit.recordAs(
                sender.username(),
                AuditArea.CUSTOMER,
                customer.externalId(),
                "replySent",
                AuditDetail.of("replySent", task.id(), language));
        em.flush();
        return sent(reply, mail.status());
    }

    /** The replies of a task, oldest first, each with the state of its mail. */
    public List<Sent> replies(long followUpId) {
        List<FollowUpReply> replies = em.createQuery(
                        "SELECT r FROM FollowUpReply r WHERE r.followUpId = :id ORDER BY r.createdAt, r.id",
                        FollowUpReply.class)
                .setParameter("id", followUpId)
                .getResultList();
        return replies.stream()
                .map(r -> sent(
                        r,
                        r.mailId() == null
                                ? "DELIVERED"
                                : Optional.ofNullable(em.find(OutboxMail.class, r.mailId()))
                                        .map(OutboxMail::status)
                                        .orElse("DELIVERED")))
                .toList();
    }

    private static Sent sent(FollowUpReply r, String delivery) {
        return new Sent(
                r.id(),
                r.sender(),
                r.recipient(),
                r.replyTo(),
                r.language(),
                r.subject(),
                r.body(),
                r.createdAt(),
                delivery);
    }
}
