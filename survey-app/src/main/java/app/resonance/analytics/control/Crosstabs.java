package app.resonance.analytics.control;

import app.resonance.analytics.control.CrosstabCounts.Label;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.OptionRole;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import app.resonance.surveys.entity.Survey;
import app.resonance.surveys.entity.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Crosstabs of a survey's question by a grouping ({@link CrosstabBy}) under the analytics filters and the
 * reporting rules of one {@link AnalyticsQuery}: the question and grouping are checked here, counted by
 * {@link CrosstabCounter}, tested by {@link CrosstabStatistics}. Rows: a choice question's options, or a score
 * question's bands ({@link ScoreBands}).
 */
@ApplicationScoped
public class Crosstabs {

    /** Days a crosstab covers when nobody chose a start, as the segment comparison. */
    public static final int DEFAULT_DAYS = AnalyticsQuery.SEGMENT_DAYS;

    @Inject
    CrosstabCounter counter;

    @Inject
    MatrixCounter matrixCounter;

    @Inject
    SegmentCatalog segments;

    @Inject
    AnalyticsSettings settings;

    /** The question of the survey with this key, as its newest version asks it. */
    public static Optional<Question> question(Survey survey, String key) {
        return survey.versions().stream()
                .sorted(Comparator.comparingInt(SurveyVersion::number).reversed())
                .flatMap(v -> v.questions().stream())
                .filter(q -> q.key().equals(key))
                .findFirst();
    }

    /**
     * What is wrong with the question, the matrix row (required for a matrix, refused for any other question) and
     * the grouping asked for, each parameter named once.
     */
    public static List<AnalyticsQuery.Complaint> check(
            Survey survey, String questionKey, String rowCode, String byText) {
        List<AnalyticsQuery.Complaint> complaints = new ArrayList<>();
        boolean rowGiven = rowCode != null && !rowCode.isBlank();
        if (questionKey == null || questionKey.isBlank()) {
            complaints.add(new AnalyticsQuery.Complaint("question", "required"));
        } else {
            question(survey, questionKey.strip())
                    .ifPresentOrElse(
                            q -> {
                                if (q.type() == QuestionType.MATRIX) {
                                    if (!rowGiven) {
                                        complaints.add(new AnalyticsQuery.Complaint("row", "crosstabMatrixRow"));
                                    } else if (q.options(OptionRole.ROW).stream()
                                            .noneMatch(o -> o.code().equals(rowCode.strip()))) {
                                        complaints.add(new AnalyticsQuery.Complaint("row", "unknownMatrixRow"));
                                    }
                                } else if (!countable(q.type())) {
                                    complaints.add(new AnalyticsQuery.Complaint("question", "crosstabQuestion"));
                                } else if (rowGiven) {
                                    complaints.add(new AnalyticsQuery.Complaint("row", "crosstabNotMatrix"));
                                }
                            },
                            () -> complaints.add(new AnalyticsQuery.Complaint("question", "unknownQuestion")));
        }
        Optional<CrosstabBy> by = CrosstabBy.parse(byText);
        if (byText == null || byText.isBlank()) {
            complaints.add(new AnalyticsQuery.Complaint("by", "required"));
        } else if (by.isEmpty()) {
            complaints.add(new AnalyticsQuery.Complaint("by", "oneOf", CrosstabBy.choices()));
        } else if (by.get().kind() == CrosstabBy.Kind.QUESTION) {
            Optional<Question> other = question(survey, by.get().questionKey());
            if (other.isEmpty()) {
                complaints.add(new AnalyticsQuery.Complaint("by", "unknownQuestion"));
            } else if (!other.get().type().hasOptions() || other.get().type() == QuestionType.MATRIX) {
                complaints.add(new AnalyticsQuery.Complaint("by", "crosstabGroup"));
            } else if (questionKey != null && other.get().key().equals(questionKey.strip())) {
                complaints.add(new AnalyticsQuery.Complaint("by", "crosstabSameQuestion"));
            }
        }
        return complaints;
    }

    /**
     * A grouping by month or quarter is refused over more than {@value CalendarColumns#MOST} periods (five years of
     * months): such a table helps no reader, and its SQL grows with every period.
     */
    public static List<AnalyticsQuery.Complaint> checkPeriods(String byText, LocalDate from, LocalDate to) {
        Optional<CrosstabBy> by = CrosstabBy.parse(byText);
        if (by.isPresent()
                && by.get().calendar()
                && from != null
                && to != null
                && CalendarColumns.count(by.get().kind(), from, to) > CalendarColumns.MOST) {
            return List.of(new AnalyticsQuery.Complaint("by", "crosstabPeriods", CalendarColumns.MOST));
        }
        return List.of();
    }

    /** Choice and score questions have categories; a matrix has them per row (its columns); texts have none. */
    static boolean countable(QuestionType type) {
        return type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE || type.isScale();
    }

    /**
     * The crosstab of a checked question (for a matrix: one of its rows, whose categories are the matrix's
     * columns) and grouping ({@link #check}) under the query's filters and rules.
     */
    public Crosstab table(AnalyticsQuery query, Question question, String rowCode, CrosstabBy by, Messages messages)
            throws SQLException {
        Survey survey = query.survey();
        boolean multiple = question.type() == QuestionType.MULTIPLE_CHOICE;
        boolean overlappingColumns = by.overlapping(by.kind() == CrosstabBy.Kind.QUESTION
                && question(survey, by.questionKey()).orElseThrow().type() == QuestionType.MULTIPLE_CHOICE);
        ScoreBands bands = question.type().isScale() ? ScoreBands.of(question) : null;
        var filter = query.filter();
        CrosstabCounts counts = counter.count(new CrosstabCounter.Request(
                CommentFilter.of(survey.id(), filter),
                settings.zone(),
                question.key(),
                question.type() == QuestionType.MATRIX ? rowCode.strip() : null,
                (option, score) -> bands == null ? option : score == null ? null : bands.band(score),
                by,
                bands == null ? options(question, messages) : bands.labels(messages),
                columns(survey, by, filter.from(), filter.to(), messages),
                multiple,
                overlappingColumns));
        return CrosstabStatistics.of(counts, query.rules());
    }

    /** A single or multiple choice question's shares under the query's filters and rules ({@link ChoiceShares}). */
    public ChoiceShares choices(AnalyticsQuery query, Question question, Messages messages) throws SQLException {
        var filter = query.filter();
        boolean multiple = question.type() == QuestionType.MULTIPLE_CHOICE;
        List<Label> options = options(question, messages);
        CrosstabCounts counts = counter.totals(new CrosstabCounter.Request(
                CommentFilter.of(query.survey().id(), filter),
                settings.zone(),
                question.key(),
                null,
                (option, score) -> option,
                null,
                options,
                List.of(),
                multiple,
                false));
        return ChoiceShares.of(options, counts.rowTotals(), counts.total(), multiple, query.rules());
    }

    /** What is wrong with the matrix question asked for a matrix summary. */
    public static List<AnalyticsQuery.Complaint> checkMatrix(Survey survey, String questionKey) {
        if (questionKey == null || questionKey.isBlank()) {
            return List.of(new AnalyticsQuery.Complaint("question", "required"));
        }
        return question(survey, questionKey.strip())
                .map(q -> q.type() == QuestionType.MATRIX
                        ? List.<AnalyticsQuery.Complaint>of()
                        : List.of(new AnalyticsQuery.Complaint("question", "notMatrix")))
                .orElse(List.of(new AnalyticsQuery.Complaint("question", "unknownQuestion")));
    }

    /** A checked matrix question ({@link #checkMatrix}) row by row under the query's filters and rules. */
    public MatrixSummary matrix(AnalyticsQuery query, Question matrix, Messages messages) throws SQLException {
        var filter = query.filter();
        var counts = matrixCounter.count(CommentFilter.of(query.survey().id(), filter), settings.zone(), matrix.key());
        List<Label> rows = matrix.options(OptionRole.ROW).stream()
                .map(o -> new Label(o.code(), o.label().in(messages.locale())))
                .toList();
        return MatrixSummary.of(rows, options(matrix, messages), counts, query.rules());
    }

    private static List<Label> options(Question question, Messages messages) {
        OptionRole role = question.type() == QuestionType.MATRIX ? OptionRole.COLUMN : OptionRole.OPTION;
        return question.options(role).stream()
                .map(o -> new Label(o.code(), o.label().in(messages.locale())))
                .toList();
    }

    private List<Label> columns(Survey survey, CrosstabBy by, LocalDate from, LocalDate to, Messages messages) {
        return switch (by.kind()) {
            case SEGMENT ->
                segments.all().stream()
                        .map(s -> new Label(s.key(), s.name().in(messages.locale())))
                        .toList();
            case QUESTION -> options(question(survey, by.questionKey()).orElseThrow(), messages);
            case MONTH, QUARTER -> CalendarColumns.of(by.kind(), from, to).labels(messages.locale());
            default -> List.of();
        };
    }
}
