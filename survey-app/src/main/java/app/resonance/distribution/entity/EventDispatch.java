package app.resonance.distribution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** What one event rule does with one event: wait until it is due, then send an invitation or record why not. */
@Entity
@Table(name = "event_dispatch")
public class EventDispatch {

    public enum Status {
        /** Waits for its time (the delay, then the sending window). */
        DUE,
        /** The invitation went into the outbox. */
        SENT,
        /** Not sent; the reason says why. */
        SKIPPED,
        /** The event is outside the rule's sampling share. */
        NOT_SAMPLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_dispatch_seq")
    @SequenceGenerator(name = "event_dispatch_seq", sequenceName = "event_dispatch_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    private CustomerEvent event;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "rule_id")
    private EventRule rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column
    private String reason;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(name = "done_at")
    private Instant doneAt;

    protected EventDispatch() {}

    public EventDispatch(CustomerEvent event, EventRule rule, Status status, Instant dueAt, Instant now) {
        this.event = event;
        this.rule = rule;
        this.status = status;
        this.dueAt = dueAt;
        if (status != Status.DUE) {
            this.doneAt = now;
        }
    }

    public void sent(long invitationId, Instant now) {
        this.status = Status.SENT;
        this.invitationId = invitationId;
        this.doneAt = now;
    }

    public void skipped(String reason, Instant now) {
        this.status = Status.SKIPPED;
        this.reason = reason;
        this.doneAt = now;
    }

    public Long id() {
        return id;
    }

    public CustomerEvent event() {
        return event;
    }

    public EventRule rule() {
        return rule;
    }

    public Status status() {
        return status;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Long> invitationId() {
        return Optional.ofNullable(invitationId);
    }

    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }
}
