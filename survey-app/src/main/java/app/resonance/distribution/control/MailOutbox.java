package app.resonance.distribution.control;

import app.resonance.distribution.entity.OutboxMail;
import app.resonance.responses.control.Invitations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The durable mail queue: mails are written in the transaction that decides to send them and are
 * delivered later, one transaction per mail, through the configured SMTP server. A failure leaves the
 * mail queued for a later attempt; nothing is lost when the server is down.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    static final Duration LEASE = Duration.ofMinutes(5);
    /** One warning per outage of the SMTP server, not one per attempt (shared by every instance of the bean). */
    static final MailFailures FAILURES = new MailFailures();

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Invitations invitations;

    @Inject
    Clock clock;

    public MailOutbox() {}

    /** For use outside the container (tests). */
    public MailOutbox(EntityManager em, MailSettings settings, Invitations invitations, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** Queues a mail, in the caller's transaction. */
    public OutboxMail enqueue(OutboxMail mail) {
        em.persist(mail);
        return mail;
    }

    /** The ids of mails due now, oldest first. */
    @Transactional
    public List<Long> due(int max) {
        return em.createQuery(
                        "SELECT m.id FROM OutboxMail m WHERE m.sentAt IS NULL AND m.cancelledAt IS NULL"
                                + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id",
                        Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** Claims the mail for this node (false: sent, cancelled or taken by another node meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        return mail != null && mail.claim(clock.instant(), LEASE);
    }

    /**
     * Delivers one claimed mail: a reminder for an answered invitation is cancelled; otherwise the mail goes
     * to the SMTP server and the invitation is marked sent or reminded. Answers whether it was sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliver(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        Instant now = clock.instant();
        if (mail == null || mail.sentAt() != null || mail.cancelledAt() != null) {
            return false;
        }
        if (mail.kind() == OutboxMail.Kind.REMINDER && mail.invitationId() != null && answered(mail.invitationId())) {
            mail.cancelled(now);
            return false;
        }
        try {
            send(mail);
        } catch (MessagingException | RuntimeException e) {
            mail.failed(now, e.getClass().getSimpleName() + ": " + e.getMessage());
            if (FAILURES.failed()) {
                LOG.warning(() -> "Mails cannot be delivered: the SMTP server " + settings.server()
                        + " does not take them (" + e.getMessage() + "). They stay queued and are retried;"
                        + " set resonance.mail.host and resonance.mail.port to a server. Further failures are"
                        + " logged at FINE until a mail goes out.");
            } else {
                LOG.fine(() -> "Mail " + id + " not delivered (attempt " + mail.attempts() + "), retry at "
                        + mail.nextAttemptAt() + ": " + e.getMessage());
            }
            return false;
        }
        if (FAILURES.delivered()) {
            LOG.info("The SMTP server takes mails again.");
        }
        if (mail.invitationId() != null) {
            if (mail.kind() == OutboxMail.Kind.INVITATION) {
                invitations.markSent(mail.invitationId());
            } else {
                invitations.markReminded(mail.invitationId());
            }
        }
        mail.sent(now);
        return true;
    }

    boolean answered(long invitationId) {
        return em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.invitation.id = :id", Long.class)
                        .setParameter("id", invitationId)
                        .getSingleResult()
                > 0;
    }

    void send(OutboxMail mail) throws MessagingException {
        Session session = settings.username().isPresent()
                ? Session.getInstance(settings.sessionProperties(), new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(
                                settings.username().orElseThrow(),
                                settings.password().orElse(""));
                    }
                })
                : Session.getInstance(settings.sessionProperties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.bodyText() == null ? "" : mail.bodyText(), "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        if (mail.bodyHtml() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.bodyHtml(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        message.setContent(alternative);
        message.setSentDate(java.util.Date.from(clock.instant()));
        Transport.send(message);
    }
}
