package app.resonance.distribution.entity;

import app.resonance.customers.entity.Customer;
import app.resonance.surveys.entity.HiddenFields;
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
import java.util.Map;
import java.util.Optional;

/**
 * An event a CRM or helpdesk posted for a customer ("ticket_solved"), with the sender's own id (unique: the same id
 * again is the same event), when it happened, the customer's time zone if known, and its attributes.
 */
@Entity
@Table(name = "customer_event")
@NamedQuery(name = CustomerEvent.BY_EXTERNAL_ID, query = "SELECT e FROM CustomerEvent e WHERE e.externalId = :id")
public class CustomerEvent {

    public static final String BY_EXTERNAL_ID = "CustomerEvent.byExternalId";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_event_seq")
    @SequenceGenerator(name = "customer_event_seq", sequenceName = "customer_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "attributes")
    private String attributes;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    protected CustomerEvent() {}

    public CustomerEvent(
            String externalId,
            String eventType,
            Customer customer,
            Instant occurredAt,
            String timeZone,
            Map<String, String> attributes,
            String baseUrl,
            Instant now) {
        this.externalId = externalId;
        this.eventType = eventType;
        this.customer = customer;
        this.occurredAt = occurredAt;
        this.timeZone = timeZone;
        this.attributes = HiddenFields.encode(attributes);
        this.baseUrl = baseUrl;
        this.receivedAt = now;
    }

    public Long id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public String eventType() {
        return eventType;
    }

    public Customer customer() {
        return customer;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<String> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    public Map<String, String> attributes() {
        return HiddenFields.decode(attributes);
    }

    /** The attributes as stored (form-encoded), to travel with the invitation. */
    public String attributesEncoded() {
        return attributes;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
