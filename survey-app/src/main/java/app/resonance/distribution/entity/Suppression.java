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
import java.time.Instant;
import java.util.Locale;

/**
 * An address no invitation or reminder may be sent to: the recipient unsubscribed, the mail bounced for good, the
 * recipient complained, or an admin put it there. Active until an admin lifts it; a lifted entry is kept for the
 * record. The address is kept normalised ({@link #normalise}), so "Anna@Example.TEST " and "anna@example.test" are
 * one address.
 */
@Entity
@Table(name = "mail_suppression")
public class Suppression {

    /** Why an address is suppressed. */
    public enum Reason {
        UNSUBSCRIBED,
        BOUNCED,
        COMPLAINED,
        MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_suppression_seq")
    @SequenceGenerator(name = "mail_suppression_seq", sequenceName = "mail_suppression_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;

    /** Where it came from: "unsubscribe link", "one-click", "SMTP 550 ...", "API (admin)". */
    @Column(nullable = false)
    private String source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    protected Suppression() {}

    public Suppression(String email, Reason reason, String source, Instant createdAt) {
        this.email = normalise(email);
        this.reason = reason;
        this.source = source.length() > 200 ? source.substring(0, 200) : source;
        this.createdAt = createdAt;
    }

    /** An address as the list keeps and compares it: trimmed and in lower case (null stays null). */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** An admin lifts the entry: the address may be mailed again. */
    public void lift(String actor, Instant now) {
        if (liftedAt == null) {
            this.liftedAt = now;
            this.liftedBy = actor.length() > 60 ? actor.substring(0, 60) : actor;
        }
    }

    public boolean active() {
        return liftedAt == null;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Reason reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant liftedAt() {
        return liftedAt;
    }

    public String liftedBy() {
        return liftedBy;
    }
}
