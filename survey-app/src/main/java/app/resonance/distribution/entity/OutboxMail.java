package app.resonance.distribution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A mail in the outbox, written through JPA where a wave or a task decides to send it. Its delivery state
 * (status, attempts, next attempt, last error) is the one outbox's ({@code platform.control.Outbox}), which
 * changes it with plain JDBC: a failed attempt is retried later with a growing pause; a reminder whose
 * invitation has been answered is cancelled instead of sent. The body (which holds a personal link) is
 * cleared once the mail is sent.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    /** What a mail is for. */
    public enum Kind {
        INVITATION,
        REMINDER,
        /** A follow-up task for its assignee. */
        FOLLOW_UP,
        /** A support lead's reply to the customer of a follow-up task. */
        REPLY,
        /** A saved view's scheduled digest for a user or an address chosen by an admin or support lead. */
        DIGEST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "body_html")
    private String bodyHtml;

    /** Where the recipient unsubscribes with one click (RFC 8058), for invitations and reminders. */
    @Column(name = "unsubscribe_url")
    private String unsubscribeUrl;

    /** Where answers to the mail go (Reply-To); null: to the sender. */
    @Column(name = "reply_to")
    private String replyTo;

    /** One attached file (a digest's PDF report), cleared with the body once the mail is done. */
    @Column(name = "attachment_name")
    private String attachmentName;

    @Column(name = "attachment_type")
    private String attachmentType;

    @Column(name = "attachment")
    private byte[] attachment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    /** PENDING, DELIVERED, FAILED or CANCELLED ({@code Outbox.Status}). */
    @Column(nullable = false)
    private String status = "PENDING";

    @Column(name = "delivered_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected OutboxMail() {}

    public OutboxMail(
            Kind kind,
            Long invitationId,
            String recipient,
            String subject,
            String bodyText,
            String bodyHtml,
            Instant now,
            Instant notBefore) {
        this.kind = kind;
        this.invitationId = invitationId;
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.createdAt = now;
        this.nextAttemptAt = notBefore;
    }

    /** Gives the mail the {@code List-Unsubscribe} headers with this one-click address. */
    public OutboxMail unsubscribeAt(String url) {
        this.unsubscribeUrl = url;
        return this;
    }

    /** Gives the mail a {@code Reply-To} header with this address. */
    public OutboxMail replyTo(String address) {
        this.replyTo = address;
        return this;
    }

    /** Attaches a file to the mail (one at most). */
    public OutboxMail attach(String name, String type, byte[] content) {
        this.attachmentName = name;
        this.attachmentType = type;
        this.attachment = content.clone();
        return this;
    }

    /** The attached file's name, or null without one. */
    public String attachmentName() {
        return attachmentName;
    }

    public String attachmentType() {
        return attachmentType;
    }

    /** The attached file (null without one, and once the mail is done). */
    public byte[] attachment() {
        return attachment == null ? null : attachment.clone();
    }

    public String replyTo() {
        return replyTo;
    }

    public String unsubscribeUrl() {
        return unsubscribeUrl;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Long invitationId() {
        return invitationId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String bodyText() {
        return bodyText;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** PENDING, DELIVERED, FAILED (given up) or CANCELLED. */
    public String status() {
        return status;
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public String lastError() {
        return lastError;
    }
}
