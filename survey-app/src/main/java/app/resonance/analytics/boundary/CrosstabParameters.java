package app.resonance.analytics.boundary;

import app.resonance.platform.boundary.ParameterDoc;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a crosstab ({@code @BeanParam}): the question and the grouping, and the filters on the
 * survey's responses ({@link ResponseFilterParameters}); default range: the last 90 days.
 */
public class CrosstabParameters extends ResponseFilterParameters {

    @QueryParam("question")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc(value = "The key of the choice, score or matrix question whose answers are the rows", required = true)
    String question;

    @QueryParam("row")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc(
            value = "For a matrix question: the row whose answers are counted (its categories are the matrix's"
                    + " columns); required for a matrix, refused for any other question")
    String row;

    @QueryParam("by")
    @Size(max = 210, message = "{error.tooLong}")
    @ParameterDoc(
            value = "The columns: segment, plan, region, lifecycle, channel, language, month or quarter (the"
                    + " calendar periods of the days counted, in the reporting zone: the question over time, at most 60"
                    + " periods), or question:KEY (the options of another choice question)",
            required = true)
    String by;

    public CrosstabParameters() {}

    public String question() {
        return question;
    }

    public String row() {
        return row;
    }

    public void setRow(String row) {
        this.row = row;
    }

    public String by() {
        return by;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public void setBy(String by) {
        this.by = by;
    }
}
