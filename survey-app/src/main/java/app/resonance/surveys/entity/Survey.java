package app.resonance.surveys.entity;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.annotations.ExistenceChecking;
import org.eclipse.persistence.annotations.ExistenceType;

/**
 * A survey: a stable public slug, its lifecycle (draft, open, closed) and its versions. Editing a
 * published survey creates a new draft version; responses keep pointing at the version they answered.
 */
@Entity
@Table(name = "survey")
// A response refers to the shared, detached published graph: no SELECT to see whether it exists.
@ExistenceChecking(ExistenceType.ASSUME_EXISTENCE)
@NamedQuery(name = Survey.BY_SLUG, query = "SELECT s FROM Survey s WHERE s.slug = :slug")
@NamedQuery(name = Survey.ALL, query = "SELECT s FROM Survey s ORDER BY s.slug")
public class Survey {

    public static final String BY_SLUG = "Survey.bySlug";
    public static final String ALL = "Survey.all";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_seq")
    @SequenceGenerator(name = "survey_seq", sequenceName = "survey_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SurveyKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SurveyStatus status;

    /** Anonymous surveys (employee surveys) never show groups smaller than five. */
    @Column(nullable = false)
    private boolean anonymous;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_version_id")
    private SurveyVersion publishedVersion;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL)
    @OrderBy("number ASC")
    @BatchFetch(BatchFetchType.IN) // one query for the whole level, not one per parent
    private List<SurveyVersion> versions = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "response_limit")
    private Integer responseLimit;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_policy", nullable = false)
    private AnswerPolicy answerPolicy = AnswerPolicy.SINGLE_ANSWER;

    /** Comma-separated origins (scheme://host[:port]) whose pages may embed the widget. */
    @Column(name = "allowed_origins")
    private String allowedOrigins;

    /** Relationship or transactional: which contact limit applies besides the overall one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "contact_kind", nullable = false)
    private ContactKind contactKind = ContactKind.RELATIONSHIP;

    /** Comma-separated names of the hidden fields (URL parameters) stored with responses ({@link HiddenFields}). */
    @Column(name = "hidden_fields")
    private String hiddenFields;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Survey() {}

    public Survey(String slug, SurveyKind kind, boolean anonymous, Instant now) {
        this.slug = slug;
        this.kind = kind;
        this.anonymous = anonymous;
        this.status = SurveyStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
        versions.add(new SurveyVersion(this, 1, now));
    }

    /** The draft to edit: the open draft, or a new one copied from the newest published version. */
    public SurveyVersion editableDraft(Instant now) {
        SurveyVersion latest = latestVersion();
        if (!latest.isPublished()) {
            return latest;
        }
        SurveyVersion draft = latest.copyAsDraft(latest.number() + 1, now);
        versions.add(draft);
        updatedAt = now;
        return draft;
    }

    /** Publishes the draft: it becomes immutable and is what the public link serves from now on. */
    public SurveyVersion publish(Instant now) {
        SurveyVersion draft =
                draft().orElseThrow(() -> new IllegalStateException("Survey " + slug + " has no draft to publish"));
        draft.publish(now);
        publishedVersion = draft;
        if (status == SurveyStatus.DRAFT) {
            status = SurveyStatus.OPEN;
        }
        updatedAt = now;
        return draft;
    }

    public void close(Instant now) {
        if (publishedVersion == null) {
            throw new IllegalStateException("Survey " + slug + " was never published");
        }
        status = SurveyStatus.CLOSED;
        updatedAt = now;
    }

    public void reopen(Instant now) {
        if (publishedVersion == null) {
            throw new IllegalStateException("Survey " + slug + " was never published");
        }
        status = SurveyStatus.OPEN;
        updatedAt = now;
    }

    public Optional<SurveyVersion> draft() {
        SurveyVersion latest = latestVersion();
        return latest.isPublished() ? Optional.empty() : Optional.of(latest);
    }

    public SurveyVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    public Optional<SurveyVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public boolean isOpen() {
        return status == SurveyStatus.OPEN;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public SurveyKind kind() {
        return kind;
    }

    /** Changes the schedule, the response limit, the answer policy and the widget origins. */
    public void configure(
            Instant opensAt,
            Instant closesAt,
            Integer responseLimit,
            AnswerPolicy answerPolicy,
            List<String> allowedOrigins,
            Instant now) {
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.responseLimit = responseLimit;
        this.answerPolicy = answerPolicy == null ? AnswerPolicy.SINGLE_ANSWER : answerPolicy;
        this.allowedOrigins =
                allowedOrigins == null || allowedOrigins.isEmpty() ? null : String.join(",", allowedOrigins);
        this.updatedAt = now;
    }

    /** Whether respondents may answer now, as far as status and schedule go (the limit needs a count). */
    public Availability availability(Instant now) {
        if (publishedVersion == null) {
            return Availability.UNPUBLISHED;
        }
        return availability(status, opensAt, closesAt, now);
    }

    /** The same for a survey's status and schedule as read from the database (a draft was never published). */
    public static Availability availability(SurveyStatus status, Instant opensAt, Instant closesAt, Instant now) {
        if (status == SurveyStatus.DRAFT) {
            return Availability.UNPUBLISHED;
        }
        if (status == SurveyStatus.CLOSED || (closesAt != null && !now.isBefore(closesAt))) {
            return Availability.CLOSED;
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            return Availability.NOT_YET_OPEN;
        }
        return Availability.OPEN;
    }

    /** Whether a survey accepts answers now. */
    public enum Availability {
        OPEN,
        NOT_YET_OPEN,
        CLOSED,
        UNPUBLISHED
    }

    public Optional<Instant> opensAt() {
        return Optional.ofNullable(opensAt);
    }

    public Optional<Instant> closesAt() {
        return Optional.ofNullable(closesAt);
    }

    public Optional<Integer> responseLimit() {
        return Optional.ofNullable(responseLimit);
    }

    public AnswerPolicy answerPolicy() {
        return answerPolicy;
    }

    public List<String> allowedOrigins() {
        if (allowedOrigins == null || allowedOrigins.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(allowedOrigins.split(","))
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList();
    }

    /** The hidden fields this survey declares, in their order. */
    public List<String> hiddenFields() {
        return HiddenFields.names(hiddenFields);
    }

    public ContactKind contactKind() {
        return contactKind;
    }

    /** Makes this a relationship or a transactional survey (none given: relationship). */
    public void classify(ContactKind kind) {
        this.contactKind = kind == null ? ContactKind.RELATIONSHIP : kind;
    }

    /** Declares the hidden fields (names already checked against {@link HiddenFields#NAME}). */
    public void declareHiddenFields(List<String> names) {
        this.hiddenFields = names == null || names.isEmpty() ? null : String.join(",", names);
    }

    public SurveyStatus status() {
        return status;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public void anonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public Optional<SurveyVersion> publishedVersion() {
        return Optional.ofNullable(publishedVersion);
    }

    public List<SurveyVersion> versions() {
        return List.copyOf(versions);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-lock version: it changes with every change of the survey, publishing included. */
    public long rowVersion() {
        return rowVersion;
    }
}
