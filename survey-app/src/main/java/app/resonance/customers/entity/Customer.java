package app.resonance.customers.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A customer of the company that runs the surveys, known by the company's own external id. */
@Entity
@Table(name = "customer")
@NamedQuery(name = Customer.BY_EXTERNAL_ID, query = "SELECT c FROM Customer c WHERE c.externalId = :externalId")
@NamedQuery(name = Customer.BY_EXTERNAL_IDS, query = "SELECT c FROM Customer c WHERE c.externalId IN :externalIds")
public class Customer implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_EXTERNAL_ID = "Customer.byExternalId";
    public static final String BY_EXTERNAL_IDS = "Customer.byExternalIds";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_id", nullable = false, unique = true)
    private String externalId;

    @Column(nullable = false)
    private String name;

    private String email;
    private String plan;
    private String region;

    @Column(name = "lifecycle_stage")
    private String lifecycleStage;

    @Column(name = "renewal_date")
    private LocalDate renewalDate;

    @Column(name = "preferred_locale")
    private String preferredLocale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_attribute", joinColumns = @JoinColumn(name = "customer_id"))
    @MapKeyColumn(name = "attr_name")
    @Column(name = "attr_value")
    private Map<String, String> attributes = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Customer() {}

    public Customer(String externalId, String name, Instant now) {
        this.externalId = externalId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes over every field of the given profile (an upsert by external id). */
    public void update(CustomerProfile profile, Instant now) {
        this.name = profile.name();
        this.email = profile.email();
        this.plan = profile.plan();
        this.region = profile.region();
        this.lifecycleStage = profile.lifecycleStage();
        this.renewalDate = profile.renewalDate();
        this.preferredLocale = profile.locale();
        this.attributes.clear();
        this.attributes.putAll(profile.attributes());
        this.updatedAt = now;
    }

    /** The value of a named attribute as segment rules see it: the standard fields first, then free attributes. */
    public Optional<String> attribute(String attributeName) {
        String value =
                switch (attributeName) {
                    case "plan" -> plan;
                    case "region" -> region;
                    case "lifecycleStage" -> lifecycleStage;
                    case "renewalDate" -> renewalDate == null ? null : renewalDate.toString();
                    case "locale" -> preferredLocale;
                    case "email" -> email;
                    default -> attributes.get(attributeName);
                };
        return Optional.ofNullable(value);
    }

    public CustomerProfile profile() {
        return new CustomerProfile(
                externalId,
                name,
                email,
                plan,
                region,
                lifecycleStage,
                renewalDate,
                preferredLocale,
                Map.copyOf(attributes));
    }

    public Long id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String plan() {
        return plan;
    }

    public String region() {
        return region;
    }

    public String lifecycleStage() {
        return lifecycleStage;
    }

    public LocalDate renewalDate() {
        return renewalDate;
    }

    public String preferredLocale() {
        return preferredLocale;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
