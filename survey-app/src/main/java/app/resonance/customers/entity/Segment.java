package app.resonance.customers.entity;

import app.resonance.platform.entity.LocalizedText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A named group of customers, defined by rules that must all hold. Evaluated when a response arrives
 * and stored with it, so that history does not move when a customer later changes plan.
 */
@Entity
@Table(name = "segment")
@NamedQuery(name = Segment.ALL, query = "SELECT s FROM Segment s ORDER BY s.key")
@NamedQuery(name = Segment.BY_KEY, query = "SELECT s FROM Segment s WHERE s.key = :key")
public class Segment {

    public static final String ALL = "Segment.all";
    public static final String BY_KEY = "Segment.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
    @SequenceGenerator(name = "segment_seq", sequenceName = "segment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "segment_key", nullable = false, unique = true)
    private String key;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "name_de")),
        @AttributeOverride(name = "en", column = @Column(name = "name_en")),
        @AttributeOverride(name = "more", column = @Column(name = "name_more"))
    })
    private LocalizedText name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "segment_rule", joinColumns = @JoinColumn(name = "segment_id"))
    @OrderColumn(name = "position")
    private List<SegmentRule> rules = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Segment() {}

    public Segment(String key, LocalizedText name, List<SegmentRule> rules, Instant now) {
        this.key = key;
        this.createdAt = now;
        define(name, rules, now);
    }

    public void define(LocalizedText name, List<SegmentRule> rules, Instant now) {
        this.name = name;
        this.rules.clear();
        this.rules.addAll(rules);
        this.updatedAt = now;
    }

    /** Whether the customer belongs to this segment on the given day: every rule holds. */
    public boolean matches(Customer customer, LocalDate today) {
        return !rules.isEmpty() && rules.stream().allMatch(rule -> rule.test(customer, today));
    }

    public Long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public LocalizedText name() {
        return name;
    }

    public List<SegmentRule> rules() {
        return List.copyOf(rules);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
