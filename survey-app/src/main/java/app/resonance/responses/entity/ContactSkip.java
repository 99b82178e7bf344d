package app.resonance.responses.entity;

import app.resonance.customers.entity.Customer;
import app.resonance.surveys.entity.Survey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A survey that did not reach a customer, and why: a contact rule held it back, the address is suppressed, or there
 * is no address. Recorded by every channel that asks a known customer (waves, event rules, programmes, the identified widget), so that the
 * customer page can say why someone was not asked.
 */
@Entity
@Table(name = "contact_skip")
public class ContactSkip {

    /** The channel that would have asked. */
    public enum Channel {
        WAVE,
        WIDGET,
        /** An event rule (an event posted by a CRM or helpdesk). */
        EVENT,
        /** A recurring programme's cycle. */
        PROGRAMME
    }

    /** Why the customer was not asked. */
    public enum Reason {
        /** Asked by any survey within the overall contact limit. */
        CONTACTED_RECENTLY,
        /** Asked by a survey of the same kind (relationship, transactional) within that kind's limit. */
        SAME_KIND_RECENTLY,
        /** The address is on the suppression list (unsubscribed, bounced, complained). */
        SUPPRESSED,
        /** No e-mail address to send an invitation to. */
        NO_EMAIL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_skip_seq")
    @SequenceGenerator(name = "contact_skip_seq", sequenceName = "contact_skip_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(name = "wave_id")
    private Long waveId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;

    @Column(name = "skipped_at", nullable = false)
    private Instant skippedAt;

    protected ContactSkip() {}

    public ContactSkip(Customer customer, Survey survey, Long waveId, Channel channel, Reason reason, Instant now) {
        this.customer = customer;
        this.survey = survey;
        this.waveId = waveId;
        this.channel = channel;
        this.reason = reason;
        this.skippedAt = now;
    }
}
