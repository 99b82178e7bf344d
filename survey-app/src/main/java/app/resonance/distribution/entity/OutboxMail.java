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
import java.time.Duration;
import java.time.Instant;

/**
 * A mail waiting in the outbox until the SMTP server has taken it. A failed attempt is retried later
 * with a growing pause; a reminder whose invitation has been answered is cancelled instead of sent.
 * The body (which holds a personal link) is cleared once the mail is sent.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    /** What a mail is for. */
    public enum Kind {
        INVITATION,
        REMINDER,
        /** A follow-up task for its assignee. */
        FOLLOW_UP
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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

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

    /** Takes the mail for one delivery attempt; answers false if another node has it. */
    public boolean claim(Instant now, Duration lease) {
        if (sentAt != null || cancelledAt != null || (claimedUntil != null && claimedUntil.isAfter(now))) {
            return false;
        }
        claimedUntil = now.plus(lease);
        return true;
    }

    public void sent(Instant now) {
        sentAt = now;
        claimedUntil = null;
        bodyText = null;
        bodyHtml = null;
        lastError = null;
    }

    public void cancelled(Instant now) {
        cancelledAt = now;
        claimedUntil = null;
        bodyText = null;
        bodyHtml = null;
    }

    /** A failed attempt: try again after 1, 2, 4 ... minutes, at most an hour. */
    public void failed(Instant now, String error) {
        attempts++;
        long minutes = Math.min(60, 1L << Math.min(6, attempts - 1));
        nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        claimedUntil = null;
        lastError = error == null ? "error" : error.length() > 500 ? error.substring(0, 500) : error;
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

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String lastError() {
        return lastError;
    }
}
