package app.resonance.console.surveys;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The designer's questions while they are edited: adding, editing one at a time, moving up, deleting, and
 * the options and matrix rows of the question being edited. Nothing is saved here; the designer saves the
 * list as a whole.
 */
public class QuestionList implements Serializable {

    private static final long serialVersionUID = 1L;

    private List<QuestionModel> questions = new ArrayList<>();
    private QuestionModel editing;

    /** The questions of a stored version (the question being edited, if any, stays chosen). */
    void replace(List<QuestionModel> stored) {
        questions = new ArrayList<>(stored);
    }

    public void addQuestion() {
        QuestionModel question = new QuestionModel();
        question.setKey("q" + (questions.size() + 1));
        question.setType("SHORT_TEXT");
        questions.add(question);
        editing = question;
    }

    public void edit(QuestionModel question) {
        editing = question;
    }

    public void delete(QuestionModel question) {
        questions.remove(question);
        if (editing == question) {
            editing = null;
        }
    }

    public void moveUp(QuestionModel question) {
        int i = questions.indexOf(question);
        if (i > 0) {
            questions.remove(i);
            questions.add(i - 1, question);
        }
    }

    public void apply() {
        editing = null;
    }

    public void addOption() {
        editing.getOptions().add(new OptionModel());
    }

    public void addRow() {
        editing.getRows().add(new OptionModel());
    }

    public void removeOption(OptionModel option) {
        editing.getOptions().remove(option);
        editing.getRows().remove(option);
    }

    /** The keys of the questions before the one being edited: what its condition may depend on. */
    public List<String> getEarlierKeys() {
        int index = editing == null ? -1 : questions.indexOf(editing);
        return index < 0
                ? List.of()
                : questions.subList(0, index).stream()
                        .map(QuestionModel::getKey)
                        .toList();
    }

    public List<QuestionModel> getQuestions() {
        return questions;
    }

    public QuestionModel getEditing() {
        return editing;
    }
}
