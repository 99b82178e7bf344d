package app.resonance.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A response was created or changed, or an alert or task event happened: the webhook dispatcher's own outbox
 * row, written in the same transaction as the change and deleted once it has become deliveries.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_event_seq")
    @SequenceGenerator(name = "webhook_event_seq", sequenceName = "webhook_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "response_id")
    private Long responseId;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** The event's object as JSON ({@code {"followUp": {...}}}) for events that are not about a response. */
    @Column(name = "data")
    private String data;

    protected WebhookEvent() {}

    public WebhookEvent(long responseId, long surveyId, String kind, Instant occurredAt) {
        this.responseId = responseId;
        this.surveyId = surveyId;
        this.kind = kind;
        this.occurredAt = occurredAt;
    }

    /** An event that carries its object: {@code type} is the wire name ({@code followup.closed}). */
    public WebhookEvent(long surveyId, String type, String data, Instant occurredAt) {
        this.surveyId = surveyId;
        this.kind = type;
        this.data = data;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }
}
