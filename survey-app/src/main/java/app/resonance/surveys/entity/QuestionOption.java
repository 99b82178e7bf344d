package app.resonance.surveys.entity;

import app.resonance.platform.entity.LocalizedText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "question_option")
public class QuestionOption {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_option_seq")
    @SequenceGenerator(name = "question_option_seq", sequenceName = "question_option_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private Question question;

    @Enumerated(EnumType.STRING)
    @Column(name = "option_role", nullable = false)
    private OptionRole role;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "de", column = @Column(name = "label_de")),
        @AttributeOverride(name = "en", column = @Column(name = "label_en")),
        @AttributeOverride(name = "more", column = @Column(name = "label_more"))
    })
    private LocalizedText label;

    protected QuestionOption() {}

    QuestionOption(Question question, OptionRole role, int position, String code, LocalizedText label) {
        this.question = question;
        this.role = role;
        this.position = position;
        this.code = code;
        this.label = label;
    }

    public Long id() {
        return id;
    }

    public OptionRole role() {
        return role;
    }

    public int position() {
        return position;
    }

    public String code() {
        return code;
    }

    public LocalizedText label() {
        return label;
    }
}
