package app.resonance.distribution.control;

import app.resonance.distribution.entity.OutboxMail;
import app.resonance.distribution.entity.Suppression;
import app.resonance.platform.control.DataSourceConfiguration;
import app.resonance.platform.control.Jdbc;
import app.resonance.platform.control.Outbox;
import app.resonance.responses.control.Invitations;
import jakarta.annotation.Resource;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Mails in the one outbox ({@link Outbox}): they are written in the transaction that decides to send them
 * (through JPA, as {@link OutboxMail} entities) and delivered later, each claimed mail in a transaction of
 * its own, through the configured SMTP server. A failure leaves the mail queued for a later attempt (after
 * 1, 2, 4 ... minutes, at most an hour; given up after {@link #MAX_ATTEMPTS}, about three days); nothing is
 * lost when the server is down. Claiming, retrying and giving up are the outbox's; composing and sending a
 * mail and marking its invitation are this feature's.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    static final Duration LEASE = Duration.ofMinutes(5);
    /** After this many attempts (about three days of an unreachable server) a mail gives up. */
    public static final int MAX_ATTEMPTS = 80;
    /** Mails in the one outbox; the bodies (which hold personal links) are cleared once a mail is done. */
    public static final Outbox.Channel CHANNEL = new Outbox.Channel(
            "mail_outbox",
            MAX_ATTEMPTS,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            "",
            List.of("body_text", "body_html", "unsubscribe_url", "attachment"));
    /** One warning per outage of the SMTP server, not one per attempt (shared by every instance of the bean). */
    static final MailFailures FAILURES = new MailFailures();

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MailSettings settings;

    @Inject
    Invitations invitations;

    @Inject
    SuppressionList suppressions;

    @Inject
    Clock clock;

    public MailOutbox() {}

    /** For use outside the container (tests). */
    public MailOutbox(
            EntityManager em,
            DataSource dataSource,
            MailSettings settings,
            Invitations invitations,
            SuppressionList suppressions,
            Clock clock) {
        this.em = em;
        this.dataSource = dataSource;
        this.settings = settings;
        this.invitations = invitations;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** Queues a mail, in the caller's transaction. */
    public OutboxMail enqueue(OutboxMail mail) {
        em.persist(mail);
        return mail;
    }

    /** The ids of mails due now, oldest first (nothing is claimed). */
    public List<Long> due(int max) {
        try (Connection c = dataSource.getConnection()) {
            return Outbox.due(c, CHANNEL, clock.instant(), max);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the mail outbox", e);
        }
    }

    /**
     * Claims up to {@code max} due mails for this instance, in a transaction of its own (call it outside a
     * transaction): no other instance gets them while the lease lasts.
     */
    public List<Outbox.Claimed> claim(int max) {
        try {
            return Jdbc.inTransaction(dataSource, c -> Outbox.claim(c, CHANNEL, clock.instant(), max, LEASE));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim mails from the outbox", e);
        }
    }

    /**
     * Delivers one claimed mail: a reminder for an answered invitation is cancelled, and so is an invitation or
     * reminder to an address on the suppression list (unsubscribed since it was queued, say); otherwise the mail goes
     * to the SMTP server and the invitation is marked sent or reminded. A permanent refusal of the recipient (5xx)
     * puts the address on the suppression list and gives the mail up; other failures are retried. Answers whether
     * it was sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliver(Outbox.Claimed claimed) {
        long id = claimed.id();
        OutboxMail mail = em.find(OutboxMail.class, id);
        Instant now = clock.instant();
        if (mail == null || !mail.pending()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            // task mails and digests go to the team, not to customers: the suppression list is not theirs
            boolean toCustomer = mail.kind() != OutboxMail.Kind.FOLLOW_UP && mail.kind() != OutboxMail.Kind.DIGEST;
            if ((mail.kind() == OutboxMail.Kind.REMINDER
                            && mail.invitationId() != null
                            && answered(mail.invitationId()))
                    || (toCustomer && suppressions.active(mail.recipient()).isPresent())) {
                Outbox.cancelled(c, CHANNEL, id, now);
                return false;
            }
            try {
                send(mail);
            } catch (MessagingException e) {
                var refusal =
                        toCustomer ? MailFailures.permanentRefusal(e, mail.recipient()) : Optional.<String>empty();
                if (refusal.isPresent()) {
                    suppressions.suppress(
                            mail.recipient(),
                            Suppression.Reason.BOUNCED,
                            SuppressionList.SMTP + ": " + refusal.get(),
                            now);
                    Outbox.refused(c, CHANNEL, claimed, "SMTP " + refusal.get(), now);
                    LOG.info(() -> "Mail " + id + " refused for good (" + refusal.get()
                            + "): the address is on the suppression list now.");
                    return false;
                }
                failed(c, claimed, e, now);
                return false;
            } catch (RuntimeException e) {
                failed(c, claimed, e, now);
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
            Outbox.delivered(c, CHANNEL, id, null, now);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the outcome of mail " + id, e);
        }
    }

    private void failed(Connection c, Outbox.Claimed claimed, Exception e, Instant now) throws SQLException {
        long id = claimed.id();
        Outbox.Status status =
                Outbox.failed(c, CHANNEL, claimed, null, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        if (FAILURES.failed()) {
            LOG.warning(() -> "Mails cannot be delivered: the SMTP server " + settings.server()
                    + " does not take them (" + e.getMessage() + "). They stay queued and are retried;"
                    + " set resonance.mail.host and resonance.mail.port to a server. Further failures are"
                    + " logged at FINE until a mail goes out.");
        } else if (status == Outbox.Status.FAILED) {
            LOG.warning(() -> "Mail " + id + " given up after " + MAX_ATTEMPTS + " attempts: " + e.getMessage());
        } else {
            LOG.fine(() -> "Mail " + id + " not delivered (attempt " + (claimed.attempts() + 1) + "), retry after "
                    + CHANNEL.pause(claimed.attempts() + 1) + ": " + e.getMessage());
        }
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
        if (mail.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
        }
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
        if (mail.attachmentName() != null && mail.attachment() != null) {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(mail.attachment(), mail.attachmentType())));
            file.setFileName(mail.attachmentName());
            file.setDisposition(jakarta.mail.Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        } else {
            message.setContent(alternative);
        }
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058: the mail client offers "unsubscribe" and POSTs List-Unsubscribe=One-Click to the address.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setSentDate(java.util.Date.from(clock.instant()));
        Transport.send(message);
    }
}
