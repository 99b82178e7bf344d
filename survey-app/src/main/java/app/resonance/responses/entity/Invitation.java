package app.resonance.responses.entity;

import app.resonance.customers.entity.Customer;
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
import java.util.Optional;

/**
 * A personal link for one customer to one survey. The token itself is never stored, only its SHA-256:
 * the link in the customer's mail is the only place it exists. At most one response answers it.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = Invitation.BY_TOKEN_HASH, query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
public class Invitation {

    public static final String BY_TOKEN_HASH = "Invitation.byTokenHash";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "wave_id")
    private Long waveId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    /** The attributes of the event that triggered the invitation, form-encoded (none: null). */
    @Column(name = "event_attributes")
    private String eventAttributes;

    protected Invitation() {}

    public Invitation(Survey survey, Customer customer, Long waveId, String tokenHash, Instant now) {
        this.survey = survey;
        this.customer = customer;
        this.waveId = waveId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    /** Carries the attributes of the event that triggered it (form-encoded), stored with the answer. */
    public Invitation withEventAttributes(String encoded) {
        this.eventAttributes = encoded;
        return this;
    }

    public String eventAttributesEncoded() {
        return eventAttributes;
    }

    public void sent(Instant now) {
        this.sentAt = now;
    }

    public void reminded(Instant now) {
        this.remindedAt = now;
    }

    /** Records the first visit of the link. */
    public void opened(Instant now) {
        if (openedAt == null) {
            openedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Survey survey() {
        return survey;
    }

    public Customer customer() {
        return customer;
    }

    public Optional<Long> waveId() {
        return Optional.ofNullable(waveId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> openedAt() {
        return Optional.ofNullable(openedAt);
    }

    public Optional<Instant> remindedAt() {
        return Optional.ofNullable(remindedAt);
    }
}
