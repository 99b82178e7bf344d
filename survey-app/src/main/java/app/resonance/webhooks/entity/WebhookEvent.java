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
 * A response was created or changed: the webhook dispatcher's own outbox row, written in the same
 * transaction as the change and deleted once it has become deliveries.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_event_seq")
    @SequenceGenerator(name = "webhook_event_seq", sequenceName = "webhook_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected WebhookEvent() {}

    public WebhookEvent(long responseId, long surveyId, String kind, Instant occurredAt) {
        this.responseId = responseId;
        this.surveyId = surveyId;
        this.kind = kind;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }
}
