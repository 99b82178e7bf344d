package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.MatrixSummary;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Question;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A matrix question row by row as the admin API answers it. */
@Schema(
        name = "MatrixSummary",
        description = "A matrix question row by row: per row the respondents, the spread over the columns (count,"
                + " share, 95 % margin) and the mean of the columns' positions (1 = first column) with its 95 %"
                + " margin. Rows below the minimum number of responses are suppressed. Rows are not tested against"
                + " each other (every respondent rates every row: paired figures); the crosstab of one row has the"
                + " tests by group")
@JsonbPropertyOrder({"survey", "question", "zone", "from", "to", "minimumResponses", "columns", "rows", "note"})
public record MatrixJson(
        String survey,
        String question,
        String zone,
        @Schema(format = "date") String from,
        @Schema(format = "date") String to,

        @Schema(description = "Rows with fewer respondents are suppressed (anonymous surveys: at least 5)")
        int minimumResponses,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = Column.class,
                description = "The matrix's columns in order; the first is position 1 of the mean")
        List<Column> columns,

        List<MatrixSummary.Row> rows,
        String note) {

    /** A column of the matrix and its position, the value it counts for in a row's mean. */
    @Schema(name = "MatrixColumn")
    @JsonbPropertyOrder({"key", "label", "position"})
    public record Column(String key, String label, int position) {}

    static MatrixJson of(AnalyticsQuery query, Question matrix, String zone, MatrixSummary summary, Messages messages) {
        return new MatrixJson(
                query.survey().slug(),
                matrix.key(),
                zone,
                query.filter().from().toString(),
                query.filter().to().toString(),
                query.rules().anonymous()
                        ? Math.max(query.rules().minimumResponses(), ReportingRules.ANONYMITY_GROUP)
                        : query.rules().minimumResponses(),
                java.util.stream.IntStream.range(0, summary.columns().size())
                        .mapToObj(i -> new Column(
                                summary.columns().get(i).key(),
                                summary.columns().get(i).label(),
                                i + 1))
                        .toList(),
                summary.rows(),
                messages.get("matrix.note"));
    }
}
