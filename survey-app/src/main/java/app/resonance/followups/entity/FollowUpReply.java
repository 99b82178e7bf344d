package app.resonance.followups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail a support lead wrote to the customer of a follow-up task, as it was sent: who wrote it, to whom, in
 * which language, subject and body (plain text), and the mail in the outbox whose state is the reply's delivery
 * state. Kept in the task's history; the outbox clears its own copy of the body once the mail is sent.
 */
@Entity
@Table(name = "follow_up_reply")
public class FollowUpReply {

    /** The longest subject a lead may write. */
    public static final int SUBJECT_MAX = 200;

    /** The longest body a lead may write. */
    public static final int BODY_MAX = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_reply_seq")
    @SequenceGenerator(name = "follow_up_reply_seq", sequenceName = "follow_up_reply_seq", allocationSize = 50)
    private Long id;

    @Column(name = "follow_up_id", nullable = false)
    private long followUpId;

    @Column(name = "mail_id")
    private Long mailId;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "reply_to", nullable = false)
    private String replyTo;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FollowUpReply() {}

    public FollowUpReply(
            long followUpId,
            Long mailId,
            String sender,
            String recipient,
            String replyTo,
            String language,
            String subject,
            String body,
            Instant createdAt) {
        this.followUpId = followUpId;
        this.mailId = mailId;
        this.sender = sender;
        this.recipient = recipient;
        this.replyTo = replyTo;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long followUpId() {
        return followUpId;
    }

    public Long mailId() {
        return mailId;
    }

    public String sender() {
        return sender;
    }

    public String recipient() {
        return recipient;
    }

    public String replyTo() {
        return replyTo;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
