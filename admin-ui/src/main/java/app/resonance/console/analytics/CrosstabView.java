package app.resonance.console.analytics;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Crosstab;
import app.resonance.analytics.control.CrosstabBy;
import app.resonance.analytics.control.Crosstabs;
import app.resonance.analytics.control.MatrixSummary;
import app.resonance.console.platform.Faces;
import app.resonance.console.platform.Figures;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crosstab page: a survey's question by a grouping, through the API's {@link Crosstabs} and the one
 * {@link AnalyticsQuery} (the reporting rules; the last 90 days unless from and to say otherwise, optionally one
 * segment); survey, question, grouping, segment, from and to are in the URL, so a link from the dashboard keeps its
 * filters.
 */
@Named
@ViewScoped
public class CrosstabView extends SurveyPeriodView {

    private static final long serialVersionUID = 1L;
    static final List<String> GROUPINGS =
            List.of("plan", "region", "lifecycle", "segment", "channel", "language", "month", "quarter");

    @Inject
    transient Crosstabs crosstabs;

    private String question;
    private String by;
    private Crosstab table;
    private MatrixSummary matrix;
    private List<String> notes = List.of();

    /** Picks the defaults (the relationship survey, its first countable question, by plan) and counts. */
    public void load() throws SQLException {
        Survey chosen = chooseSurvey().orElse(null);
        if (chosen == null) {
            return;
        }
        if (question == null || !countable(chosen).containsKey(question)) {
            question = countable(chosen).keySet().stream().findFirst().orElse(null);
        }
        if (by == null || by.isBlank()) {
            by = "plan";
        }
        AnalyticsQuery query = readPeriod(Crosstabs.DEFAULT_DAYS).orElse(null);
        if (query == null) {
            return;
        }
        // A matrix's own key shows it row by row; "key.row" (a matrix row) is counted like a choice question.
        String key = question == null ? null : question.split("\\.", 2)[0];
        String row = question != null && question.contains(".") ? question.split("\\.", 2)[1] : null;
        Question asked = key == null ? null : Crosstabs.question(chosen, key).orElse(null);
        if (asked != null && asked.type() == QuestionType.MATRIX && row == null) {
            matrix = crosstabs.matrix(query, asked, Faces.messages());
            notes = List.of(Faces.messages().get("matrix.note"));
            return;
        }
        var complaints = new java.util.ArrayList<>(Crosstabs.check(chosen, key, row, by));
        complaints.addAll(
                Crosstabs.checkPeriods(by, query.filter().from(), query.filter().to()));
        if (!complaints.isEmpty()) {
            complaints.forEach(c -> Faces.error(
                    "crosstab.invalid",
                    Faces.messages()
                            .error(c.field(), c.code(), c.arguments().toArray())
                            .message()));
            return;
        }
        table = crosstabs.table(query, asked, row, CrosstabBy.parse(by).orElseThrow(), Faces.messages());
        notes = notes(table, query.rules().minimumResponses());
    }

    private static List<String> notes(Crosstab table, int minimum) {
        var messages = Faces.messages();
        var list = new java.util.ArrayList<String>();
        long suppressed = table.columns().stream().filter(c -> !c.shown()).count();
        if (suppressed > 0) {
            list.add(messages.get("crosstab.note.suppressed", suppressed, minimum));
        }
        if (table.chiSquareOmitted() != null) {
            list.add(messages.get("crosstab.note." + table.chiSquareOmitted().name()));
        } else if (table.chiSquare().sparse()) {
            list.add(messages.get("crosstab.note.sparse"));
        }
        return list;
    }

    /**
     * The survey's choice, score and matrix questions, key to text in the console's language, newest version first;
     * after a matrix each of its rows as "key.row" to the row's text.
     */
    static Map<String, String> countable(Survey survey) {
        Map<String, String> questions = new LinkedHashMap<>();
        survey.versions().stream()
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type().isScale()
                        || q.type() == QuestionType.SINGLE_CHOICE
                        || q.type() == QuestionType.MULTIPLE_CHOICE
                        || q.type() == QuestionType.MATRIX)
                .filter(q -> !questions.containsKey(q.key()))
                .forEach(q -> {
                    questions.put(q.key(), q.text().in(Faces.locale()));
                    if (q.type() == QuestionType.MATRIX) {
                        q.options(OptionRole.ROW)
                                .forEach(o -> questions.put(
                                        q.key() + "." + o.code(), o.label().in(Faces.locale())));
                    }
                });
        return questions;
    }

    public String apply() {
        return "/admin/crosstab?faces-redirect=true&includeViewParams=true";
    }

    /** The chosen survey's choice and score questions, "key: text" (shortened) to key. */
    public Map<String, String> getQuestions() {
        Map<String, String> questions = new LinkedHashMap<>();
        surveys.bySlug(getSurvey() == null ? "" : getSurvey()).ifPresent(s -> countable(s)
                .forEach((key, text) -> questions.put(Faces.questionLabel(key, text), key)));
        return questions;
    }

    /** The groupings, and the survey's other choice questions as {@code question:KEY}, label to value. */
    public Map<String, String> getGroupings() {
        Map<String, String> groupings = new LinkedHashMap<>();
        GROUPINGS.forEach(g -> groupings.put(Faces.text("crosstab.by." + g), g));
        surveys.bySlug(getSurvey() == null ? "" : getSurvey()).ifPresent(s -> s.versions().stream()
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE)
                .filter(q -> !q.key().equals(question))
                .forEach(q -> groupings.putIfAbsent(
                        Faces.text("crosstab.by.question", q.key()), CrosstabBy.QUESTION_PREFIX + q.key())));
        return groupings;
    }

    /** A cell as the table shows it: "12 · 30 % ± 14"; empty for a suppressed column. */
    public String cell(Crosstab.Cell cell) {
        if (cell.count() == null || cell.share() == null) {
            return "";
        }
        return Faces.text(
                "crosstab.cell", cell.count(), Math.round(cell.share() * 100), Math.round(cell.marginOfError() * 100));
    }

    /** A matrix row's cell: "12 · 30 % ± 14"; empty when the row is suppressed. */
    public String matrixCell(MatrixSummary.Cell cell) {
        if (cell.count() == null) {
            return "";
        }
        return Faces.text(
                "crosstab.cell", cell.count(), Math.round(cell.share() * 100), Math.round(cell.marginOfError() * 100));
    }

    /** A matrix row's mean: "3.4 ± 0.6" in the console's language; empty when the row is suppressed. */
    public String mean(MatrixSummary.Row row) {
        if (row.mean() == null) {
            return "";
        }
        var format = java.text.NumberFormat.getNumberInstance(Faces.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return row.meanMarginOfError() == null
                ? format.format(row.mean())
                : format.format(row.mean()) + " ± " + format.format(row.meanMarginOfError());
    }

    /** A share as a CSS width: "40.0%". */
    public String percent(Double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share == null ? 0 : share * 100);
    }

    public MatrixSummary getMatrix() {
        return matrix;
    }

    public Crosstab getTable() {
        return table;
    }

    public List<String> getNotes() {
        return notes;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    /** A p-value as the dashboard writes it ("p < 0.001" rather than a rounded "p = 0"). */
    public String p(double p) {
        return Figures.p(p, Faces.locale());
    }
}
