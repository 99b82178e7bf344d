package app.resonance.digests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A period a digest was sent for on its schedule (one row per digest and period start, a unique key), written in
 * the transaction that queues its mails.
 */
@Entity
@Table(name = "digest_send")
@NamedQuery(
        name = DigestSend.OF_PERIOD,
        query = "SELECT COUNT(s) FROM DigestSend s WHERE s.digestId = :digest AND s.periodStart = :start")
@NamedQuery(
        name = DigestSend.LATEST,
        query = "SELECT s FROM DigestSend s WHERE s.digestId = :digest ORDER BY s.periodStart DESC")
public class DigestSend {

    public static final String OF_PERIOD = "DigestSend.ofPeriod";
    public static final String LATEST = "DigestSend.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_send_seq")
    @SequenceGenerator(name = "digest_send_seq", sequenceName = "digest_send_seq", allocationSize = 50)
    private Long id;

    @Column(name = "digest_id", nullable = false)
    private long digestId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(nullable = false)
    private int mails;

    protected DigestSend() {}

    public DigestSend(long digestId, LocalDate periodStart, LocalDate periodEnd, Instant sentAt) {
        this.digestId = digestId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.sentAt = sentAt;
    }

    /** How many mails were queued for the period. */
    public void mails(int mails) {
        this.mails = mails;
    }

    public Long id() {
        return id;
    }

    public long digestId() {
        return digestId;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public int mails() {
        return mails;
    }
}
