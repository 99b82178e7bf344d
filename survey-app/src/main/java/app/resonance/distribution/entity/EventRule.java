package app.resonance.distribution.entity;

import app.resonance.surveys.entity.Survey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.time.ZoneId;

/**
 * Turns events of one type into invitations to a survey: after a delay, for a share of the events, inside a sending
 * window (hours of the customer's local day; the rule's zone for events that name none).
 */
@Entity
@Table(name = "event_rule")
public class EventRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_rule_seq")
    @SequenceGenerator(name = "event_rule_seq", sequenceName = "event_rule_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(name = "delay_minutes", nullable = false)
    private int delayMinutes;

    @Column(name = "sample_percent", nullable = false)
    private int samplePercent;

    @Column(name = "send_from", nullable = false)
    private int sendFrom;

    @Column(name = "send_until", nullable = false)
    private int sendUntil;

    @Column(nullable = false)
    private String zone;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EventRule() {}

    public EventRule(Survey survey, Instant now) {
        this.survey = survey;
        this.createdAt = now;
    }

    /** Sets what the rule does (values checked by the caller). */
    public EventRule define(
            String eventType,
            Survey survey,
            int delayMinutes,
            int samplePercent,
            int sendFrom,
            int sendUntil,
            String zone,
            boolean enabled) {
        this.eventType = eventType;
        this.survey = survey;
        this.delayMinutes = delayMinutes;
        this.samplePercent = samplePercent;
        this.sendFrom = sendFrom;
        this.sendUntil = sendUntil;
        this.zone = zone;
        this.enabled = enabled;
        return this;
    }

    public Long id() {
        return id;
    }

    public String eventType() {
        return eventType;
    }

    public Survey survey() {
        return survey;
    }

    public int delayMinutes() {
        return delayMinutes;
    }

    public Duration delay() {
        return Duration.ofMinutes(delayMinutes);
    }

    public int samplePercent() {
        return samplePercent;
    }

    public int sendFrom() {
        return sendFrom;
    }

    public int sendUntil() {
        return sendUntil;
    }

    public String zone() {
        return zone;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
