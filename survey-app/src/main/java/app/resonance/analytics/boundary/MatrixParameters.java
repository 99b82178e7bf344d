package app.resonance.analytics.boundary;

import app.resonance.platform.boundary.ParameterDoc;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a matrix summary ({@code @BeanParam}): the matrix question and the filters on the
 * survey's responses ({@link ResponseFilterParameters}); default range: the last 90 days.
 */
public class MatrixParameters extends ResponseFilterParameters {

    @QueryParam("question")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc(value = "The key of the matrix question", required = true)
    String question;

    public MatrixParameters() {}

    public String question() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }
}
