package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.responses.entity.Channel;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of a crosstab ({@code @BeanParam}): the question and the grouping, and the filters of
 * the analytics API, read into the one {@link AnalyticsQuery} (its survey is the path's).
 */
public class CrosstabParameters {

    @QueryParam("question")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc(value = "The key of the choice or score question whose answers are the rows", required = true)
    String question;

    @QueryParam("by")
    @Size(max = 210, message = "{error.tooLong}")
    @ParameterDoc(
            value = "The columns: segment, plan, region, lifecycle, channel, language, or question:KEY (the options"
                    + " of another choice question)",
            required = true)
    String by;

    @QueryParam("segment")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Only responses of this segment (its key)")
    String segment;

    @QueryParam("channel")
    @OneOf(type = Channel.class)
    @ParameterDoc("Only responses from this channel")
    String channel;

    @QueryParam("locale")
    @OneOf(values = {"de", "en"})
    @ParameterDoc("Only responses in this language")
    String locale;

    @QueryParam("from")
    @Day
    @ParameterDoc("First day (YYYY-MM-DD in the console's time zone); default 'to' less 90 days")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day (YYYY-MM-DD in the console's time zone); default today")
    String to;

    public CrosstabParameters() {}

    /** The filters as the one analytics query reads them, for the survey of the path. */
    AnalyticsQuery.Input input(String slug) {
        return new AnalyticsQuery.Input(slug, null, null, segment, channel, locale, from, to, null, null, null);
    }

    public String question() {
        return question;
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
