package app.resonance.distribution.entity;

import app.resonance.surveys.entity.Survey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sending of a survey to an audience (a segment or a selection), with what happened to whom. */
@Entity
@Table(name = "invitation_wave")
public class InvitationWave {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_wave_seq")
    @SequenceGenerator(name = "invitation_wave_seq", sequenceName = "invitation_wave_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(nullable = false)
    private String audience;

    @Column(name = "reminder_days")
    private Integer reminderDays;

    @Column(nullable = false)
    private int invited;

    @Column(name = "skipped_recent", nullable = false)
    private int skippedRecent;

    @Column(name = "skipped_no_email", nullable = false)
    private int skippedNoEmail;

    /** Customers whose address is on the suppression list (unsubscribed, bounced, complained, blocked). */
    @Column(name = "skipped_suppressed", nullable = false)
    private int skippedSuppressed;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InvitationWave() {}

    public InvitationWave(Survey survey, String audience, Integer reminderDays, String createdBy, Instant now) {
        this.survey = survey;
        this.audience = audience.length() > 200 ? audience.substring(0, 200) : audience;
        this.reminderDays = reminderDays;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void counted(int invited, int skippedRecent, int skippedNoEmail, int skippedSuppressed) {
        this.invited = invited;
        this.skippedSuppressed = skippedSuppressed;
        this.skippedRecent = skippedRecent;
        this.skippedNoEmail = skippedNoEmail;
    }

    public Long id() {
        return id;
    }

    public Survey survey() {
        return survey;
    }

    public String audience() {
        return audience;
    }

    public Integer reminderDays() {
        return reminderDays;
    }

    public int invited() {
        return invited;
    }

    public int skippedRecent() {
        return skippedRecent;
    }

    public int skippedNoEmail() {
        return skippedNoEmail;
    }

    public int skippedSuppressed() {
        return skippedSuppressed;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
