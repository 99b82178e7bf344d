package app.resonance.responses.control;

import app.resonance.surveys.entity.Condition;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.SurveyVersion;
import java.util.List;
import java.util.Optional;

/** Skip logic: which questions and pages a respondent sees, given what they have answered so far. */
public final class Visibility {

    private final SurveyVersion version;
    private final FormValues values;

    public Visibility(SurveyVersion version, FormValues values) {
        this.version = version;
        this.values = values;
    }

    /**
     * Whether the question is shown: it has no condition, or the question it depends on is shown and its
     * answer matches (a hidden question's stale answer never shows anything).
     */
    public boolean shown(Question question) {
        Optional<Condition> condition = question.showIf();
        if (condition.isEmpty()) {
            return true;
        }
        Optional<Question> source = version.question(condition.get().questionKey());
        if (source.isEmpty() || !shown(source.get())) {
            return false;
        }
        return condition.get().matches(values.answered(source.get()), values.chosen(source.get()));
    }

    /** The questions of a page the respondent sees. */
    public List<Question> shownOn(int page) {
        return version.questions().stream()
                .filter(q -> q.page() == page && shown(q))
                .toList();
    }

    /**
     * The questions to put on a page: those shown, and those whose condition depends on a question of
     * the same page (the page's script shows and hides them as the respondent answers).
     */
    public List<Question> renderedOn(int page) {
        return version.questions().stream()
                .filter(q -> q.page() == page && (shown(q) || dependsOnSamePage(q)))
                .toList();
    }

    /** Whether the question's condition looks at a question on its own page. */
    public boolean dependsOnSamePage(Question question) {
        return question.showIf()
                .flatMap(c -> version.question(c.questionKey()))
                .filter(source -> source.page() == question.page())
                .isPresent();
    }

    public List<Question> hidden() {
        return version.questions().stream().filter(q -> !shown(q)).toList();
    }

    /** The pages with at least one question shown, in order. */
    public List<Integer> pages() {
        return version.pages().stream().filter(p -> !shownOn(p).isEmpty()).toList();
    }

    /** The next page shown after this one, if any. */
    public Optional<Integer> after(int page) {
        return pages().stream().filter(p -> p > page).findFirst();
    }

    public Optional<Integer> before(int page) {
        return pages().stream().filter(p -> p < page).reduce((a, b) -> b);
    }

    public int first() {
        return pages().isEmpty() ? 1 : pages().get(0);
    }
}
