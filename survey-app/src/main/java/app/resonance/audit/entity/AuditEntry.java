package app.resonance.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One change: who (user name, or "system"), when, what (area and subject), how (action) and details. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest details an entry keeps. */
    public static final int DETAILS_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditArea area;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String action;

    private String details;

    protected AuditEntry() {}

    public AuditEntry(Instant occurredAt, String actor, AuditArea area, String subject, String action, String details) {
        this.occurredAt = occurredAt;
        this.actor = cut(actor, 60);
        this.area = area;
        this.subject = cut(subject, 200);
        this.action = cut(action, 40);
        this.details = details == null ? null : cut(details, DETAILS_LENGTH);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AuditArea area() {
        return area;
    }

    public String subject() {
        return subject;
    }

    public String action() {
        return action;
    }

    public String details() {
        return details;
    }
}
