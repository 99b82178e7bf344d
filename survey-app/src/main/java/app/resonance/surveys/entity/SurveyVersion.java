package app.resonance.surveys.entity;

import app.resonance.platform.entity.LocalizedText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.annotations.ExistenceChecking;
import org.eclipse.persistence.annotations.ExistenceType;

/**
 * One version of a survey's questions. A draft may change; once published it is immutable, and every
 * response points at the version it answered.
 */
@Entity
@Table(name = "survey_version")
// A response refers to the shared, detached published graph: no SELECT to see whether it exists.
@ExistenceChecking(ExistenceType.ASSUME_EXISTENCE)
public class SurveyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_version_seq")
    @SequenceGenerator(name = "survey_version_seq", sequenceName = "survey_version_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @Column(name = "version_no", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VersionState state;

    @Column(name = "default_locale", nullable = false)
    private String defaultLocale;

    /** Comma-separated language codes the survey is offered in, for example "de,en". */
    @Column(nullable = false)
    private String languages;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "title_de")),
        @AttributeOverride(name = "en", column = @Column(name = "title_en")),
        @AttributeOverride(name = "more", column = @Column(name = "title_more"))
    })
    private LocalizedText title;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "intro_de")),
        @AttributeOverride(name = "en", column = @Column(name = "intro_en")),
        @AttributeOverride(name = "more", column = @Column(name = "intro_more"))
    })
    private LocalizedText intro;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position ASC")
    @BatchFetch(BatchFetchType.IN) // one query for the whole level, not one per parent
    private List<Question> questions = new ArrayList<>();

    protected SurveyVersion() {}

    SurveyVersion(Survey survey, int number, Instant now) {
        this.survey = survey;
        this.number = number;
        this.state = VersionState.DRAFT;
        this.createdAt = now;
        this.defaultLocale = "de";
        this.languages = "de,en";
    }

    private void requireDraft() {
        if (state != VersionState.DRAFT) {
            throw new IllegalStateException("Version " + number + " of survey " + survey.slug() + " is published");
        }
    }

    /** Replaces the texts of this draft. */
    public SurveyVersion describe(
            LocalizedText title, LocalizedText intro, List<String> languages, String defaultLocale) {
        requireDraft();
        this.title = title;
        this.intro = intro;
        this.languages = String.join(",", languages);
        this.defaultLocale = defaultLocale;
        return this;
    }

    /** Removes every question of this draft, so that it can be described anew. */
    public void clearQuestions() {
        requireDraft();
        questions.clear();
    }

    public Question addQuestion(String key, QuestionType type, boolean required, LocalizedText text) {
        requireDraft();
        Question question = new Question(this, questions.size(), key, type, required, text);
        questions.add(question);
        return question;
    }

    void publish(Instant now) {
        requireDraft();
        if (questions.isEmpty()) {
            throw new IllegalStateException("A survey without questions cannot be published");
        }
        state = VersionState.PUBLISHED;
        publishedAt = now;
    }

    /** A new draft with the same texts and questions, to be edited without touching this version. */
    SurveyVersion copyAsDraft(int newNumber, Instant now) {
        SurveyVersion copy = new SurveyVersion(survey, newNumber, now);
        copy.describe(title, intro, languages(), defaultLocale);
        for (Question q : questions) {
            Question c = copy.addQuestion(q.key(), q.type(), q.required(), q.text());
            c.scale(q.scaleMin(), q.scaleMax(), q.minLabel(), q.maxLabel());
            c.placed(
                    q.page(),
                    q.showIf()
                            .map(x -> new Condition(x.questionKey(), x.operator(), x.values()))
                            .orElse(null));
            for (OptionRole role : OptionRole.values()) {
                q.options(role).forEach(o -> c.addOption(role, o.code(), o.label()));
            }
        }
        return copy;
    }

    public Long id() {
        return id;
    }

    public Survey survey() {
        return survey;
    }

    public int number() {
        return number;
    }

    public VersionState state() {
        return state;
    }

    public boolean isPublished() {
        return state == VersionState.PUBLISHED;
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    public List<String> languages() {
        return Arrays.stream(languages.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public LocalizedText title() {
        return title;
    }

    public LocalizedText intro() {
        return intro;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    /** The page numbers in use, ascending. */
    public List<Integer> pages() {
        return questions.stream().map(Question::page).distinct().sorted().toList();
    }

    public Optional<Question> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
