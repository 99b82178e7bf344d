package app.resonance.followups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert raised by a rule; written by {@code AlertRules} in the transaction that saw the score. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertKind kind;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "response_id")
    private Long responseId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "segment_id")
    private Long segmentId;

    private Integer score;

    @Column(name = "previous_score")
    private Integer previousScore;

    private Double figure;

    @Column(name = "previous_figure")
    private Double previousFigure;

    @Column(name = "p_value")
    private Double pValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "follow_up_id")
    private Long followUpId;

    /** The alert rule that fired (null for segment declines and for a rule since deleted). */
    @Column(name = "rule_id")
    private Long ruleId;

    /** The topic whose share rose (TOPIC_RISE only), by its key. */
    @Column(name = "topic_key")
    private String topicKey;

    protected Alert() {}

    public Long id() {
        return id;
    }

    public AlertKind kind() {
        return kind;
    }

    public long surveyId() {
        return surveyId;
    }

    public Long responseId() {
        return responseId;
    }

    public Long customerId() {
        return customerId;
    }

    public Long segmentId() {
        return segmentId;
    }

    public Integer score() {
        return score;
    }

    public Integer previousScore() {
        return previousScore;
    }

    public Double figure() {
        return figure;
    }

    public Double previousFigure() {
        return previousFigure;
    }

    public Double pValue() {
        return pValue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long followUpId() {
        return followUpId;
    }

    public Long ruleId() {
        return ruleId;
    }

    public String topicKey() {
        return topicKey;
    }
}
