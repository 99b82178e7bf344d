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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.annotations.ExistenceChecking;
import org.eclipse.persistence.annotations.ExistenceType;

/** One question of a survey version. Its key is the name answers use in the API. */
@Entity
@Table(name = "question")
// A response refers to the shared, detached published graph: no SELECT to see whether it exists.
@ExistenceChecking(ExistenceType.ASSUME_EXISTENCE)
public class Question {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_seq")
    @SequenceGenerator(name = "question_seq", sequenceName = "question_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "survey_version_id")
    private SurveyVersion version;

    @Column(nullable = false)
    private int position;

    @Column(name = "question_key", nullable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_type", nullable = false)
    private QuestionType type;

    @Column(nullable = false)
    private boolean required;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "text_de")),
        @AttributeOverride(name = "en", column = @Column(name = "text_en")),
        @AttributeOverride(name = "more", column = @Column(name = "text_more"))
    })
    private LocalizedText text;

    @Column(name = "scale_min")
    private Integer scaleMin;

    @Column(name = "scale_max")
    private Integer scaleMax;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "min_label_de")),
        @AttributeOverride(name = "en", column = @Column(name = "min_label_en")),
        @AttributeOverride(name = "more", column = @Column(name = "min_label_more"))
    })
    private LocalizedText minLabel;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "max_label_de")),
        @AttributeOverride(name = "en", column = @Column(name = "max_label_en")),
        @AttributeOverride(name = "more", column = @Column(name = "max_label_more"))
    })
    private LocalizedText maxLabel;

    /** The page the question is on: 1, 2, ... */
    @Column(name = "page_no", nullable = false)
    private int page = 1;

    @Embedded
    private Condition showIf;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role ASC, position ASC")
    @BatchFetch(BatchFetchType.IN) // one query for the whole level, not one per parent
    private List<QuestionOption> options = new ArrayList<>();

    protected Question() {}

    Question(SurveyVersion version, int position, String key, QuestionType type, boolean required, LocalizedText text) {
        this.version = version;
        this.position = position;
        this.key = key;
        this.type = type;
        this.required = required;
        this.text = text;
        this.scaleMin = type.defaultMin();
        this.scaleMax = type.defaultMax();
    }

    /** Sets the scale of a rating question; NPS, CSAT and CES keep their standard scales. */
    public Question scale(Integer min, Integer max, LocalizedText minLabel, LocalizedText maxLabel) {
        if (type == QuestionType.RATING && min != null && max != null) {
            this.scaleMin = min;
            this.scaleMax = max;
        }
        this.minLabel = minLabel;
        this.maxLabel = maxLabel;
        return this;
    }

    /** Puts the question on a page and shows it only when the condition holds (null: always). */
    public Question placed(int page, Condition showIf) {
        this.page = Math.max(1, page);
        this.showIf = showIf;
        return this;
    }

    public int page() {
        return page;
    }

    public Optional<Condition> showIf() {
        return showIf == null || showIf.isEmpty() ? Optional.empty() : Optional.of(showIf);
    }

    public Question addOption(OptionRole role, String code, LocalizedText label) {
        int position = (int) options.stream().filter(o -> o.role() == role).count();
        options.add(new QuestionOption(this, role, position, code, label));
        return this;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String key() {
        return key;
    }

    public QuestionType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public LocalizedText text() {
        return text;
    }

    public Integer scaleMin() {
        return scaleMin;
    }

    public Integer scaleMax() {
        return scaleMax;
    }

    public LocalizedText minLabel() {
        return minLabel;
    }

    public LocalizedText maxLabel() {
        return maxLabel;
    }

    public List<QuestionOption> options(OptionRole role) {
        return options.stream().filter(o -> o.role() == role).toList();
    }

    public Optional<QuestionOption> option(OptionRole role, String code) {
        return options.stream()
                .filter(o -> o.role() == role && o.code().equals(code))
                .findFirst();
    }

    public boolean inScale(int value) {
        return scaleMin != null && scaleMax != null && value >= scaleMin && value <= scaleMax;
    }
}
