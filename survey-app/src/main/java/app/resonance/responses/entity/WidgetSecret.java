package app.resonance.responses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The secret with which a survey's widget site signs its customer ids, sealed (AES-GCM under the application's
 * widget key): the clear secret is shown once, when it is created or rotated.
 */
@Entity
@Table(name = "widget_secret")
public class WidgetSecret {

    @Id
    @Column(name = "survey_id")
    private Long surveyId;

    @Column(nullable = false)
    private String sealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WidgetSecret() {}

    public WidgetSecret(long surveyId, String sealed, Instant createdAt) {
        this.surveyId = surveyId;
        this.sealed = sealed;
        this.createdAt = createdAt;
    }

    /** Replaces the secret (rotation): the old one stops working at once. */
    public void replace(String sealed, Instant now) {
        this.sealed = sealed;
        this.createdAt = now;
    }

    public String sealed() {
        return sealed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
