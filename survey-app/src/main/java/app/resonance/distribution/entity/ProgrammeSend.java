package app.resonance.distribution.entity;

import app.resonance.customers.entity.Customer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One customer in one cycle of a programme: planned for a time, then sent, skipped (with why) or cancelled. */
@Entity
@Table(name = "programme_send")
public class ProgrammeSend {

    public enum Status {
        /** Waits for its send time. */
        PLANNED,
        /** The invitation went into the outbox. */
        SENT,
        /** Not sent; the reason says why (a contact rule, suppression, no address, the survey not open). */
        SKIPPED,
        /** Not sent: the programme ended or the next cycle began first. */
        CANCELLED
    }

    /** Why a planned send was cancelled: the programme ended. */
    public static final String ENDED = "PROGRAMME_ENDED";

    /** Why a planned send was cancelled: the next cycle began before it was sent (a long pause). */
    public static final String CYCLE_OVER = "CYCLE_OVER";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "programme_send_seq")
    @SequenceGenerator(name = "programme_send_seq", sequenceName = "programme_send_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @Column(nullable = false)
    private int cycle;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "send_at", nullable = false)
    private Instant sendAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column
    private String reason;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(name = "done_at")
    private Instant doneAt;

    protected ProgrammeSend() {}

    public ProgrammeSend(Programme programme, int cycle, Customer customer, Instant sendAt) {
        this.programme = programme;
        this.cycle = cycle;
        this.customer = customer;
        this.sendAt = sendAt;
        this.status = Status.PLANNED;
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

    public void cancelled(String reason, Instant now) {
        this.status = Status.CANCELLED;
        this.reason = reason;
        this.doneAt = now;
    }

    /** Moves a planned send later (by the length of a pause). */
    public void postpone(Duration by) {
        this.sendAt = sendAt.plus(by);
    }

    public Long id() {
        return id;
    }

    public Programme programme() {
        return programme;
    }

    public int cycle() {
        return cycle;
    }

    public Customer customer() {
        return customer;
    }

    public Instant sendAt() {
        return sendAt;
    }

    public Status status() {
        return status;
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
