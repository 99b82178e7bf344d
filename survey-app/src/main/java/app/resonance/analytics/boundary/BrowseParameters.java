package app.resonance.analytics.boundary;

import app.resonance.analytics.control.BrowseQuery;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.WholeNumber;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of the response browser ({@code @BeanParam}): the filters on the survey's responses
 * ({@link ResponseFilterParameters}; default range: the last ten years) and the browser's own, read by
 * {@link BrowseQuery}.
 */
public class BrowseParameters extends ResponseFilterParameters {

    @QueryParam("version")
    @WholeNumber(min = 1)
    @ParameterDoc("Only responses to this version of the survey")
    String version;

    @QueryParam("band")
    @Size(max = 20, message = "{error.tooLong}")
    @ParameterDoc("Score band of the survey's metric question: detractor, passive, promoter (NPS); dissatisfied,"
            + " neutral, satisfied (CSAT); difficult, neutral, easy (CES); a rating's point")
    String band;

    @QueryParam("topic")
    @Pattern(regexp = "[A-Za-z0-9_]{1,40}", message = "{error.topicKey}")
    @ParameterDoc("Only responses with a comment on this topic (its key, see /admin/topics)")
    String topic;

    @QueryParam("q")
    @Size(max = BrowseQuery.MAX_SEARCH, message = "{error.tooLong}")
    @ParameterDoc("Search text, case-insensitive, anywhere in a comment of the response")
    String q;

    @QueryParam("customer")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Only this customer's responses (external id; not for anonymous surveys)")
    String customer;

    @QueryParam("cursor")
    @Size(max = 200, message = "{error.tooLong}")
    @ParameterDoc("Where the page starts: the 'next' of the page before; default the newest response")
    String cursor;

    @QueryParam("limit")
    @WholeNumber(min = 1, max = BrowseQuery.MAX_LIMIT)
    @ParameterDoc("Responses per page, 1 to 100; default 25")
    String limit;

    public BrowseParameters() {}

    /** The browser's own parameters. */
    BrowseQuery.Input browse() {
        return new BrowseQuery.Input(version, band, topic, q, customer, cursor, limit);
    }
}
