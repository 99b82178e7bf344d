package app.resonance.console.comments;

import app.resonance.analytics.control.AnalyticsSettings;
import app.resonance.analytics.control.CommentFilter;
import app.resonance.analytics.control.Comments;
import app.resonance.analytics.control.Granularity;
import app.resonance.analytics.control.Topic;
import app.resonance.analytics.control.Topics;
import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.surveys.control.SurveyCatalog;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Comments of one survey, newest first, page by page through {@link Comments}; search text, theme,
 * segment and date range are kept in the URL. Anonymous surveys show no customer or segment (Comments leaves them out).
 */
@Named
@ViewScoped
public class CommentsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SEARCH_MAX = 200;

    @Inject
    transient Comments comments;

    @Inject
    transient SurveyCatalog surveys;

    @Inject
    transient AnalyticsSettings settings;

    @Inject
    transient SegmentCatalog segments;

    @Inject
    transient Topics topics;

    private String survey;
    private String q;
    private String theme;
    private String question;
    private String segment;
    private LocalDate from;
    private LocalDate to;
    private Comments.ThemeSummary summary;
    private Map<String, String> topicNames = Map.of();
    private final Model model = new Model();

    /** Picks the first survey when none is named and counts the themes. */
    public void load() {
        if (survey == null || surveys.bySlug(survey).isEmpty()) {
            survey = surveys.all().stream().map(Survey::slug).findFirst().orElse(null);
        }
        if (q != null && q.length() > SEARCH_MAX) {
            q = q.substring(0, SEARCH_MAX);
        }
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        topicNames = new LinkedHashMap<>();
        for (Topic t : topics.all()) {
            if (t.enabled()) {
                topicNames.put(t.key(), t.name(Faces.locale()));
            }
        }
        summary = filter() == null ? null : comments.themes(filter(), settings.zone(), Granularity.MONTH);
    }

    CommentFilter filter() {
        Survey chosen = survey == null ? null : surveys.bySlug(survey).orElse(null);
        if (chosen == null) {
            return null;
        }
        String wanted = null;
        if (theme != null && !theme.isBlank()) {
            if (topicNames.containsKey(theme)) {
                wanted = theme;
            } else {
                theme = null;
            }
        }
        Long segmentId = null;
        if (segment != null && !segment.isBlank()) {
            segmentId = segments.byKey(segment).map(Segment::id).orElse(null);
            if (segmentId == null) {
                segment = null;
            }
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (question != null && !textQuestions(chosen).containsValue(question)) {
            question = null;
        }
        return new CommentFilter(chosen.id(), from, to, segmentId, null, null, search, wanted, question);
    }

    /** One page at a time from the database. */
    public class Model extends LazyDataModel<Comments.Comment> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            CommentFilter filter = filter();
            return filter == null
                    ? 0
                    : (int) Math.min(
                            Integer.MAX_VALUE,
                            comments.page(filter, settings.zone(), 0, 1).total());
        }

        @Override
        public List<Comments.Comment> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            CommentFilter filter = filter();
            return filter == null
                    ? List.of()
                    : comments.page(filter, settings.zone(), first, pageSize).comments();
        }

        @Override
        public String getRowKey(Comments.Comment comment) {
            return comment.responseId() + ":" + comment.questionKey();
        }
    }

    public String apply() {
        return "/admin/comments?faces-redirect=true&includeViewParams=true";
    }

    public List<String> getSurveys() {
        return surveys.all().stream().map(Survey::slug).toList();
    }

    /** The chosen survey's text questions, "key: text" (shortened as in the crosstab's menu) to key. */
    public Map<String, String> getQuestions() {
        return surveys.bySlug(survey == null ? "" : survey)
                .map(CommentsView::textQuestions)
                .orElse(Map.of());
    }

    private static Map<String, String> textQuestions(Survey survey) {
        Map<String, String> questions = new LinkedHashMap<>();
        survey.versions().stream()
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.type() == QuestionType.SHORT_TEXT || q.type() == QuestionType.LONG_TEXT)
                .filter(q -> !questions.containsValue(q.key()))
                .forEach(
                        q -> questions.put(Faces.questionLabel(q.key(), q.text().in(Faces.locale())), q.key()));
        return questions;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question == null || question.isBlank() ? null : question;
    }

    /** Segment keys and their names in the console's language. */
    public Map<String, String> getSegments() {
        Map<String, String> named = new LinkedHashMap<>();
        segments.visible().forEach(s -> named.put(s.name().in(Faces.locale()), s.key()));
        return named;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    /** The enabled topics' names in the console's language to their keys. */
    public Map<String, String> getThemes() {
        Map<String, String> named = new LinkedHashMap<>();
        topicNames.forEach((key, name) -> named.put(name, key));
        return named;
    }

    /** The enabled topics' keys to their names in the console's language. */
    public Map<String, String> getTopicNames() {
        return topicNames;
    }

    public Comments.ThemeSummary getSummary() {
        return summary;
    }

    /** The themes per segment and month with their sentiment shares, in the console's language. */
    public List<ThemeTable.Row> getThemeRows() {
        Map<String, String> names = new LinkedHashMap<>();
        segments.all().forEach(s -> names.put(s.key(), s.name().in(Faces.locale())));
        return ThemeTable.rows(
                summary,
                Faces.locale(),
                key -> names.getOrDefault(key, key),
                sentiment -> Faces.text("sentiment." + sentiment.name()));
    }

    public Model getModel() {
        return model;
    }

    public String getSurvey() {
        return survey;
    }

    public void setSurvey(String survey) {
        this.survey = survey;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
