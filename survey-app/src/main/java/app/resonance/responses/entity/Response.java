package app.resonance.responses.entity;

import app.resonance.customers.entity.Customer;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.entity.HiddenFields;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One respondent's answers to one published survey version. The segments the customer belonged to
 * when the response arrived are stored with it.
 */
@Entity
@Table(name = "response")
@jakarta.persistence.NamedQuery(
        name = Response.BY_RESUME_TOKEN,
        query = "SELECT r FROM Response r WHERE r.resumeTokenHash = :hash")
@jakarta.persistence.NamedQuery(
        name = Response.BY_INVITATION,
        query = "SELECT r FROM Response r WHERE r.invitation = :invitation")
public class Response {

    public static final String BY_RESUME_TOKEN = "Response.byResumeToken";
    public static final String BY_INVITATION = "Response.byInvitation";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
    @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "survey_version_id")
    private SurveyVersion version;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResponseStatus status;

    /** When the respondent submitted (UTC); for imports, when they answered in the other tool. */
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** When this server stored it (UTC). */
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_id")
    private Invitation invitation;

    @Column(name = "resume_token_hash")
    private String resumeTokenHash;

    /** The keyed hash of the client's address (public submissions only): the hourly alert cap counts by it. */
    @Column(name = "client_key")
    private String clientKey;

    /** The page a respondent of a public form has reached; 1 for responses sent whole. */
    @Column(name = "page_reached", nullable = false)
    private int pageReached = 1;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The declared hidden fields the response arrived with, form-encoded ({@link HiddenFields}). */
    @Column(name = "hidden_fields")
    private String hiddenFields;

    /** The attributes of the event whose invitation the response answers, form-encoded ({@link HiddenFields}). */
    @Column(name = "event_attributes")
    private String eventAttributes;

    @ManyToMany
    @JoinTable(
            name = "response_segment",
            joinColumns = @JoinColumn(name = "response_id"),
            inverseJoinColumns = @JoinColumn(name = "segment_id"))
    private Set<Segment> segments = new HashSet<>();

    @OneToMany(mappedBy = "response", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Answer> answers = new ArrayList<>();

    protected Response() {}

    public Response(
            SurveyVersion version,
            Customer customer,
            Channel channel,
            String locale,
            ResponseStatus status,
            Instant submittedAt,
            Instant receivedAt) {
        if (!version.isPublished()) {
            throw new IllegalArgumentException("Responses answer published versions only");
        }
        this.survey = version.survey();
        this.version = version;
        this.customer = customer;
        this.channel = channel;
        this.locale = locale;
        this.status = status;
        this.submittedAt = submittedAt;
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
    }

    /** Ties the response to the personal invitation it answers. */
    public Response answering(Invitation invitation) {
        this.invitation = invitation;
        this.eventAttributes = invitation.eventAttributesEncoded();
        return this;
    }

    /** Records which client sent the response, as a keyed hash of its address (null: unknown). */
    public Response fromClient(String clientKey) {
        this.clientKey = clientKey;
        return this;
    }

    /** Adds hidden field values that the response does not have yet (the first link's values win). */
    public Response withHiddenFields(java.util.Map<String, String> values) {
        java.util.Map<String, String> merged = HiddenFields.decode(hiddenFields);
        values.forEach(merged::putIfAbsent);
        this.hiddenFields = HiddenFields.encode(merged);
        return this;
    }

    public java.util.Map<String, String> hiddenFields() {
        return HiddenFields.decode(hiddenFields);
    }

    /** The attributes of the event that triggered the answered invitation (none: empty). */
    public java.util.Map<String, String> eventAttributes() {
        return HiddenFields.decode(eventAttributes);
    }

    public String clientKey() {
        return clientKey;
    }

    /** Lets an anonymous respondent come back: only the hash of the resume token is kept. */
    public Response resumableWith(String tokenHash) {
        this.resumeTokenHash = tokenHash;
        return this;
    }

    /**
     * Replaces the answers to these questions (a page of a form, or a changed one-click score) and
     * records the page reached; the response completes when the respondent finishes the last page.
     */
    public void replaceAnswers(
            java.util.Collection<app.resonance.surveys.entity.Question> questions,
            List<AnswerValue> values,
            int pageReached,
            boolean complete,
            Instant now) {
        answers.removeIf(a -> questions.contains(a.question()));
        addAnswers(values);
        this.pageReached = Math.max(1, pageReached);
        if (status != ResponseStatus.COMPLETE) {
            // A partial response dates from its latest page, a complete one from when it was finished.
            this.submittedAt = now;
        }
        if (complete) {
            this.status = ResponseStatus.COMPLETE;
        }
        this.updatedAt = now;
    }

    /** Removes answers to questions the respondent no longer sees (skip logic after a changed answer). */
    public void dropAnswers(java.util.Collection<app.resonance.surveys.entity.Question> hidden) {
        answers.removeIf(a -> hidden.contains(a.question()));
    }

    public void locale(String locale) {
        this.locale = locale;
    }

    public Optional<Invitation> invitation() {
        return Optional.ofNullable(invitation);
    }

    public int pageReached() {
        return pageReached;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void addAnswers(List<AnswerValue> values) {
        values.forEach(value -> answers.add(new Answer(this, value)));
    }

    public void addSegments(Set<Segment> matching) {
        segments.addAll(matching);
    }

    public Long id() {
        return id;
    }

    public Survey survey() {
        return survey;
    }

    public SurveyVersion version() {
        return version;
    }

    public Optional<Customer> customer() {
        return Optional.ofNullable(customer);
    }

    public Channel channel() {
        return channel;
    }

    public String locale() {
        return locale;
    }

    public ResponseStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Set<Segment> segments() {
        return Set.copyOf(segments);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }
}
