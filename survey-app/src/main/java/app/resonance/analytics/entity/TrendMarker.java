package app.resonance.analytics.entity;

import app.resonance.customers.entity.Segment;
import app.resonance.surveys.entity.Survey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An action taken, shown on the trend on its day ("check-in calls started"), optionally for one survey
 * and one segment, so that its effect can be compared before and after.
 */
@Entity
@Table(name = "trend_marker")
@NamedQuery(name = TrendMarker.ALL, query = "SELECT m FROM TrendMarker m ORDER BY m.date, m.id")
public class TrendMarker {

    public static final String ALL = "TrendMarker.all";
    public static final int LABEL_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trend_marker_seq")
    @SequenceGenerator(name = "trend_marker_seq", sequenceName = "trend_marker_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "segment_id")
    private Segment segment;

    @Column(name = "marker_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private String label;

    private String description;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrendMarker() {}

    public TrendMarker(
            Survey survey,
            Segment segment,
            LocalDate date,
            String label,
            String description,
            String createdBy,
            Instant createdAt) {
        this.survey = survey;
        this.segment = segment;
        this.date = date;
        this.label = label;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Optional<Survey> survey() {
        return Optional.ofNullable(survey);
    }

    public Optional<Segment> segment() {
        return Optional.ofNullable(segment);
    }

    public LocalDate date() {
        return date;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
