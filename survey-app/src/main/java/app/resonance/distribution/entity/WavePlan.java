package app.resonance.distribution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One segment's part of a planned wave (the sample planner): the target, the history and figures the plan used, and
 * how many customers were drawn for it.
 */
@Entity
@Table(name = "wave_plan")
@NamedQuery(name = WavePlan.OF_WAVE, query = "SELECT p FROM WavePlan p WHERE p.wave.id = :wave ORDER BY p.position")
public class WavePlan {

    public static final String OF_WAVE = "WavePlan.ofWave";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wave_plan_seq")
    @SequenceGenerator(name = "wave_plan_seq", sequenceName = "wave_plan_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "wave_id")
    private InvitationWave wave;

    @Column(nullable = false)
    private int position;

    @Column(name = "segment_key", nullable = false)
    private String segmentKey;

    @Column(nullable = false)
    private int confidence;

    @Column(name = "target_margin", nullable = false)
    private double targetMargin;

    @Column(name = "history_responses", nullable = false)
    private int historyResponses;

    @Column(name = "history_promoters", nullable = false)
    private int historyPromoters;

    @Column(name = "history_detractors", nullable = false)
    private int historyDetractors;

    @Column(name = "history_invited", nullable = false)
    private int historyInvited;

    @Column(name = "history_answered", nullable = false)
    private int historyAnswered;

    @Column(nullable = false)
    private double variance;

    @Column(name = "response_rate", nullable = false)
    private double responseRate;

    @Column(name = "prior_spread", nullable = false)
    private boolean priorSpread;

    @Column(name = "prior_rate", nullable = false)
    private boolean priorRate;

    @Column(nullable = false)
    private int reachable;

    @Column(nullable = false)
    private int needed;

    @Column(name = "to_invite", nullable = false)
    private int toInvite;

    @Column(nullable = false)
    private boolean capped;

    @Column(name = "expected_margin")
    private Double expectedMargin;

    @Column(nullable = false)
    private int drawn;

    protected WavePlan() {}

    /** The plan's figures as the planner computed them (history counts fit in an int: at most all customers). */
    public WavePlan(
            InvitationWave wave,
            int position,
            String segmentKey,
            int confidence,
            double targetMargin,
            long[] history,
            double variance,
            double responseRate,
            boolean priorSpread,
            boolean priorRate,
            int reachable,
            int needed,
            int toInvite,
            boolean capped,
            Double expectedMargin,
            int drawn) {
        this.wave = wave;
        this.position = position;
        this.segmentKey = segmentKey;
        this.confidence = confidence;
        this.targetMargin = targetMargin;
        this.historyResponses = Math.toIntExact(history[0]);
        this.historyPromoters = Math.toIntExact(history[1]);
        this.historyDetractors = Math.toIntExact(history[2]);
        this.historyInvited = Math.toIntExact(history[3]);
        this.historyAnswered = Math.toIntExact(history[4]);
        this.variance = variance;
        this.responseRate = responseRate;
        this.priorSpread = priorSpread;
        this.priorRate = priorRate;
        this.reachable = reachable;
        this.needed = needed;
        this.toInvite = toInvite;
        this.capped = capped;
        this.expectedMargin = expectedMargin;
        this.drawn = drawn;
    }

    public Long id() {
        return id;
    }

    public InvitationWave wave() {
        return wave;
    }

    public int position() {
        return position;
    }

    public String segmentKey() {
        return segmentKey;
    }

    public int confidence() {
        return confidence;
    }

    public double targetMargin() {
        return targetMargin;
    }

    /** responses, promoters, detractors, invited, answered of the last year. */
    public long[] history() {
        return new long[] {historyResponses, historyPromoters, historyDetractors, historyInvited, historyAnswered};
    }

    public double variance() {
        return variance;
    }

    public double responseRate() {
        return responseRate;
    }

    public boolean priorSpread() {
        return priorSpread;
    }

    public boolean priorRate() {
        return priorRate;
    }

    public int reachable() {
        return reachable;
    }

    public int needed() {
        return needed;
    }

    public int toInvite() {
        return toInvite;
    }

    public boolean capped() {
        return capped;
    }

    public Double expectedMargin() {
        return expectedMargin;
    }

    /** Customers drawn for this segment (the wave's sending may still skip one a rule holds back meanwhile). */
    public int drawn() {
        return drawn;
    }
}
