package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.Crosstab;
import app.resonance.analytics.control.CrosstabBy;
import app.resonance.analytics.control.ReportingRules;
import app.resonance.platform.control.Messages;
import app.resonance.surveys.entity.Question;
import app.resonance.surveys.entity.QuestionType;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A crosstab as the admin API answers it: what was counted, the columns, the rows with their cells and the
 * table's test, and in {@code notes} what a reader must know (suppressed columns, why there is no
 * chi-square, Cochran's rule), in the request's language.
 */
@Schema(
        name = "Crosstab",
        description = "A question's answer categories (rows) by groups of respondents (columns), with a z test per"
                + " cell (p-values adjusted by Holm over all tested cells) and a chi-square test for the table;"
                + " chiSquare is left out when chiSquareOmitted says why there is none")
@JsonbPropertyOrder({
    "survey",
    "question",
    "row",
    "questionType",
    "by",
    "zone",
    "from",
    "to",
    "minimumResponses",
    "adjustment",
    "testedCells",
    "overlappingRows",
    "overlappingColumns",
    "columns",
    "rows",
    "chiSquare",
    "chiSquareOmitted",
    "notes"
})
public record CrosstabJson(
        String survey,
        String question,

        @Schema(description = "The matrix row counted, for a matrix question; null otherwise") @JsonbNillable
        String row,

        QuestionType questionType,
        String by,
        String zone,
        @Schema(format = "date") String from,
        @Schema(format = "date") String to,

        @Schema(description = "Columns with fewer respondents are suppressed (anonymous surveys: at least 5)")
        int minimumResponses,

        @Schema(description = "How the cells' p-values are adjusted for the number of cells: HOLM")
        String adjustment,

        int testedCells,

        @Schema(description = "Multiple choice: a respondent may be in several rows")
        boolean overlappingRows,

        @Schema(description = "Segments or a multiple-choice question as groups: several columns")
        boolean overlappingColumns,

        List<Crosstab.Column> columns,
        List<Crosstab.Row> rows,

        Crosstab.ChiSquare chiSquare,

        @JsonbNillable Crosstab.Omission chiSquareOmitted,
        List<String> notes) {

    public static final String HOLM = "HOLM";

    static CrosstabJson of(
            AnalyticsQuery query,
            Question question,
            String row,
            CrosstabBy by,
            String zone,
            Crosstab table,
            Messages messages) {
        List<String> notes = new ArrayList<>();
        long suppressed = table.columns().stream().filter(c -> !c.shown()).count();
        if (suppressed > 0) {
            notes.add(messages.get(
                    "crosstab.note.suppressed", suppressed, query.rules().minimumResponses()));
        }
        if (table.chiSquareOmitted() != null) {
            notes.add(messages.get("crosstab.note." + table.chiSquareOmitted().name()));
        } else if (table.chiSquare().sparse()) {
            notes.add(messages.get("crosstab.note.sparse"));
        }
        return new CrosstabJson(
                query.survey().slug(),
                question.key(),
                row,
                question.type(),
                by.text(),
                zone,
                query.filter().from().toString(),
                query.filter().to().toString(),
                query.rules().anonymous()
                        ? Math.max(query.rules().minimumResponses(), ReportingRules.ANONYMITY_GROUP)
                        : query.rules().minimumResponses(),
                HOLM,
                table.testedCells(),
                table.overlappingRows(),
                table.overlappingColumns(),
                table.columns(),
                table.rows(),
                table.chiSquare(),
                table.chiSquareOmitted(),
                notes);
    }
}
