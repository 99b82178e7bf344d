package app.resonance.digests.entity;

import app.resonance.analytics.entity.SavedView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved view sent on a schedule: weekly on an ISO weekday or monthly on a day 1-28, at an hour of a time zone,
 * to its recipients; paused digests are not sent by the schedule. The values are checked before ({@code
 * Digests.check}).
 */
@Entity
@Table(name = "digest")
@NamedQuery(name = Digest.OF_VIEW, query = "SELECT d FROM Digest d WHERE d.view.id = :view ORDER BY d.id")
@NamedQuery(name = Digest.ACTIVE, query = "SELECT d FROM Digest d WHERE d.paused = false ORDER BY d.id")
public class Digest {

    public static final String OF_VIEW = "Digest.ofView";
    public static final String ACTIVE = "Digest.active";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_seq")
    @SequenceGenerator(name = "digest_seq", sequenceName = "digest_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "view_id", nullable = false)
    private SavedView view;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cadence cadence;

    /** ISO day of the week (1 Monday … 7 Sunday) of a weekly digest. */
    private Integer weekday;

    @Column(name = "month_day")
    private Integer monthDay;

    @Column(name = "send_hour", nullable = false)
    private int hour;

    @Column(name = "time_zone", nullable = false)
    private String zone;

    @Column(nullable = false)
    private boolean paused;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "digest_recipient", joinColumns = @JoinColumn(name = "digest_id"))
    @OrderColumn(name = "list_index")
    private List<DigestRecipient> recipients = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "manual_sent_at")
    private Instant manualSentAt;

    protected Digest() {}

    public Digest(SavedView view, String createdBy, Instant now) {
        this.view = view;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the schedule and the recipients; a weekly digest has no day of the month and a monthly one no weekday. */
    public void change(
            Cadence cadence,
            DayOfWeek weekday,
            Integer monthDay,
            int hour,
            ZoneId zone,
            boolean paused,
            List<DigestRecipient> recipients,
            Instant now) {
        this.cadence = cadence;
        this.weekday = cadence == Cadence.WEEKLY ? weekday.getValue() : null;
        this.monthDay = cadence == Cadence.MONTHLY ? monthDay : null;
        this.hour = hour;
        this.zone = zone.getId();
        this.paused = paused;
        this.recipients.clear();
        this.recipients.addAll(recipients);
        this.updatedAt = now;
    }

    /** When it was last sent by hand, if ever. */
    public java.util.Optional<Instant> manualSentAt() {
        return java.util.Optional.ofNullable(manualSentAt);
    }

    public void sentManually(Instant at) {
        this.manualSentAt = at;
    }

    public Long id() {
        return id;
    }

    public SavedView view() {
        return view;
    }

    public Cadence cadence() {
        return cadence;
    }

    /** The weekday of a weekly digest, null for a monthly one. */
    public DayOfWeek weekday() {
        return weekday == null ? null : DayOfWeek.of(weekday);
    }

    /** The day of the month of a monthly digest, null for a weekly one. */
    public Integer monthDay() {
        return monthDay;
    }

    public int hour() {
        return hour;
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public boolean paused() {
        return paused;
    }

    public List<DigestRecipient> recipients() {
        return List.copyOf(recipients);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
