package app.resonance.analytics.control;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dashboard's PDF report for an {@link AnalyticsQuery}: what it contains is decided here once, for the
 * admin API's download and the console's button alike, and drawn by {@link DashboardReport}.
 */
@ApplicationScoped
public class DashboardReports {

    @Inject
    TrendAnalysis analysis;

    @Inject
    TrendMarkers markers;

    @Inject
    SegmentCatalog segments;

    @Inject
    AnalyticsQueries queries;

    @Inject
    Crosstabs crosstabs;

    @Inject
    jakarta.enterprise.inject.Instance<LoopFigures> loop;

    /** The caller's data scope; null when made by hand (tests), which sees everything. */
    @jakarta.inject.Inject
    app.resonance.platform.control.DataScopes scopes;

    /** Writes the report of the query in the messages' language. */
    public void write(AnalyticsQuery query, Messages messages, OutputStream out) throws IOException {
        new DashboardReport(messages).write(content(query, messages, queries.today()), out);
    }

    DashboardReport.Content content(AnalyticsQuery query, Messages messages, LocalDate made) {
        RollupFilter filter = query.filter();
        Map<Long, String> names = segments.all().stream()
                .collect(Collectors.toMap(Segment::id, s -> s.name().in(messages.locale())));
        LocalDate segmentsFrom = query.segmentsFrom();
        return new DashboardReport.Content(
                query.surveyTitle(messages),
                query.segment() == null
                        ? messages.get("report.allSegments")
                        : names.get(query.segment().id()),
                filter.channel(),
                filter.locale(),
                filter.from(),
                filter.to(),
                query.granularity(),
                made,
                analysis.total(filter, query.rules()),
                analysis.trend(filter, query.granularity(), query.rules()),
                segmentsFrom,
                filter.to(),
                analysis.segments(filter.inSegment(null).between(segmentsFrom, filter.to()), query.rules()),
                names,
                analysis.impacts(
                        filter,
                        markers.between(filter.from(), filter.to(), filter.surveyId(), filter.segmentId()),
                        query.days(),
                        query.rules()),
                choices(query, messages),
                matrices(query, messages),
                // the follow-ups' effect over every task: not for a user limited to some segments
                loop.isResolvable()
                                && !app.resonance.platform.control.DataScopes.callerOf(scopes)
                                        .limited()
                        ? loop.get().between(filter.from(), filter.to())
                        : null);
    }

    /** The survey's single and multiple choice questions (its newest version's), under the report's filters. */
    private List<DashboardReport.ChoiceSection> choices(AnalyticsQuery query, Messages messages) {
        if (query.survey() == null) {
            return List.of();
        }
        List<DashboardReport.ChoiceSection> sections = new ArrayList<>();
        for (Question question : query.survey().latestVersion().questions()) {
            if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.MULTIPLE_CHOICE) {
                try {
                    sections.add(new DashboardReport.ChoiceSection(
                            question.text().in(messages.locale()), crosstabs.choices(query, question, messages)));
                } catch (SQLException e) {
                    throw new IllegalStateException("Counting the choice question " + question.key() + " failed", e);
                }
            }
        }
        return sections;
    }

    /** The survey's matrix questions (its newest version's), each row by row under the report's filters. */
    private List<DashboardReport.MatrixSection> matrices(AnalyticsQuery query, Messages messages) {
        if (query.survey() == null) {
            return List.of();
        }
        List<DashboardReport.MatrixSection> sections = new ArrayList<>();
        for (Question question : query.survey().latestVersion().questions()) {
            if (question.type() == QuestionType.MATRIX) {
                try {
                    sections.add(new DashboardReport.MatrixSection(
                            question.text().in(messages.locale()), crosstabs.matrix(query, question, messages)));
                } catch (SQLException e) {
                    throw new IllegalStateException("Counting the matrix " + question.key() + " failed", e);
                }
            }
        }
        return sections;
    }
}
