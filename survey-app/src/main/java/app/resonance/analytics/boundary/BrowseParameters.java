package app.resonance.analytics.boundary;

import app.resonance.analytics.control.AnalyticsQuery;
import app.resonance.analytics.control.BrowseQuery;
import app.resonance.analytics.control.Theme;
import app.resonance.platform.boundary.Day;
import app.resonance.platform.boundary.OneOf;
import app.resonance.platform.boundary.ParameterDoc;
import app.resonance.platform.boundary.WholeNumber;
import app.resonance.responses.entity.Channel;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of the response browser ({@code @BeanParam}): the analytics filters, read into the one
 * {@link AnalyticsQuery} (its survey is the path's), and the browser's own, read by {@link BrowseQuery}.
 */
public class BrowseParameters {

    @QueryParam("version")
    @WholeNumber(min = 1)
    @ParameterDoc("Only responses to this version of the survey")
    String version;

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
    @ParameterDoc("First day (YYYY-MM-DD in the console's time zone); default ten years before 'to'")
    String from;

    @QueryParam("to")
    @Day
    @ParameterDoc("Last day (YYYY-MM-DD in the console's time zone); default today")
    String to;

    @QueryParam("band")
    @Size(max = 20, message = "{error.tooLong}")
    @ParameterDoc("Score band of the survey's metric question: detractor, passive, promoter (NPS); dissatisfied,"
            + " neutral, satisfied (CSAT); difficult, neutral, easy (CES); a rating's point")
    String band;

    @QueryParam("topic")
    @OneOf(type = Theme.class)
    @ParameterDoc("Only responses with a comment on this topic")
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

    /** The analytics filters for the survey of the path. */
    AnalyticsQuery.Input filters(String slug) {
        return new AnalyticsQuery.Input(slug, null, null, segment, channel, locale, from, to, null, null, null);
    }

    /** The browser's own parameters. */
    BrowseQuery.Input browse() {
        return new BrowseQuery.Input(version, band, topic, q, customer, cursor, limit);
    }
}
