package app.resonance.analytics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A named dashboard view: the filters of the analytics dashboard and trend API as they were typed (survey slug,
 * metric, question, segment key, channel, language, granularity; null where nothing was chosen) and a period,
 * either relative ({@code period}, e.g. LAST_12_MONTHS) or fixed ({@code from}..{@code to}). Owned by the
 * console user who saved it.
 */
@Entity
@Table(name = "saved_view")
@NamedQuery(name = SavedView.ALL, query = "SELECT v FROM SavedView v ORDER BY LOWER(v.name), v.id")
public class SavedView {

    public static final String ALL = "SavedView.all";
    public static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_view_seq")
    @SequenceGenerator(name = "saved_view_seq", sequenceName = "saved_view_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String owner;

    private String survey;
    private String metric;
    private String question;
    private String segment;
    private String channel;
    private String locale;
    private String granularity;
    private String period;

    @Column(name = "from_day")
    private LocalDate from;

    @Column(name = "to_day")
    private LocalDate to;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SavedView() {}

    public SavedView(String owner, Instant createdAt) {
        this.owner = owner;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets everything but the owner; the values are checked before (see {@code SavedViews.check}). */
    public void change(
            String name,
            String survey,
            String metric,
            String question,
            String segment,
            String channel,
            String locale,
            String granularity,
            String period,
            LocalDate from,
            LocalDate to,
            Instant now) {
        this.name = name;
        this.survey = survey;
        this.metric = metric;
        this.question = question;
        this.segment = segment;
        this.channel = channel;
        this.locale = locale;
        this.granularity = granularity;
        this.period = period;
        this.from = from;
        this.to = to;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public String survey() {
        return survey;
    }

    public String metric() {
        return metric;
    }

    public String question() {
        return question;
    }

    public String segment() {
        return segment;
    }

    public String channel() {
        return channel;
    }

    public String locale() {
        return locale;
    }

    public String granularity() {
        return granularity;
    }

    /** The relative period's name, or null for a fixed period. */
    public String period() {
        return period;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
