package app.resonance.responses.entity;

import app.resonance.surveys.entity.Question;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One stored value of an answer: a score, a chosen option, a matrix row's choice or a text. A multiple
 * choice gives one row per chosen option, a matrix one row per answered row.
 */
@Entity
@Table(name = "answer")
public class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "answer_seq")
    @SequenceGenerator(name = "answer_seq", sequenceName = "answer_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "response_id")
    private Response response;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private Question question;

    @Column(name = "row_code")
    private String rowCode;

    @Column(name = "option_code")
    private String optionCode;

    private Integer score;

    @Column(name = "text_value")
    private String text;

    protected Answer() {}

    Answer(Response response, AnswerValue value) {
        this.response = response;
        this.question = value.question();
        this.rowCode = value.rowCode();
        this.optionCode = value.optionCode();
        this.score = value.score();
        this.text = value.text();
    }

    public Long id() {
        return id;
    }

    public Question question() {
        return question;
    }

    public AnswerValue value() {
        return new AnswerValue(question, rowCode, optionCode, score, text);
    }
}
