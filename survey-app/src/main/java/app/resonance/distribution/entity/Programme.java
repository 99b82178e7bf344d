package app.resonance.distribution.entity;

import app.resonance.surveys.entity.Survey;
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

/**
 * A recurring programme: a survey for a segment's members every {@code cadenceDays}, each cycle's sends spread over its
 * first {@code windowDays}. Cycle n starts at {@code startAt + n * cadenceDays}; {@code plannedCycle} is the last one
 * planned (-1 before the first).
 */
@Entity
@Table(name = "programme")
public class Programme {

    public enum Status {
        /** Plans its cycles and sends what is due. */
        ACTIVE,
        /** Sends and plans nothing until resumed. */
        PAUSED,
        /** Over: what was not sent is cancelled. */
        ENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "programme_seq")
    @SequenceGenerator(name = "programme_seq", sequenceName = "programme_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(name = "segment_key", nullable = false)
    private String segmentKey;

    @Column(name = "cadence_days", nullable = false)
    private int cadenceDays;

    @Column(name = "window_days", nullable = false)
    private int windowDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "planned_cycle", nullable = false)
    private int plannedCycle;

    @Column(name = "paused_at")
    private Instant pausedAt;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Programme() {}

    public Programme(String baseUrl, String createdBy, Instant now) {
        this.baseUrl = baseUrl;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = Status.ACTIVE;
        this.plannedCycle = -1;
    }

    /** Sets what the programme does (values checked by the caller). */
    public Programme define(
            String name, Survey survey, String segmentKey, int cadenceDays, int windowDays, Instant startAt) {
        this.name = name;
        this.survey = survey;
        this.segmentKey = segmentKey;
        this.cadenceDays = cadenceDays;
        this.windowDays = windowDays;
        this.startAt = startAt;
        return this;
    }

    public void pause(Instant now) {
        this.status = Status.PAUSED;
        this.pausedAt = now;
    }

    /** Active again; returns how long it was paused. */
    public Duration resume(Instant now) {
        Duration paused = pausedAt == null ? Duration.ZERO : Duration.between(pausedAt, now);
        this.status = Status.ACTIVE;
        this.pausedAt = null;
        return paused.isNegative() ? Duration.ZERO : paused;
    }

    public void end() {
        this.status = Status.ENDED;
        this.pausedAt = null;
    }

    public void planned(int cycle) {
        this.plannedCycle = cycle;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Survey survey() {
        return survey;
    }

    public String segmentKey() {
        return segmentKey;
    }

    public int cadenceDays() {
        return cadenceDays;
    }

    public int windowDays() {
        return windowDays;
    }

    public Status status() {
        return status;
    }

    public Instant startAt() {
        return startAt;
    }

    public int plannedCycle() {
        return plannedCycle;
    }

    public Optional<Instant> pausedAt() {
        return Optional.ofNullable(pausedAt);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
