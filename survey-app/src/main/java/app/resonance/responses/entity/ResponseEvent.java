package app.resonance.responses.entity;

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

/**
 * Outbox row: a response was created or its answers or status changed. Written in the transaction that
 * made the change, so that whatever consumes it (analytics rollups) sees every change exactly once.
 */
@Entity
@Table(name = "response_event")
public class ResponseEvent {

    /** What happened to the response. */
    public enum Kind {
        CREATED,
        CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_event_seq")
    @SequenceGenerator(name = "response_event_seq", sequenceName = "response_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ResponseEvent() {}

    public ResponseEvent(long responseId, long surveyId, Kind kind, Instant occurredAt) {
        this.responseId = responseId;
        this.surveyId = surveyId;
        this.kind = kind;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public long responseId() {
        return responseId;
    }

    public long surveyId() {
        return surveyId;
    }

    public Kind kind() {
        return kind;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
